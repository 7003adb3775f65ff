package text

import "testing"

func TestClean(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"plain", "plain"},
		{"“quotes” — dash, Zażółć, Ελληνικά, Русский, emoji 😀", "“quotes” — dash, Zażółć, Ελληνικά, Русский, emoji 😀"},
		{"\x1b[31mred\x1b[0m", "red"},
		{"a\x1b]0;PWNED\x07\x1b[2Jb", "ab"},
		{"a\x1b]0;title\x1b\\b", "ab"},
		{"reset\x1bc here", "reset here"},
		{"cut off \x1b[3", "cut off "},
		{"bell\a nul\x00 del\x7f c1\u0085\u009b", "bell nul del c1"},
		{"tab\there", "tab here"},
		{"line\r\nend\rx", "line\nend x"},
		{"zero\u200dwidth\u202eoverride\u2066isolate\u200fmark\u00adsoft", "zerowidthoverrideisolatemarksoft"},
		{"line\u2028sep\u2029para", "lineseppara"},
		{"bad \xff byte", "bad \uFFFD byte"},
		{"keeps\nline breaks\n", "keeps\nline breaks\n"},
	} {
		if got := Clean(c.in); got != c.want {
			t.Errorf("Clean(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestWrap(t *testing.T) {
	for _, c := range []struct {
		in, prefix string
		width      int
		want       string
	}{
		{"one two three four\nfive", "", 9, "one two\nthree\nfour\nfive"},
		{"one two three four", "  - ", 12, "  - one two\n    three\n    four"},
		{"a\n\nb", "> ", 10, "> a\n  \n  b"},
		{"a-very-long-word fits nowhere", "", 5, "a-very-long-word\nfits\nnowhere"},
	} {
		if got := Wrap(c.in, c.prefix, c.width); got != c.want {
			t.Errorf("Wrap(%q, %q, %d) = %q, want %q", c.in, c.prefix, c.width, got, c.want)
		}
	}
}

func TestWords(t *testing.T) {
	if got := OneLine("  two\n lines\t here "); got != "two lines here" {
		t.Errorf("OneLine: %q", got)
	}
	if got := Plural(1, "answer") + ", " + Plural(0, "answer") + ", " + Plural(3, "answer"); got != "1 answer, 0 answers, 3 answers" {
		t.Errorf("Plural: %q", got)
	}
	if got := Agree(1, "is", "are") + Agree(2, "is", "are"); got != "isare" {
		t.Errorf("Agree: %q", got)
	}
	if got := Capital("élan") + Capital("") + Capital("3 answers"); got != "Élan3 answers" {
		t.Errorf("Capital: %q", got)
	}
}
func TestWrapCountsColumns(t *testing.T) {
	for _, c := range []struct {
		in, prefix string
		width      int
		want       string
	}{
		{"日本語 の文 です", "", 7, "日本語\nの文\nです"},
		{"in /tmp/state/amends/progress.toml now", "", 16, "in\n/tmp/state/amends/progress.toml\nnow"},
	} {
		if got := Wrap(c.in, c.prefix, c.width); got != c.want {
			t.Errorf("Wrap(%q, %q, %d) = %q, want %q", c.in, c.prefix, c.width, got, c.want)
		}
	}
	if Width("\x1b[1mbold\x1b[0m 日本") != 9 {
		t.Errorf("Width = %d", Width("\x1b[1mbold\x1b[0m 日本"))
	}
}

func TestFill(t *testing.T) {
	word := func(name string) (string, bool) {
		w, ok := map[string]string{"he": "she", "brace": "{he}"}[name]
		return w, ok
	}
	for _, c := range []struct{ in, want string }{
		{"no placeholder", "no placeholder"},
		{"{he} said", "she said"},
		{"{brace} stays", "{he} stays"}, // what is filled in is not read again
		{"{unknown} and {} and { he } and {", "{unknown} and {} and { he } and {"},
		{"{{he}}", "{she}"},
	} {
		if got := Fill(c.in, word); got != c.want {
			t.Errorf("Fill(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
