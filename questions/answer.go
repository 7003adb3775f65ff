package questions

import (
	"fmt"
	"math"
	"strings"

	"amends/internal/text"
)

// MaxTextAnswer is the longest free-text answer kept, in runes.
const MaxTextAnswer = 4000

// Normalize checks an answer to q and returns it in the form conditions and
// scoring use: a string for choice and text, a []string for multi (in the
// options' order, without repeats), an int for scale and number. It accepts
// the types a TOML or JSON decoder produces (int64, float64 with no
// fraction, []any). The error says what is wrong in plain words.
func (s *Set) Normalize(q *Question, v any) (any, error) {
	switch q.Kind {
	case KindChoice:
		str, ok := v.(string)
		if !ok {
			return nil, fmt.Errorf("should be one of %s, in quotes", optionValues(q))
		}
		if q.Option(str) == nil {
			return nil, fmt.Errorf("%q is not one of its options (%s)%s", str, optionValues(q), suggest(str, valuesOf(q)))
		}
		return str, nil
	case KindMulti:
		var list []string
		switch l := v.(type) {
		case []string:
			list = l
		case []any:
			for _, e := range l {
				str, ok := e.(string)
				if !ok {
					return nil, fmt.Errorf("should be a list of option values in quotes")
				}
				list = append(list, str)
			}
		default:
			return nil, fmt.Errorf("should be a list of option values, such as [%q]", q.Options[0].Value)
		}
		picked := map[string]bool{}
		for _, str := range list {
			if q.Option(str) == nil {
				return nil, fmt.Errorf("%q is not one of its options (%s)%s", str, optionValues(q), suggest(str, valuesOf(q)))
			}
			picked[str] = true
		}
		out := []string{}
		for _, o := range q.Options {
			if picked[o.Value] {
				out = append(out, o.Value)
			}
		}
		lo, hi := s.Range(q)
		if len(out) < lo {
			return nil, fmt.Errorf("pick at least %d", lo)
		}
		if len(out) > hi {
			return nil, fmt.Errorf("pick at most %d", hi)
		}
		return out, nil
	case KindScale, KindNumber:
		var n int
		switch x := v.(type) {
		case int:
			n = x
		case int64:
			n = int(x)
		case float64:
			if x != float64(int(x)) {
				return nil, fmt.Errorf("should be a whole number, not %g", x)
			}
			n = int(x)
		default:
			return nil, fmt.Errorf("should be a whole number")
		}
		lo, hi := s.Range(q)
		if n < lo || n > hi {
			return nil, fmt.Errorf("%d is not between %d and %d", n, lo, hi)
		}
		return n, nil
	case KindText:
		str, ok := v.(string)
		if !ok {
			return nil, fmt.Errorf("should be text in quotes")
		}
		str = strings.TrimSpace(text.Clean(str))
		if r := []rune(str); len(r) > MaxTextAnswer {
			str = string(r[:MaxTextAnswer])
		}
		return str, nil
	}
	return nil, fmt.Errorf("question has unknown kind %q", q.Kind)
}

// Display returns the answer v to q as words: an option's label, a scale's
// label with its step, a number, or the text itself.
func (s *Set) Display(q *Question, v any, p Picked) string {
	switch x := v.(type) {
	case string:
		if q.Kind == KindChoice {
			if o := q.Option(x); o != nil {
				return s.Fill(o.Label, p)
			}
		}
		return x
	case []string:
		labels := make([]string, 0, len(x))
		for _, val := range x {
			if o := q.Option(val); o != nil {
				labels = append(labels, s.Fill(o.Label, p))
			}
		}
		if len(labels) == 0 {
			return s.Book().T("answer_none")
		}
		return strings.Join(labels, "; ")
	case int:
		if q.Kind == KindScale {
			if labels := s.Labels(q); x >= 1 && x <= len(labels) {
				return labels[x-1]
			}
		}
		if q.Kind == KindNumber {
			lo, hi := s.Range(q)
			if lo == 0 {
				return s.Book().T("answer_out_of", "n", x, "max", hi)
			}
			return s.Book().T("answer_on_scale", "n", x, "min", lo, "max", hi)
		}
		return fmt.Sprint(x)
	}
	return ""
}

func optionValues(q *Question) string {
	return `"` + strings.Join(valuesOf(q), `", "`) + `"`
}

func valuesOf(q *Question) []string {
	out := make([]string, len(q.Options))
	for i, o := range q.Options {
		out[i] = o.Value
	}
	return out
}

// KeyLines scans a TOML document and returns a function giving the line of
// a key by its dotted path ("answers.blame"), or 0. It serves files other
// than sets, such as answers files, whose messages need lines too.
func KeyLines(src string) func(path string) int {
	p := scanPositions(src)
	return p.line
}

// Suggest returns ` (did you mean "x"?)` for the candidate closest to got,
// or "" when none is close.
func Suggest(got string, candidates []string) string { return suggest(got, candidates) }

// Level is where option o of a choice question stands for dimension dim,
// 0 to 1, among the points its options give dim: the option with the
// fewest points is 0, the one with the most 1. It is false when o gives
// dim no points, or every option gives the same.
func (q *Question) Level(o *Option, dim string) (float64, bool) {
	p, ok := o.Points[dim]
	if !ok {
		return 0, false
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, x := range q.Options {
		if v, ok := x.Points[dim]; ok {
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
	}
	if hi <= lo {
		return 0, false
	}
	return (p - lo) / (hi - lo), true
}
