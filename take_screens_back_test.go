//go:build !windows

package main

import (
	"fmt"
	"strings"
	"testing"
)

// TestTakeTerminalBack: Shift+Tab goes back from the first question of a
// part to the last one of the part before, across the review between
// them, its answer kept; going on again does not show that review again,
// nothing having changed. Stopped in a review, a resume shows the review
// first, and Shift+Tab there goes back to the part's last question.
func TestTakeTerminalBack(t *testing.T) {
	bin := amendsBin(t)
	h := newHome(t)
	r := startSized(t, bin, h, 80, 24, "take")
	r.step("Which words should they use?", kEnter)
	n := 1
	for {
		head, hint := r.nextQuestion(n)
		if strings.HasPrefix(head, "That") {
			break
		}
		r.answer(hint)
		n++
	}
	last := n - 1 // the last question of the first part
	r.c.Send(kEnter)
	r.step(fmt.Sprintf("question %d of", n))
	r.expectRe(hintMarks)
	r.c.Send(kShiftTab)
	r.step(fmt.Sprintf("question %d of", last))
	r.expectRe(hintMarks)
	r.step("> No") // the answer given, highlighted
	r.checkScreen("back across the border")
	r.c.Send(kEnter) // the same answer again
	if head, hint := r.nextQuestion(n); head != fmt.Sprintf("question %d of", n) && !strings.HasPrefix(head, fmt.Sprintf("question %d of", n)) {
		t.Errorf("after going back and on again, %q came, not question %d", head, n)
	} else {
		r.answer(hint)
		n++
	}
	// On to the next review; stop there.
	for {
		head, hint := r.nextQuestion(n)
		if strings.HasPrefix(head, "That") {
			break
		}
		r.answer(hint)
		n++
	}
	last = n - 1
	r.c.Send(kCtrlC)
	r.step("Stopped.")
	if code := r.wait(); code != 130 {
		t.Fatalf("exit %d\n%s", code, r.screen())
	}

	r = startSized(t, bin, h, 80, 24, "take", "-resume")
	head := strings.Join(strings.Fields(r.expectRe(`question\s+\d+\s+of|That is the end of`)), " ")
	if head != "That is the end of" {
		t.Fatalf("resumed at %q, not the review it stopped in\n%s", head, r.screen())
	}
	r.expectRe(hintMarks)
	r.c.Send(kShiftTab)
	r.step(fmt.Sprintf("question %d of", last))
	r.expectRe(hintMarks)
	r.c.Send(kEnter)
	// The review it went back from comes again, then the next part.
	r.step("That is the end of")
	r.expectRe(hintMarks)
	r.c.Send(kEnter)
	r.step(fmt.Sprintf("question %d of", last+1))
	r.expectRe(hintMarks)
	r.c.Send(kCtrlC)
	r.step("Stopped.")
	if code := r.wait(); code != 130 {
		t.Fatalf("exit %d\n%s", code, r.screen())
	}
}
