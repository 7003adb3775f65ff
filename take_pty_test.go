//go:build !windows

package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	expect "github.com/Netflix/go-expect"
	"github.com/creack/pty"
	"github.com/hinshun/vt10x"
	"golang.org/x/sys/unix"

	"amends/score"
)

// Keys as a terminal sends them.
const (
	kDown  = "\x1b[B"
	kEnter = "\r"
	kSpace = " "
	kCtrlC = "\x03"
)

// ptyRun is the real binary running in a pseudo-terminal whose screen is
// a vt10x virtual terminal, driven with go-expect (research/libraries.md §1.6).
type ptyRun struct {
	t    *testing.T
	c    *expect.Console
	term vt10x.Terminal
	cmd  *exec.Cmd
	raw  strings.Builder // everything the program wrote, escapes and all
}

func startPty(t *testing.T, bin string, h *home, args ...string) *ptyRun {
	t.Helper()
	return startPtyEnv(t, bin, h, h.env(), true, args...)
}

// startPtyEnv starts the binary with env; raw pre-sets survey's tty mode,
// which the plain mode must not have (it reads lines, and Ctrl-C is a signal).
func startPtyEnv(t *testing.T, bin string, h *home, env []string, raw bool, args ...string) *ptyRun {
	t.Helper()
	// vt10x answers survey's cursor-position queries by writing into the
	// outer pty; go-expect copies them back in as keyboard input.
	ptm, pts, err := pty.Open()
	if err != nil {
		t.Fatal(err)
	}
	term := vt10x.New(vt10x.WithWriter(pts), vt10x.WithSize(100, 40))
	// The timeout only keeps a broken run from hanging; nothing is timed.
	c, err := expect.NewConsole(expect.WithStdin(ptm), expect.WithStdout(term),
		expect.WithCloser(ptm, pts), expect.WithDefaultTimeout(20*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	// Fix 2: the program's tty has the virtual screen's size, so that
	// survey's line counting matches what vt10x shows.
	if err := pty.Setsize(c.Tty(), &pty.Winsize{Cols: 100, Rows: 40}); err != nil {
		t.Fatal(err)
	}
	// Fix 1: pre-set survey's own tty mode, so that keys sent as soon as a
	// prompt appears are not taken by the cooked line discipline.
	if raw {
		fd := int(c.Tty().Fd())
		tio, err := unix.IoctlGetTermios(fd, unix.TCGETS)
		if err != nil {
			t.Fatal(err)
		}
		tio.Lflag &^= unix.ECHO | unix.ECHONL | unix.ICANON | unix.ISIG
		tio.Cc[unix.VMIN], tio.Cc[unix.VTIME] = 1, 0
		if err := unix.IoctlSetTermios(fd, unix.TCSETS, tio); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(bin, args...)
	cmd.Dir, cmd.Env = h.work, env
	cmd.Stdin, cmd.Stdout, cmd.Stderr = c.Tty(), c.Tty(), c.Tty()
	// Its own session with the pty as controlling terminal, as in a real
	// terminal, so that Ctrl-C in cooked mode is a SIGINT to it.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return &ptyRun{t: t, c: c, term: term, cmd: cmd}
}

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

// wait waits for the program to end and returns its exit code.
func (r *ptyRun) wait() int {
	r.t.Helper()
	// Keep reading the screen while waiting: survey may still ask the
	// virtual terminal where its cursor is.
	done := make(chan struct{})
	go func() {
		r.c.ExpectEOF()
		close(done)
	}()
	err := r.cmd.Wait()
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
// "Has he ever seemed afraid of you?" (No), then continues past its review.
func (r *ptyRun) answerStart() {
	r.step("Which words should they use?", kEnter)
	r.step("A name or nickname", kEnter)
	r.step("question 1 of 5", kDown, kEnter)
	r.step("Continue, or pick an answer", kEnter)
}

func TestTakeTerminalFullRun(t *testing.T) {
	bin := buildAmends(t)
	h := newHome(t)
	r := startPty(t, bin, h, "take", "-set", h.set(t))
	r.answerStart()
	r.step("question 2 of 5", kSpace, kDown, kSpace, kEnter) // Broken trust, Hurtful words
	r.step("question 3 of 6", kDown, kEnter)                 // He found out
	r.step("question 4 of 6", kDown, kDown, kDown, kEnter)   // Agree
	r.step("question 5 of 6", kDown, kDown, kEnter)          // 2 on the ruler
	r.step("question 6 of 6", "Zażółć gęślą jaźń", kEnter)
	r.step(`That is the end of "What happened"`, kEnter)
	r.step("Ready to see your result?", kEnter)
	r.step("Save your report as a PDF?", "n", kEnter)
	r.step("Keep your answers in a file too", "y", kEnter)
	r.step("File name for your answers", kEnter)
	if code := r.wait(); code != 0 {
		t.Fatalf("exit %d\n%s", code, r.screen())
	}
	a, err := score.ReadAnswersFile(filepath.Join(h.work, "amends-answers-2026-11-25.toml"), loadTakeSet(t))
	if err != nil {
		t.Fatalf("%v\n%s", err, r.screen())
	}
	want := map[string]any{"afraid": "no", "hurt": []string{"trust", "words"}, "trust_detail": "found", "blame": 4, "texts": 2, "note": "Zażółć gęślą jaźń"}
	if !reflect.DeepEqual(a.Values, want) {
		t.Errorf("answers %#v\nwant %#v", a.Values, want)
	}
	if sgr := regexp.MustCompile(`\x1b\[[0-9;]*m`).FindString(r.raw.String()); sgr != "" {
		t.Errorf("colour %q with NO_COLOR set", sgr)
	}
	screen := r.screen()
	for _, s := range []string{"? What kind of hurt was it? Broken trust, Hurtful words", "Your result: ", "The progress file has been deleted"} {
		if !strings.Contains(screen, s) {
			t.Errorf("screen lacks %q:\n%s", s, screen)
		}
	}
	if f := h.stateFiles(t); len(f) > 0 {
		t.Errorf("left %v", f)
	}
}

func TestTakeTerminalHelp(t *testing.T) {
	bin := buildAmends(t)
	h := newHome(t)
	r := startPty(t, bin, h, "take", "-set", h.set(t))
	r.step("Which words should they use?", kEnter)
	r.step("A name or nickname", kEnter)
	r.step("? for more help", "?")
	r.step("We ask everyone.", kCtrlC) // the help is shown: step waits for it
	if code := r.wait(); code != 130 {
		t.Fatalf("exit %d", code)
	}
	// Ctrl-C erases the prompt, its help and its options, leaving the
	// message about what is kept.
	screen := r.screen()
	if strings.Contains(screen, "I'd rather not say") || !strings.Contains(screen, "Stopped before anything was saved") {
		t.Errorf("after Ctrl-C the screen reads:\n%s", screen)
	}
}

func TestTakeTerminalReviewChangesAnswer(t *testing.T) {
	bin := buildAmends(t)
	h := newHome(t)
	r := startPty(t, bin, h, "take", "-set", h.set(t))
	r.answerStart()
	r.step("question 2 of 5", kDown, kSpace, kEnter) // Hurtful words only
	r.step("question 3 of 5", kEnter)                // Strongly disagree
	r.step("question 4 of 5", kEnter)                // 0
	r.step("question 5 of 5", kEnter)                // no note
	// The review: change the first answer (hurt) to add Broken trust;
	// the question that depends on it is then asked.
	r.step(`That is the end of "What happened"`, kDown, kEnter)
	r.step("question 2 of 5", kSpace, kEnter)
	r.step("question 3 of 6", kDown, kEnter)
	r.step(`That is the end of "What happened"`, kEnter)
	r.step("Ready to see your result?", kEnter)
	r.step("Save your report as a PDF?", "n", kEnter)
	r.step("Keep your answers in a file too", "y", kEnter)
	r.step("File name for your answers", kEnter)
	if code := r.wait(); code != 0 {
		t.Fatalf("exit %d\n%s", code, r.screen())
	}
	a, err := score.ReadAnswersFile(filepath.Join(h.work, "amends-answers-2026-11-25.toml"), loadTakeSet(t))
	if err != nil {
		t.Fatal(err)
	}
	if got := a.Values["hurt"]; !reflect.DeepEqual(got, []string{"trust", "words"}) {
		t.Errorf("hurt = %v", got)
	}
	if got := a.Values["trust_detail"]; got != "found" {
		t.Errorf("trust_detail = %v", got)
	}
}

func TestTakeTerminalInterruptThenResume(t *testing.T) {
	bin := buildAmends(t)
	h := newHome(t)
	r := startPty(t, bin, h, "take", "-set", h.set(t))
	r.answerStart()
	r.step("question 2 of 5", kSpace, kEnter) // Broken trust
	r.step("question 3 of 6", kDown, kCtrlC)
	r.step("Stopped. Your 2 answers are kept in " + h.progress())
	if code := r.wait(); code != 130 {
		t.Fatalf("exit %d\n%s", code, r.screen())
	}
	screen := r.screen()
	lines := strings.Split(screen, "\n")
	if last, want := lines[len(lines)-1], "To carry on where you left off: amends take -resume -set "+shellQuote(h.set(t)); last != want {
		t.Errorf("last line %q, want %q\n%s", last, want, screen)
	}
	if fi, err := os.Stat(h.progress()); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("progress: %v", err)
	}

	r = startPty(t, bin, h, "take", "-resume", "-set", h.set(t))
	r.step("2 answers are kept; carrying on")
	r.step("question 3 of 6", kEnter) // I told him
	r.step("question 4 of 6", kEnter)
	r.step("question 5 of 6", kEnter)
	r.step("question 6 of 6", kEnter)
	r.step(`That is the end of "What happened"`, kEnter)
	r.step("Ready to see your result?", kEnter)
	r.step("Save your report as a PDF?", "n", kEnter)
	r.step("Keep your answers in a file too", "y", kEnter)
	r.step("File name for your answers", kEnter)
	if code := r.wait(); code != 0 {
		t.Fatalf("exit %d\n%s", code, r.screen())
	}
	if strings.Contains(r.screen(), "afraid of you") {
		t.Errorf("resume asked an answered question again:\n%s", r.screen())
	}
	a, err := score.ReadAnswersFile(filepath.Join(h.work, "amends-answers-2026-11-25.toml"), loadTakeSet(t))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"afraid": "no", "hurt": []string{"trust"}, "trust_detail": "told", "blame": 1, "texts": 0, "note": ""}
	if !reflect.DeepEqual(a.Values, want) {
		t.Errorf("answers %#v\nwant %#v", a.Values, want)
	}
}

func TestTakeTerminalColourAndDumb(t *testing.T) {
	bin := buildAmends(t)
	h := newHome(t)
	// Without NO_COLOR survey colours its prompts.
	env := append(h.env(), "NO_COLOR=", "CLICOLOR_FORCE=1")
	r := startPtyEnv(t, bin, h, env, true, "take", "-set", h.set(t))
	r.step("Which words should they use?", kCtrlC)
	if code := r.wait(); code != 130 {
		t.Fatalf("exit %d", code)
	}
	if !regexp.MustCompile(`\x1b\[[0-9;]*m`).MatchString(r.raw.String()) {
		t.Errorf("no colour without NO_COLOR:\n%q", r.raw.String())
	}
	// TERM=dumb: a terminal, but the plain mode.
	env = append(h.env(), "TERM=dumb")
	r = startPtyEnv(t, bin, h, env, false, "take", "-set", h.set(t))
	r.step("Type a number from 1 to 3, or press Enter for 1.", "\n")
	r.step("A name or nickname", "\n")
	r.step("Type a number from 1 to 3; \"?\" for help.", kCtrlC)
	r.step("Stopped before anything was saved")
	if code := r.wait(); code != 130 {
		t.Fatalf("exit %d", code)
	}
	if strings.Contains(r.raw.String(), "\x1b") {
		t.Errorf("escape sequences with TERM=dumb:\n%q", r.raw.String())
	}
}
