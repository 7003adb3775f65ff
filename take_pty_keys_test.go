//go:build !windows

package main

import (
	"reflect"
	"testing"

	"amends/quiz"
)

// TestTakeTerminalCtrlD: Ctrl-D means what it means in any terminal, the
// end of input: the quiz stops, keeps every answer given and says how to
// go on. On the first version survey took it for Enter and answered the
// question with the option highlighted.
func TestTakeTerminalCtrlD(t *testing.T) {
	bin := amendsBin(t)
	h := newHome(t)
	r := startPty(t, bin, h, "take", "-set", h.set(t))
	r.answerStart()
	r.step("question 2 of 5", kSpace, kCtrlD) // Broken trust ticked, not yet given
	r.step("To carry on where you left off")
	if code := r.wait(); code != 1 {
		t.Fatalf("exit %d\n%s", code, r.screen())
	}
	want := "Stopped. Your 1 answer is kept in " + h.progress() + ". To carry on where you left off: amends take -resume -set " + shellQuote(h.set(t))
	if got := r.tail("Stopped."); got != want {
		t.Errorf("the screen ends\n%q\nwant\n%q\n%s", got, want, r.screen())
	}
	p, err := quiz.LoadProgress(h.progress())
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(p.Values, map[string]any{"afraid": "no"}) {
		t.Errorf("kept %v, want only afraid", p.Values)
	}
}

// TestTakeTerminalTypeAhead: the answers to the first prompts, typed in
// one go before the first has been drawn, all count. The name prompt asks
// the terminal where its cursor is, and survey used to throw away what was
// typed along with the reply.
func TestTakeTerminalTypeAhead(t *testing.T) {
	bin := amendsBin(t)
	h := newHome(t)
	r := startPty(t, bin, h, "take", "-set", h.set(t))
	// Partner words as written, the name "Sam", "No".
	r.c.Send(kEnter + "Sam" + kEnter + kDown + kEnter)
	r.step("question 2 of 5", kCtrlC)
	if code := r.wait(); code != 130 {
		t.Fatalf("exit %d\n%s", code, r.screen())
	}
	p, err := quiz.LoadProgress(h.progress())
	if err != nil {
		t.Fatalf("%v\n%s", err, r.screen())
	}
	if !reflect.DeepEqual(p.Values, map[string]any{"afraid": "no"}) || p.Words["partner"] != "Sam" {
		t.Errorf("kept %v and partner %+v, want afraid = no and Sam", p.Values, p.Words)
	}
}
