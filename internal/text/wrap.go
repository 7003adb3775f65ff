package text

import (
	"strings"
	"unicode"

	"golang.org/x/text/width"
)

// Width is how many columns s takes on a terminal: two for a wide
// (East Asian) character, none for a control character or an escape
// sequence, one for any other. It counts as survey counts when it works
// out how many lines a prompt took, so that text wrapped to a width by
// it never takes more lines than survey erases.
func Width(s string) int {
	n, esc := 0, false
	for _, r := range s {
		switch {
		case esc:
			esc = !(r >= 0x40 && r <= 0x5a || r == 0x5e || r >= 0x60 && r <= 0x7e)
		case r == 0x1b:
			esc = true
		default:
			n += runeWidth(r)
		}
	}
	return n
}

func runeWidth(r rune) int {
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	if !unicode.IsPrint(r) {
		return 0
	}
	return 1
}

// Wrap breaks each line of s at spaces so that none is wider than width
// columns where it can be helped. A word wider than that stays whole, to
// be wrapped by the terminal at its edge: a path or a command then copies
// as one line. The first line starts with prefix and the others with as
// many spaces; an empty line is kept. The result has no line break at its
// end.
func Wrap(s, prefix string, w int) string {
	var b strings.Builder
	indent := strings.Repeat(" ", Width(prefix))
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			b.WriteByte('\n')
			prefix = indent
		}
		b.WriteString(prefix)
		n := len(indent)
		for j, word := range strings.Fields(line) {
			l := Width(word)
			switch {
			case j > 0 && n+1+l > w:
				b.WriteString("\n" + indent)
				n = len(indent)
			case j > 0:
				b.WriteByte(' ')
				n++
			}
			b.WriteString(word)
			n += l
		}
	}
	return b.String()
}
