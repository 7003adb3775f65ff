package main

import (
	"bufio"
	"errors"
	"io"
	"os/exec"
	"reflect"
	"strings"
	"syscall"
	"testing"

	"amends/quiz"
)

func TestTakeKilledBetweenAnswersKeepsThem(t *testing.T) {
	bin := amendsBin(t)
	h := newHome(t)
	cmd := exec.Command(bin, "take", "-set", h.set(t))
	cmd.Dir, cmd.Env = h.work, h.env()
	stdin, _ := cmd.StdinPipe()
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	r := bufio.NewReader(stdout)
	waitFor := func(s string) {
		t.Helper()
		var seen strings.Builder
		for !strings.Contains(seen.String(), s) {
			b, err := r.ReadByte()
			if err != nil {
				t.Fatalf("waiting for %q: %v\n%s", s, err, seen.String())
			}
			seen.WriteByte(b)
		}
	}
	// Each answer is saved before the next question is shown.
	io.WriteString(stdin, pStart+"2\n\n1,2\n1\n4\n")
	waitFor("question 5 of 6")
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	p, err := quiz.LoadProgress(h.progress())
	if err != nil {
		t.Fatal(err)
	}
	rest := p.Restore(loadTakeSet(t))
	want := map[string]any{"afraid": "no", "hurt": []string{"trust", "words"}, "trust_detail": "told", "blame": 4}
	if !reflect.DeepEqual(rest.Answers.Values, want) || len(rest.Dropped) > 0 || p.Position != "texts" {
		t.Errorf("kept %v (dropped %v, position %q), want %v", rest.Answers.Values, rest.Dropped, p.Position, want)
	}
	for _, f := range h.stateFiles(t) {
		if f != h.progress() && f != quiz.LockPath(h.progress()) {
			t.Errorf("left a temporary file %s", f)
		}
	}
}

func TestTakeSignals(t *testing.T) {
	bin := amendsBin(t)
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGQUIT} {
		h := newHome(t)
		cmd := exec.Command(bin, "take", "-set", h.set(t))
		cmd.Dir, cmd.Env = h.work, h.env()
		stdin, _ := cmd.StdinPipe()
		stdout, _ := cmd.StdoutPipe()
		var errb strings.Builder
		cmd.Stderr = &errb
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		io.WriteString(stdin, pStart+"2\n\n")
		r := bufio.NewReader(stdout)
		var seen strings.Builder
		for !strings.Contains(seen.String(), "What kind of hurt") {
			b, err := r.ReadByte()
			if err != nil {
				t.Fatal(err)
			}
			seen.WriteByte(b)
		}
		cmd.Process.Signal(sig)
		go io.Copy(io.Discard, r)
		err := cmd.Wait()
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != 130 {
			t.Errorf("%v: exit: %v", sig, err)
		}
		if !strings.Contains(errb.String(), "Stopped. Your 1 answer is kept in") || strings.Contains(errb.String(), "goroutine") {
			t.Errorf("%v: stderr: %s", sig, errb.String())
		}
	}
}
