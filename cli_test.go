package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"amends/questions"
)

const takeSet = "quiz/testdata/small.toml"

// home is a temporary home and state directory for one test.
type home struct {
	dir, state, work string
}

func newHome(t *testing.T) *home {
	d := t.TempDir()
	h := &home{dir: d, state: filepath.Join(d, "state"), work: filepath.Join(d, "work")}
	if err := os.MkdirAll(h.work, 0o700); err != nil {
		t.Fatal(err)
	}
	return h
}

func (h *home) env() []string {
	// No language settings: the built-in set is the English one, whatever
	// the machine running the tests speaks.
	return append(os.Environ(), "HOME="+h.dir, "XDG_STATE_HOME="+h.state, "NO_COLOR=1", "TERM=xterm", "SOURCE_DATE_EPOCH=1795564800",
		"LC_ALL=", "LC_MESSAGES=", "LANG=")
}

// set is the test set's absolute path, for the binary running elsewhere.
func (h *home) set(t *testing.T) string {
	p, err := filepath.Abs(takeSet)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func (h *home) progress() string { return filepath.Join(h.state, "amends", "progress-small.toml") }

// stateFiles lists every file under the state directory.
func (h *home) stateFiles(t *testing.T) []string {
	var files []string
	filepath.WalkDir(h.state, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, p)
		}
		return nil
	})
	return files
}

// pipe runs the binary with input on a pipe and returns its output and exit code.
func (h *home) pipe(t *testing.T, bin, input string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir, cmd.Env = h.work, h.env()
	cmd.Stdin = strings.NewReader(input)
	var out, errb strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return code, out.String(), errb.String()
}

func loadTakeSet(t *testing.T) *questions.Set {
	s, err := questions.LoadFile(takeSet)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// Typed lines for the small set: partner words as written, no name; the end.
const (
	pStart  = "\n\n"
	pFinish = "\n\n\n\n" // see my result; save the report; its default name; keep no answers
)

// writeBroken writes small.toml with one edit into dir.
func writeBroken(t *testing.T, dir, name, old, new string) string {
	t.Helper()
	b, err := os.ReadFile("questions/testdata/small.toml")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Count(string(b), old) != 1 {
		t.Fatalf("%q is not once in small.toml", old)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(strings.Replace(string(b), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}
