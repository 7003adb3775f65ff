package main

import (
	"fmt"
	"io"
	"strings"

	"amends/report"
)

func runReport(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("report", stderr)
	answersPath := fs.String("answers", "", "the answers `file` to report on (written by amends take)")
	setPath := fs.String("set", "", "the question set `file` the answers belong to (default: the built-in set)")
	out := fs.String("o", "", "write the PDF report to `file`")
	force := fs.Bool("force", false, "replace the report file if it exists")
	paper := fs.String("paper", "a4", "paper `size`: a4 or letter")
	appendix := fs.Bool("answers-appendix", false, "add your answers themselves at the end (anyone who opens the PDF can read them)")
	if err := parse(fs, args, stderr); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("report takes no arguments besides its flags; answers come from a file, never the command line")
	}
	if *answersPath == "" {
		return usagef("report needs -answers FILE")
	}
	if *out == "" {
		return usagef("report needs -o REPORT.pdf, the file to write")
	}
	p := strings.ToLower(*paper)
	if p != "a4" && p != "letter" {
		return usagef("report: -paper is a4 or letter, not %q", *paper)
	}
	r, err := scoreFile(*setPath, *answersPath, "report", stderr)
	if err != nil {
		return err
	}
	o := report.Options{
		Paper:    p,
		Date:     reportDate(),
		Appendix: *appendix,
		Kept:     *answersPath,
	}
	if err := report.WriteFile(*out, r, o, *force); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Your report is in %s (only you can read it).\n", *out)
	return nil
}
