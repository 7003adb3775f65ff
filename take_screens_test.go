//go:build !windows

package main

import (
	"fmt"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"amends/internal/screentest"
	"amends/internal/text"
)

// The screen tests take the whole built-in set in the terminal at 40, 80
// and 200 columns and fail on what a person should never see: a word
// broken across two lines, a line of a prompt left behind by Ctrl-C, and a
// problem with a reply still on screen once the reply is fixed.

const kShiftTab = "\x1b[Z"

// startSized starts the binary on a virtual screen of cols by rows.
func startSized(t *testing.T, bin string, h *home, cols, rows int, args ...string) *ptyRun {
	t.Helper()
	c, term := screentest.Console(t, cols, rows, true)
	cmd := exec.Command(bin, args...)
	cmd.Dir, cmd.Env = h.work, h.env()
	cmd.Stdin, cmd.Stdout, cmd.Stderr = c.Tty(), c.Tty(), c.Tty()
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return &ptyRun{t: t, c: c, term: term, cmd: cmd}
}

// expectRe waits for the pattern and returns what it matched.
func (r *ptyRun) expectRe(pattern string) string {
	r.t.Helper()
	re := regexp.MustCompile(pattern)
	out, err := r.c.Expect(screentest.Regexp(pattern))
	r.raw.WriteString(out)
	if err != nil {
		r.t.Fatalf("waiting for %s: %v\nscreen:\n%s", pattern, err, r.screen())
	}
	return re.FindString(out)
}

// brokenWords returns the places where the terminal broke a word at the
// edge of the screen: a row it wrapped that ends in the middle of a word
// short enough to have gone whole onto the next line. A word wider than
// the screen (a long path) has to be broken, and is not counted.
func (r *ptyRun) brokenWords() []string {
	r.term.Lock()
	defer r.term.Unlock()
	cols, rows := r.term.Size()
	row := func(y int) string {
		var b []rune
		for x := 0; x < cols; x++ {
			b = append(b, r.term.Cell(x, y).Char)
		}
		return string(b)
	}
	var broken []string
	for y := 0; y+1 < rows; y++ {
		if r.term.Cell(cols-1, y).Mode&vtWrapped == 0 {
			continue
		}
		this, next := row(y), row(y+1)
		left := this[strings.LastIndexAny(this, " \x00")+1:]
		right := next
		if i := strings.IndexAny(next, " \x00"); i >= 0 {
			right = next[:i]
		}
		if left != "" && right != "" && text.Width(left+right) < cols {
			broken = append(broken, fmt.Sprintf("%q | %q", strings.TrimRight(this, " \x00"), strings.TrimRight(next, " \x00")))
		}
	}
	return broken
}

// checkScreen fails the test on a broken word on the screen now.
func (r *ptyRun) checkScreen(where string) {
	r.t.Helper()
	if b := r.brokenWords(); len(b) > 0 {
		r.t.Errorf("%s: a word broken at the edge of the screen:\n%s\nscreen:\n%s", where, strings.Join(b, "\n"), r.screen())
	}
}

func TestTakeTerminalScreens(t *testing.T) {
	bin := amendsBin(t)
	for _, cols := range []int{40, 80, 200} {
		t.Run(strconv.Itoa(cols), func(t *testing.T) {
			h := newHome(t)
			r := startSized(t, bin, h, cols, 24, "take")
			r.takeBuiltin(func(string, string) bool { return false })
			r.step("Nothing was kept")
			if code := r.wait(); code != 0 {
				t.Fatalf("exit %d\n%s", code, r.screen())
			}
			r.checkScreen("the end")
			screen := r.screen()
			if strings.Contains(screen, "Nothing is ticked yet") {
				t.Errorf("the problem with a reply is still on screen once it is answered:\n%s", screen)
			}
			if !strings.Contains(r.tail("Nothing was kept"), "Nothing was kept: no report, no answers file, and the progress file is deleted.") {
				t.Errorf("the last line:\n%s", screen)
			}
		})
	}
}
