//go:build !windows

package main

import (
	"strings"
	"syscall"
	"testing"

	"golang.org/x/sys/unix"
)

// TestTakeTerminalQuitRestores: SIGQUIT (Ctrl-\ in the terminal's own
// mode) in the middle of a prompt leaves the terminal as amends found it,
// in its line mode with echo and the cursor shown, says what was kept,
// and prints no goroutine dump. On the first version Go's default
// SIGQUIT handler left it raw, with the cursor hidden.
func TestTakeTerminalQuitRestores(t *testing.T) {
	bin := amendsBin(t)
	h := newHome(t)
	r := startPtyEnv(t, bin, h, h.env(), false, "take", "-set", h.set(t))
	// Down moves the highlight only once survey has made the terminal raw
	// (and hidden the cursor); before that the line mode holds the key.
	r.step("they, them, their", kDown)
	r.step("> she, her, her")
	if err := r.cmd.Process.Signal(syscall.SIGQUIT); err != nil {
		t.Fatal(err)
	}
	r.step("Stopped before anything was saved")
	var tio *unix.Termios
	var err error
	code := r.wait(func() { tio, err = unix.IoctlGetTermios(int(r.c.Tty().Fd()), unix.TCGETS) })
	if code != 130 || err != nil {
		t.Fatalf("exit %d, %v\n%s", code, err, r.screen())
	}
	if tio.Lflag&(unix.ICANON|unix.ECHO|unix.ISIG) != unix.ICANON|unix.ECHO|unix.ISIG {
		t.Errorf("the terminal was left without its line mode, echo or signals: lflag %#x", tio.Lflag)
	}
	raw := r.raw.String()
	if hidden := strings.LastIndex(raw, "\x1b[?25l"); !strings.Contains(raw[hidden:], "\x1b[?25h") {
		t.Errorf("the cursor was left hidden: %q", raw[hidden:])
	}
	if strings.Contains(r.screen(), "goroutine") {
		t.Errorf("a goroutine dump:\n%s", r.screen())
	}
}
