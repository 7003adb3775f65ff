//go:build !windows

package main

import (
	"regexp"
	"strings"
	"testing"
)

// TestTakeTerminalCtrlCLeavesNothing: Ctrl-C in any kind of prompt (a
// list, boxes to tick, a line of text, a review, the offer of a report)
// erases all of it, its progress line and key hint too, leaving what was
// answered and the message about what is kept.
func TestTakeTerminalCtrlCLeavesNothing(t *testing.T) {
	bin := amendsBin(t)
	for _, c := range []struct {
		name string
		cols int
		at   func(head, hint string) bool
	}{
		{"list", 40, func(head, _ string) bool { return head == "question 2 of" }},
		{"boxes", 200, func(_, hint string) bool { return hint == "Enter done" }},
		{"line", 80, func(_, hint string) bool { return hint == "then Enter" }},
		{"review", 40, func(head, _ string) bool { return head == "That is the end of" }},
		{"report", 80, func(head, _ string) bool { return strings.HasPrefix(head, "Save your report") }},
	} {
		t.Run(c.name, func(t *testing.T) {
			h := newHome(t)
			r := startSized(t, bin, h, c.cols, 24, "take")
			var at string
			r.takeBuiltin(func(head, hint string) bool {
				head = strings.Join(strings.Fields(head), " ")
				if c.at(strings.TrimSpace(regexp.MustCompile(`\d+$`).ReplaceAllString(head, "")), hint) {
					at = head
					return true
				}
				return false
			})
			r.c.Send(kCtrlC)
			r.step("Stopped.")
			if code := r.wait(); code != 130 {
				t.Fatalf("exit %d\n%s", code, r.screen())
			}
			screen := r.screen()
			r.checkScreen("after Ctrl-C")
			for _, left := range []string{"↑/↓", "then Enter", at} {
				if strings.Contains(screen, left) {
					t.Errorf("after Ctrl-C at %q, %q is still on screen:\n%s", at, left, screen)
				}
			}
			for _, l := range strings.Split(screen, "\n") {
				if strings.HasPrefix(l, "> ") || strings.HasPrefix(l, ">") && strings.Contains(l, "[") {
					t.Errorf("after Ctrl-C at %q, an option is still on screen: %q\n%s", at, l, screen)
				}
			}
		})
	}
}
