//go:build !windows

// Package screentest is for tests that drive amends in a terminal: a
// pseudo-terminal whose screen is a vt10x virtual terminal, driven with
// go-expect (research/libraries.md §1.6, with both of its fixes), for the
// tests of quiz's terminal asker and of the command line.
package screentest

import (
	"testing"
	"time"

	expect "github.com/Netflix/go-expect"
	"github.com/creack/pty"
	"github.com/hinshun/vt10x"
	"golang.org/x/sys/unix"
)

// Console opens a pseudo-terminal of cols by rows, shown on a virtual
// screen; the console is closed when the test ends. vt10x answers
// survey's cursor-position queries by writing into the outer side, and
// go-expect copies them back in as keyboard input. With raw, the
// program's side starts in survey's own mode, so that keys sent as soon
// as a prompt appears are not taken by the cooked line discipline; the
// plain mode must not have it (it reads lines, and Ctrl-C is a signal).
func Console(t testing.TB, cols, rows int, raw bool) (*expect.Console, vt10x.Terminal) {
	t.Helper()
	ptm, pts, err := pty.Open()
	if err != nil {
		t.Fatal(err)
	}
	term := vt10x.New(vt10x.WithWriter(pts), vt10x.WithSize(cols, rows))
	// The timeout only keeps a broken run from hanging; nothing is timed.
	c, err := expect.NewConsole(expect.WithStdin(ptm), expect.WithStdout(term),
		expect.WithCloser(ptm, pts), expect.WithDefaultTimeout(20*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	// The program's side has the virtual screen's size, so that survey's
	// line counting matches what vt10x shows.
	if err := pty.Setsize(c.Tty(), &pty.Winsize{Cols: uint16(cols), Rows: uint16(rows)}); err != nil {
		t.Fatal(err)
	}
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
	return c, term
}
