package report

import (
	"strings"
	"unicode"

	"amends/internal/text"
)

// clean makes text safe to print with gofpdf and the Go fonts: what
// text.Clean removes goes, and then what the fonts cannot draw. Runes above
// U+FFFF (emoji, for one) become U+FFFD: gofpdf indexes a 65,536-entry
// width table with them and panics. Variation selectors go, and a
// no-break space is a space.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\u00a0':
			return ' '
		case r > 0xFFFF:
			return '\uFFFD'
		case r >= 0xFE00 && r <= 0xFE0F:
			return -1
		}
		return r
	}, text.Clean(s))
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
func oneLine(s string) string { return text.OneLine(clean(s)) }

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

// smartQuotes gives text one style of quotes: straight double and single
// quotes become curly ones, opening after a space or an opening bracket
// and closing elsewhere, so that a set's "don't" reads like the engine's
// “don’t”.
func smartQuotes(s string) string {
	if !strings.ContainsAny(s, "\"'") {
		return s
	}
	r := []rune(s)
	for i, c := range r {
		if c != '"' && c != '\'' {
			continue
		}
		opening := i == 0 || unicode.IsSpace(r[i-1]) || strings.ContainsRune("([{“‘—–-/", r[i-1])
		// An apostrophe before a digit stands for missing digits ('90s).
		if c == '\'' && opening && i+1 < len(r) && unicode.IsDigit(r[i+1]) {
			opening = false
		}
		switch {
		case c == '"' && opening:
			r[i] = '“'
		case c == '"':
			r[i] = '”'
		case opening:
			r[i] = '‘'
		default:
			r[i] = '’'
		}
	}
	return string(r)
}
