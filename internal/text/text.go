// Package text holds the few text helpers every part of amends shares:
// the one cleaning rule for text from a set, an answers file or a person,
// and the small ways of putting words on a line.
//
// Plural and Agree are English, for what only an author or a developer
// reads (amends check, amends forget); the words a person reads during a
// quiz or in a report come from internal/words, in the set's language.
package text

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// escape matches a terminal escape sequence whole: CSI ("\x1b[31m"), OSC
// ("\x1b]0;title\x07", ended by BEL or ST, or by the end of the text), DCS,
// SOS, PM and APC strings, and the two-character ones ("\x1bc").
var escape = regexp.MustCompile(`\x1b(?:\[[0-?]*[ -/]*[@-~]?|[\]PX^_][^\x07\x1b]*(?:\x07|\x1b\\)?|[ -/]*[0-~]?)`)

// Clean is the one rule for text that did not come from amends itself
// (a set, an answers or progress file, what a person types) before it
// reaches a terminal, a file or a PDF: terminal escape sequences go
// whole; control characters go (C0, DEL and C1), except the line break,
// and a tab or a carriage return becomes a space ("\r\n" a line break);
// invisible format characters go, the bidirectional controls among them,
// which can make a line read other than it is, and so do the line and
// paragraph separators; invalid UTF-8 becomes U+FFFD. Nothing that
// remains can move a cursor, change a colour or a window title, or
// reorder what is shown.
func Clean(s string) string {
	if strings.IndexByte(s, 0x1b) >= 0 {
		s = escape.ReplaceAllString(s, "")
	}
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(s, "\r\n", "\n")
	}
	clean := true
	for _, r := range s {
		if r != '\n' && Unsafe(r) || r == utf8.RuneError {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n':
			return r
		case r == '\t' || r == '\r':
			return ' '
		case Unsafe(r):
			return -1
		}
		return r
	}, s)
}

// Unsafe reports whether Clean takes r out of a text (a tab or a carriage
// return it turns into a space): what a question set must not hold.
func Unsafe(r rune) bool {
	return r < 0x20 || r >= 0x7f && r < 0xa0 || r == 0x2028 || r == 0x2029 ||
		r > 0xff && unicode.Is(unicode.Cf, r) || r == 0xad
}

// OneLine folds s onto one line: runs of white space, line breaks among
// them, become one space, and none is left at either end.
func OneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// Fill replaces each placeholder of s, a name in braces such as {he},
// with what word gives for the name, in one pass: what is filled in is
// never read again, so a value holding braces stays as it is. A
// placeholder word does not know, "{}", and a brace that opens no
// placeholder stay as they are.
func Fill(s string, word func(name string) (string, bool)) string {
	if strings.IndexByte(s, '{') < 0 {
		return s
	}
	var out strings.Builder
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			out.WriteString(s)
			return out.String()
		}
		out.WriteString(s[:i])
		j := strings.IndexAny(s[i+1:], "{}")
		if j < 0 || s[i+1+j] != '}' || j == 0 {
			out.WriteByte('{')
			s = s[i+1:]
			continue
		}
		if w, ok := word(s[i+1 : i+1+j]); ok {
			out.WriteString(w)
		} else {
			out.WriteString(s[i : i+2+j])
		}
		s = s[i+2+j:]
	}
}

// Plural counts n of a thing in English: "1 answer", "3 answers".
func Plural(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return strconv.Itoa(n) + " " + thing + "s"
}

// Agree picks the word that agrees with a count of n: one for 1, else many
// ("is" or "are").
func Agree(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Capital gives s a capital first letter.
func Capital(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if size == 0 || r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}
