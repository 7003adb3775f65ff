package report

import (
	"regexp"
	"strings"
	"unicode"
)

// ansi matches terminal escape sequences: CSI ("\x1b[31m"), OSC
// ("\x1b]0;title\x07") and the two-character ones.
var ansi = regexp.MustCompile(`\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])`)

// clean makes text safe to print with gofpdf and the Go fonts. Runes above
// U+FFFF (emoji, for one) become U+FFFD: gofpdf indexes a 65,536-entry
// width table with them and panics. Invalid UTF-8 becomes U+FFFD too.
// Control and invisible format characters (ANSI escapes, zero-width
// joiners, bidi overrides, variation selectors) are removed, tabs become
// spaces, and line ends become "\n". Terminal escape sequences go whole.
func clean(s string) string {
	if strings.IndexByte(s, 0x1b) >= 0 {
		s = ansi.ReplaceAllString(s, "")
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n':
			return r
		case r == '\t' || r == '\r' || r == '\u00a0':
			return ' '
		case r > 0xFFFF:
			return '\uFFFD'
		case unicode.IsControl(r), unicode.Is(unicode.Cf, r), r >= 0xFE00 && r <= 0xFE0F:
			return -1
		}
		return r
	}, s)
}

// paragraphs cleans s and splits it into paragraphs at blank lines. Inside a
// paragraph a single line end is a space, as in a hard-wrapped TOML string,
// unless the next line starts a list item ("- ", "* ", "• " or "1. "),
// which keeps its own line. Runs of spaces collapse to one.
func paragraphs(s string) []string {
	var out []string
	for _, block := range strings.Split(clean(s), "\n\n") {
		var b strings.Builder
		for i, line := range strings.Split(block, "\n") {
			line = strings.Join(strings.Fields(line), " ")
			if line == "" {
				continue
			}
			if i > 0 && b.Len() > 0 {
				if listItem(line) {
					b.WriteByte('\n')
				} else {
					b.WriteByte(' ')
				}
			}
			b.WriteString(line)
		}
		if b.Len() > 0 {
			out = append(out, b.String())
		}
	}
	return out
}

// oneLine cleans s and folds it onto a single line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(clean(s)), " ")
}

func listItem(line string) bool {
	for _, p := range []string{"- ", "* ", "• ", "– "} {
		if strings.HasPrefix(line, p) {
			return true
		}
	}
	i := 0
	for i < len(line) && line[i] >= '0' && line[i] <= '9' {
		i++
	}
	return i > 0 && i < len(line)-1 && (line[i] == '.' || line[i] == ')') && line[i+1] == ' '
}
