//go:build !windows

package main

import (
	"errors"
	"os/exec"
	"strings"

	expect "github.com/Netflix/go-expect"
)

// step waits for text to appear, then types keys.
func (r *ptyRun) step(text string, keys ...string) {
	r.t.Helper()
	out, err := r.c.ExpectString(text)
	r.raw.WriteString(out)
	if err != nil {
		r.t.Fatalf("waiting for %q: %v\nscreen:\n%s", text, err, r.screen())
	}
	for _, k := range keys {
		r.c.Send(k)
	}
}

// wait waits for the program to end and returns its exit code; each of
// then runs once it has ended, while its terminal is still open.
func (r *ptyRun) wait(then ...func()) int {
	r.t.Helper()
	// Keep reading the screen while waiting: survey may still ask the
	// virtual terminal where its cursor is.
	done := make(chan struct{})
	go func() {
		r.c.ExpectEOF()
		close(done)
	}()
	err := r.cmd.Wait()
	for _, f := range then {
		f()
	}
	r.c.Tty().Close()
	<-done
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return ee.ExitCode()
	}
	if err != nil {
		r.t.Fatal(err)
	}
	return 0
}

// vtWrapped marks, in vt10x, the last cell of a row whose text went on on
// the next row (its unexported attrWrap).
const vtWrapped = 1 << 6

// screen is what the virtual screen shows, one line of text to a line:
// a line the terminal wrapped at its edge is joined up again, so that what
// a test looks for never depends on how long a path is, and trailing
// spaces and empty lines at the end are dropped.
func (r *ptyRun) screen() string {
	r.term.Lock()
	defer r.term.Unlock()
	cols, rows := r.term.Size()
	var b strings.Builder
	for y := 0; y < rows; y++ {
		var row []rune
		for x := 0; x < cols; x++ {
			row = append(row, r.term.Cell(x, y).Char)
		}
		if r.term.Cell(cols-1, y).Mode&vtWrapped != 0 {
			b.WriteString(string(row))
			continue
		}
		b.WriteString(strings.TrimRight(string(row), " "))
		b.WriteByte('\n')
	}
	return expect.StripTrailingEmptyLines(b.String())
}

// answerStart answers the partner words (as written), the name (none) and
// "Has he ever seemed afraid of you?" (No).
func (r *ptyRun) answerStart() {
	r.step("Which words should they use?", kEnter)
	r.step("A name or nickname", kEnter)
	r.step("question 1 of 5", kDown, kEnter)
}

// keepAnswersAtTheEnd goes past the last review, saves no report, and
// keeps the answers in the file of the name offered.
func (r *ptyRun) keepAnswersAtTheEnd() {
	r.step("That was the last question", kEnter)
	r.step("Save your report as a PDF?", kDown, kDown, kEnter)  // No
	r.step("Keep your answers in a file too", kUp, kUp, kEnter) // Yes, as the name offered
}

// tail is the text of the screen from the last line that starts with
// from, its lines joined by spaces: what a message says, however the
// screen's width wrapped it.
func (r *ptyRun) tail(from string) string {
	s := r.screen()
	if i := strings.LastIndex(s, "\n"+from); i >= 0 {
		s = s[i+1:]
	}
	return strings.Join(strings.Fields(s), " ")
}
