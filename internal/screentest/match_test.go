//go:build !windows

package screentest

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	expect "github.com/Netflix/go-expect"
)

// TestRegexp: the cheap matcher finds what matching the whole text would,
// as the text comes in rune by rune, and at the same rune.
func TestRegexp(t *testing.T) {
	for _, c := range []struct{ pattern, text string }{
		{`Enter pick|Enter done|then Enter`, "\x1b[2K? Question\r\n\x1b[36m↑/↓ then Enter pick\x1b[0m"},
		{`question\s+12\s+of\s+\d+|That is the end of`, "safety — question 12\r\n   of 51\x1b[K"},
		{`question\s+12\s+of\s+\d+|That is the end of`, "question 1 of 51 ... That is the end of"},
		{`Save your report as a PDF\?`, "Save your report as a PDF? (y/N)"},
		{`(?i)done`, "all DONE"},
		{`a(b|c)*`, "xxab"},
		{`x?`, "abc"},
		{`[0-9]{2,}`, "1 2 34"},
		{`nothing here`, strings.Repeat("text ", 100)},
	} {
		var opts expect.ExpectOpts
		if err := Regexp(c.pattern)(&opts); err != nil {
			t.Fatal(err)
		}
		m, whole := opts.Matchers[0], regexp.MustCompile(c.pattern)
		var buf bytes.Buffer
		at, wantAt := -1, -1
		for i, r := range c.text {
			buf.WriteRune(r)
			if at < 0 && m.Match(&buf) {
				at = i
			}
			if wantAt < 0 && whole.Match(buf.Bytes()) {
				wantAt = i
			}
		}
		if at != wantAt {
			t.Errorf("%q in %q: matched at byte %d, the whole text at %d", c.pattern, c.text, at, wantAt)
		}
	}
}
