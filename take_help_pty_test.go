//go:build !windows

package main

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"amends/internal/screentest"
)

var escapes = regexp.MustCompile(`\x1b\[[0-9;?]*[A-Za-z]`)

// The built-in set in the survey interface, as someone who is being hurt
// would take it: the help for people experiencing abuse on the screen
// right after the answer and again with the verdict, before the offer of
// a report, and once more after it is declined.
func TestTakeTerminalBuiltinOwnSafetyHelp(t *testing.T) {
	bin := amendsBin(t)
	h := newHome(t)
	r := startPty(t, bin, h, "take")
	r.step("Which words should they use?", kEnter)
	for i := 1; i <= 4; i++ {
		r.step("question "+strconv.Itoa(i)+" of 51", kEnter) // No, the first option
	}
	r.step("question 5 of 51", kDown, kSpace, kEnter) // own safety: he has hurt me
	r.step("Thank you for saying so. You deserve to be safe.")
	r.step("the questions about repairing things with him are left")
	for i := 6; i <= 10; i++ {
		r.step("question "+strconv.Itoa(i)+" of 10", kEnter)
	}
	r.step("That was the last question", kEnter)
	r.step("Save your report as a PDF?")
	seen := escapes.ReplaceAllString(r.raw.String(), "")
	r.c.Send(kDown + kDown + kEnter)                  // No
	r.step("Keep your answers in a file too", kEnter) // No, as offered
	r.step("No report was saved")
	if code := r.wait(); code != 0 {
		t.Fatalf("exit %d\n%s", code, r.screen())
	}
	screentest.InOrder(t, seen,
		"Thank you for saying so. You deserve to be safe.",
		"Where to find help:", "National Domestic Violence Hotline (US)", "1-800-799-7233",
		"0808 2000 247", "1800 737 732",
		"Your result: Your own safety comes first",
		"Where to find help:", "In an emergency", "1-800-799-7233", "0808 2000 247",
		"Save your report as a PDF?")
	screen := r.screen()
	if !strings.Contains(screen, "No report was saved, so here, once more, is the first place to turn to:") ||
		!strings.Contains(screen, "In an emergency") {
		t.Errorf("the last screen lacks the help:\n%s", screen)
	}
}
