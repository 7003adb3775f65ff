//go:build !windows

package main

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"amends/score"
)

func TestTakeTerminalInterruptThenResume(t *testing.T) {
	bin := amendsBin(t)
	h := newHome(t)
	r := startPty(t, bin, h, "take", "-set", h.set(t))
	r.answerStart()
	r.step("question 2 of 5", kSpace, kEnter) // Broken trust
	r.step("question 3 of 6", kDown, kCtrlC)
	r.step("To carry on where you left off")
	if code := r.wait(); code != 130 {
		t.Fatalf("exit %d\n%s", code, r.screen())
	}
	if got, want := r.tail("Stopped."), "Stopped. Your 2 answers are kept in "+h.progress()+". To carry on where you left off: amends take -resume -set "+shellQuote(h.set(t)); got != want {
		t.Errorf("the screen ends %q, want %q\n%s", got, want, r.screen())
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
	r.keepAnswersAtTheEnd()
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
	bin := amendsBin(t)
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
	r.step("Type a number from 1 to 3; \"?\" for help", kCtrlC)
	r.step("Stopped before anything was saved")
	if code := r.wait(); code != 130 {
		t.Fatalf("exit %d", code)
	}
	if strings.Contains(r.raw.String(), "\x1b") {
		t.Errorf("escape sequences with TERM=dumb:\n%q", r.raw.String())
	}
}
