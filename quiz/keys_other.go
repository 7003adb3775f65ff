//go:build !unix

package quiz

import (
	"time"

	"github.com/AlecAivazis/survey/v2/terminal"
)

// pollFunc returns nil: without poll, the rest of a key that came in
// parts is not waited for.
func pollFunc(terminal.FileReader) func(time.Duration) bool { return nil }

// wakeFunc returns nil: without poll, Redraw does nothing.
func wakeFunc(terminal.FileReader) (func() bool, func()) { return nil, nil }
