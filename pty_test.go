//go:build !windows

package main

import (
	"os/exec"
	"strings"
	"syscall"
	"testing"

	expect "github.com/Netflix/go-expect"
	"github.com/hinshun/vt10x"

	"amends/internal/screentest"
)

// Keys as a terminal sends them.
const (
	kDown  = "\x1b[B"
	kUp    = "\x1b[A"
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
	c, term := screentest.Console(t, 100, 40, raw)
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
