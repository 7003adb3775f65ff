package report

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestText(t *testing.T) {
	r := hopefulResult()
	r.Set.Version = "1.0\x1b]0;PWNED\x07\x1b[2J"
	var b strings.Builder
	if err := Text(&b, r); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if strings.ContainsAny(out, "\x1b\x07") || strings.Contains(out, "PWNED") {
		t.Errorf("an escape sequence reached the text:\n%q", out)
	}
	for _, want := range []string{"(version 1.0)\n", "\nVerdict: " + r.Verdict.Title + "\n", "\nNext steps\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("text lacks %q:\n%s", want, out)
		}
	}
	for _, l := range strings.Split(out, "\n") {
		if n := utf8.RuneCountInString(l); n > 78 && strings.Contains(l, " ") {
			t.Errorf("line of %d runes: %q", n, l)
		}
	}
}
