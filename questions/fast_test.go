package questions

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The scans that replaced general tools for speed must find what those
// tools found: these tests hold them to it.

// placeholderPattern is what text once matched placeholders with.
var placeholderPattern = regexp.MustCompile(`\{([^{}\s]*)\}`)

func placeholdersOf(s string) [][2]string {
	var out [][2]string
	for {
		whole, name, rest, ok := nextPlaceholder(s)
		if !ok {
			return out
		}
		out = append(out, [2]string{whole, name})
		s = rest
	}
}

func checkPlaceholders(t *testing.T, s string) {
	t.Helper()
	var want [][2]string
	for _, m := range placeholderPattern.FindAllStringSubmatch(s, -1) {
		want = append(want, [2]string{m[0], m[1]})
	}
	if got := placeholdersOf(s); !slices.Equal(got, want) {
		t.Errorf("%q: placeholders %q, the pattern finds %q", s, got, want)
	}
}

var placeholderSeeds = []string{
	"", "{", "}", "{}", "{he}", "{He} and {him}", "{{he}}", "{ he}", "{he }", "{h e}",
	"{he\t}", "{a{b}", "{a}b}", "{é}", "{ñandú} y {él}", "x{y", "{\n}", "{a\fb}", "{a\vb}",
	"{he}{his}{", "}{he}{", "{a}}{b}", "{{}}", "{日本}", "{\x00}",
}

func TestNextPlaceholder(t *testing.T) {
	for _, s := range placeholderSeeds {
		checkPlaceholders(t, s)
	}
}

func FuzzNextPlaceholder(f *testing.F) {
	for _, s := range placeholderSeeds {
		f.Add(s)
	}
	f.Fuzz(checkPlaceholders)
}

var labelSeeds = []string{"", " ", "A", "Agree", "Strongly agree", " Agree", "Agree ", "Strongly  agree",
	"Not\tsure", "Ñandú", "a\u00a0b", "a\u2003b", "x\ny", "AB CD ef", "a\vb", "a\fb", "a\rb"}

func checkLabelKey(t *testing.T, l string) {
	t.Helper()
	if got, want := labelKey(l), strings.ToLower(strings.Join(strings.Fields(l), " ")); got != want {
		t.Errorf("labelKey(%q) = %q, want %q", l, got, want)
	}
}

func TestLabelKey(t *testing.T) {
	for _, l := range labelSeeds {
		checkLabelKey(t, l)
	}
}

func FuzzLabelKey(f *testing.F) {
	for _, l := range labelSeeds {
		f.Add(l)
	}
	f.Fuzz(checkLabelKey)
}
