package main

import (
	"strings"
	"testing"
)

// TestHostileConditions: a set whose conditions could exhaust memory or
// the stack is refused by check and by take with one line naming the
// file and line, never a Go fatal error and its goroutine dump. On the
// first version, check passed the repeat and took gigabytes, and take
// crashed once the condition first ran, losing the answer just given.
func TestHostileConditions(t *testing.T) {
	bin := amendsBin(t)
	h := newHome(t)
	for _, c := range []struct{ name, old, new, want string }{
		{"repeat", `when = '"trust" in hurt'`, `when = 'len(repeat(repeat("ab",100000),100000)) > 0 && "trust" in hurt'`,
			":69: question \"trust_detail\": condition calls repeat, which is not one of the functions a condition may use"},
		{"parentheses", `when = '!flagged("safety")'`, `when = '` + strings.Repeat("(", 1_000_000) + `!flagged("safety")` + strings.Repeat(")", 1_000_000) + `'`,
			":53: section \"what\": condition is 2000018 characters long; a condition may have at most 4000"},
		{"not", `when = '!flagged("safety")'`, `when = '` + strings.Repeat("!", 1_000_001) + `flagged("safety")'`,
			":53: section \"what\": condition is 1000018 characters long"},
		{"brackets", `when = '"trust" in hurt'`, `when = '"trust" in ` + strings.Repeat("[", 300) + `hurt` + strings.Repeat("]", 300) + `'`,
			":69: question \"trust_detail\": condition nests 300 deep"},
	} {
		set := writeBroken(t, h.dir, c.name+".toml", c.old, c.new)
		for _, args := range [][]string{{"check", set}, {"take", "-plain", "-set", set}} {
			code, out, errs := h.pipe(t, bin, pStart+"2\n\n1\n", args...)
			want := "amends: " + set + c.want
			if code != 1 || strings.Count(errs, "\n") != 1 || !strings.HasPrefix(errs, want) || strings.Contains(errs, "goroutine") {
				t.Errorf("%s: amends %s: exit %d\nstdout %.300q\nstderr %.300q\nwant one line starting %q", c.name, args[0], code, out, errs, want)
			}
		}
	}
	if f := h.stateFiles(t); len(f) > 0 {
		t.Errorf("a refused set left %v", f)
	}
}
