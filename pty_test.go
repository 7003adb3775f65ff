//go:build !windows

package main

import (
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	expect "github.com/Netflix/go-expect"
	"github.com/creack/pty"
	"github.com/hinshun/vt10x"
	"golang.org/x/sys/unix"
)

// Keys as a terminal sends them.
const (
	kDown  = "\x1b[B"
	kEnter = "\r"
	kSpace = " "
	kCtrlC = "\x03"
	kCtrlD = "\x04"
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
