//go:build !windows

package main

import (
	"fmt"
	"regexp"
	"strings"
)

// The marks of a prompt: its key hint, one of these.
const hintMarks = `Enter pick|Enter done|then Enter`

// takeBuiltin answers the built-in set as someone careful would, the
// first option of every list (which is "No" on every safety question),
// the first box of every multi, a few words or the smallest number,
// until stop says to stop at a prompt (its progress line or question,
// and its hint) by returning true; it checks the screen at every prompt.
// One multi question is first answered with nothing ticked, to see the
// problem and, once it is fixed, that it has gone.
func (r *ptyRun) takeBuiltin(stop func(head, hint string) bool) {
	r.t.Helper()
	r.step("Which words should they use?")
	r.expectRe(hintMarks)
	r.checkScreen("the words")
	r.c.Send(kEnter)
	refused, review := false, false
	n := 1
	for {
		// What comes next: the next question, a review or the offer of a
		// report; after a review, whose answered line names it, not another.
		next := fmt.Sprintf(`question\s+%d\s+of\s+\d+|That is the end of|That was the last question|Save your report as a PDF\?`, n)
		if review {
			next = fmt.Sprintf(`question\s+%d\s+of\s+\d+|Save your report as a PDF\?`, n)
		}
		head := strings.Join(strings.Fields(r.expectRe(next)), " ")
		review = strings.HasPrefix(head, "That")
		hint := r.expectRe(hintMarks)
		r.checkScreen(head)
		if stop(head, hint) {
			return
		}
		switch {
		case strings.HasPrefix(head, "Save your report"):
			r.c.Send(kDown + kDown + kEnter) // No
			r.step("Keep your answers in a file too")
			r.expectRe(hintMarks)
			r.checkScreen("keep the answers")
			r.c.Send(kEnter) // No, as offered
			return
		case strings.HasPrefix(head, "That"):
			r.c.Send(kEnter) // Continue, or see my result
			continue
		}
		n++
		if hint == "Enter done" && !refused {
			refused = true
			r.c.Send(kEnter)
			r.step("Nothing is ticked yet")
			r.checkScreen("a problem with a reply")
		}
		r.answer(hint)
	}
}

// answer answers the prompt on screen, whose key hint is hint, as
// takeBuiltin does.
func (r *ptyRun) answer(hint string) {
	switch hint {
	case "Enter done":
		r.c.Send(kSpace + kEnter)
	case "then Enter":
		if m := regexp.MustCompile(`whole number from (\d+)`).FindStringSubmatch(r.screen()); m != nil {
			r.c.Send(m[1] + kEnter)
		} else {
			r.c.Send("Some words, typed and then kept" + kEnter)
		}
	default:
		r.c.Send(kEnter)
	}
}

// nextQuestion waits for question n, or the end of a part, and its hint.
func (r *ptyRun) nextQuestion(n int) (head, hint string) {
	r.t.Helper()
	head = strings.Join(strings.Fields(r.expectRe(fmt.Sprintf(`question\s+%d\s+of\s+\d+|That is the end of`, n))), " ")
	return head, r.expectRe(hintMarks)
}
