//go:build unix

package main

import (
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// closedPipe returns the writing end of a pipe nobody reads any more,
// as when the program amends writes to has ended (amends ... | head -1).
func closedPipe(t *testing.T) *os.File {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	r.Close()
	t.Cleanup(func() { w.Close() })
	return w
}

// TestClosedOutput: writing to a closed pipe is said in words and exits 1,
// rather than end amends silently with SIGPIPE (exit 141); a quiz whose
// questions can no longer be shown stops and keeps what was answered.
func TestClosedOutput(t *testing.T) {
	bin := amendsBin(t)
	h := newHome(t)
	for _, c := range []struct {
		args  []string
		input string
		want  string
	}{
		{[]string{"check", "questions/testdata/small.toml"}, "", "amends: cannot write the output: broken pipe\n"},
		{[]string{"version"}, "", "amends: cannot write the output: broken pipe\n"},
		{[]string{"take", "-set", h.set(t)}, pStart + "2\n\n", "The output closed (broken pipe), so the questions cannot be shown. Stopped before anything was saved; nothing was kept.\n"},
	} {
		cmd := exec.Command(bin, c.args...)
		cmd.Dir, cmd.Env = ".", h.env()
		cmd.Stdin = strings.NewReader(c.input)
		cmd.Stdout = closedPipe(t)
		var errb strings.Builder
		cmd.Stderr = &errb
		err := cmd.Run()
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != 1 || errb.String() != c.want {
			t.Errorf("amends %s: %v, stderr %q; want exit 1 and %q", c.args[0], err, errb.String(), c.want)
		}
	}
}
