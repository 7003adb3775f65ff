// Package report turns a quiz.Result into a PDF someone can read once and act on.
package report

import (
	"errors"
	"io"
	"time"

	"amends/quiz"
)

// Options say how a report is printed.
type Options struct {
	Paper    string    // "a4" (the default) or "letter"
	Date     time.Time // the date printed on the first page
	Appendix bool      // add the answers themselves at the end
	Kept     string    // where the answers are kept, for the privacy note; "" when nowhere
}

// PDF writes the report of r to w.
func PDF(w io.Writer, r *quiz.Result, o Options) error {
	return errors.New("the PDF report is being written")
}

// WriteFile writes the report of r to path atomically with mode 0600; an
// existing file is replaced only when overwrite is set.
func WriteFile(path string, r *quiz.Result, o Options, overwrite bool) error {
	return errors.New("the PDF report is being written")
}
