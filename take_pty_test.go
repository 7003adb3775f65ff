//go:build !windows

package main

import (
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"amends/score"
)

func TestTakeTerminalFullRun(t *testing.T) {
	bin := amendsBin(t)
	h := newHome(t)
	r := startPty(t, bin, h, "take", "-set", h.set(t))
	r.answerStart()
	r.step("question 2 of 5", kSpace, kDown, kSpace, kEnter) // Broken trust, Hurtful words
	r.step("question 3 of 6", kDown, kEnter)                 // He found out
	r.step("question 4 of 6", kDown, kDown, kDown, kEnter)   // Agree
	r.step("question 5 of 6", kDown, kDown, kEnter)          // 2 on the ruler
	r.step("question 6 of 6", "Zażółć gęślą jaźń", kEnter)
	r.keepAnswersAtTheEnd()
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
	for _, s := range []string{"? What kind of hurt was it? Broken trust; Hurtful words", "Your result: ", "Kept: your answers in amends-answers-2026-11-25.toml"} {
		if !strings.Contains(screen, s) {
			t.Errorf("screen lacks %q:\n%s", s, screen)
		}
	}
	if f := h.stateFiles(t); len(f) > 0 {
		t.Errorf("left %v", f)
	}
}

func TestTakeTerminalHelp(t *testing.T) {
	bin := amendsBin(t)
	h := newHome(t)
	r := startPty(t, bin, h, "take", "-set", h.set(t))
	r.step("Which words should they use?", kEnter)
	r.step("A name or nickname", kEnter)
	r.step("· ? help", "?")
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
	bin := amendsBin(t)
	h := newHome(t)
	r := startPty(t, bin, h, "take", "-set", h.set(t))
	r.answerStart()
	r.step("question 2 of 5", kDown, kSpace, kEnter) // Hurtful words only
	r.step("question 3 of 5", kEnter)                // Strongly disagree
	r.step("question 4 of 5", kEnter)                // 0
	r.step("question 5 of 5", kEnter)                // no note
	// The review: change the first answer (hurt) to add Broken trust;
	// the question that depends on it is then asked.
	r.step("That was the last question", kDown, kDown, kEnter)
	r.step("question 2 of 5", kSpace, kEnter)
	r.step("question 3 of 6", kDown, kEnter)
	r.keepAnswersAtTheEnd()
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
