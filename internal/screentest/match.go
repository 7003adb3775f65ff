//go:build !windows

package screentest

import (
	"bytes"
	"regexp"
	"regexp/syntax"
	"unicode"
	"unicode/utf8"

	expect "github.com/Netflix/go-expect"
)

// Window is how far back from the last rune read Regexp looks for the
// start of a match: more than any prompt's progress line or key hint,
// spaces and line breaks in them included.
const Window = 256

// Regexp is go-expect's RegexpPattern made cheap. go-expect tries its
// matchers after every rune it reads, each against all it has read since
// the last match: over a whole question set that is quadratic, and the
// screen tests spent nearly all their time in regexp. A match that was
// not there a rune ago ends at the rune just read (the patterns use no
// \b or $), so this looks only when that rune can end a match, and then
// only at the last Window bytes. A longer match would not be found, and
// the wait would fail at its timeout, loudly.
func Regexp(pattern string) expect.ExpectOpt {
	m := &tailMatcher{re: regexp.MustCompile(pattern), last: lastRunes(pattern)}
	return func(opts *expect.ExpectOpts) error {
		opts.Matchers = append(opts.Matchers, m)
		return nil
	}
}

type tailMatcher struct {
	re   *regexp.Regexp
	last runeSet
}

func (m *tailMatcher) Match(v any) bool {
	buf, ok := v.(*bytes.Buffer)
	if !ok {
		return false
	}
	b := buf.Bytes()
	if r, _ := utf8.DecodeLastRune(b); !m.last.has(r) {
		return false
	}
	return m.re.Match(b[max(0, len(b)-Window):])
}

func (m *tailMatcher) Criteria() any { return m.re }

// runeSet is a set of runes: any, or pairs of lo, hi as in a character
// class.
type runeSet struct {
	any    bool
	ranges []rune
}

func (s runeSet) has(r rune) bool {
	if s.any {
		return true
	}
	for i := 0; i+1 < len(s.ranges); i += 2 {
		if s.ranges[i] <= r && r <= s.ranges[i+1] {
			return true
		}
	}
	return false
}

func (s *runeSet) add(o runeSet) {
	s.any = s.any || o.any
	s.ranges = append(s.ranges, o.ranges...)
}

// lastRunes returns the runes a match of pattern can end with; any rune
// when it cannot tell.
func lastRunes(pattern string) runeSet {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return runeSet{any: true}
	}
	set, empty := last(re.Simplify())
	if empty {
		return runeSet{any: true} // it matches before any rune
	}
	return set
}

// last returns the runes a match of re can end with, and whether re can
// match the empty string.
func last(re *syntax.Regexp) (runeSet, bool) {
	switch re.Op {
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return runeSet{}, true
		}
		r := re.Rune[len(re.Rune)-1]
		set := runeSet{ranges: []rune{r, r}}
		if re.Flags&syntax.FoldCase != 0 {
			for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
				set.ranges = append(set.ranges, f, f)
			}
		}
		return set, false
	case syntax.OpCharClass:
		return runeSet{ranges: re.Rune}, false
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return runeSet{any: true}, false
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return runeSet{}, true
	case syntax.OpCapture:
		return last(re.Sub[0])
	case syntax.OpStar, syntax.OpQuest:
		set, _ := last(re.Sub[0])
		return set, true
	case syntax.OpPlus:
		return last(re.Sub[0])
	case syntax.OpRepeat:
		set, empty := last(re.Sub[0])
		return set, empty || re.Min == 0
	case syntax.OpConcat:
		var set runeSet
		for i := len(re.Sub) - 1; i >= 0; i-- {
			s, empty := last(re.Sub[i])
			set.add(s)
			if !empty {
				return set, false
			}
		}
		return set, true
	case syntax.OpAlternate:
		var set runeSet
		empty := false
		for _, sub := range re.Sub {
			s, e := last(sub)
			set.add(s)
			empty = empty || e
		}
		return set, empty
	}
	return runeSet{any: true}, true
}
