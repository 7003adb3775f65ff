package questions

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// Fingerprint returns a short digest of what a person answering q saw and
// could answer: its kind, its text, its options' values and labels, its
// scale's labels and its range. An answer given to a question with the
// same fingerprint means the same, whatever else in the set changed, so
// answers kept for one version of a set can be scored by the next.
func (s *Set) Fingerprint(q *Question) string {
	h := sha256.New()
	part := func(a ...any) {
		fmt.Fprintln(h, a...)
	}
	part("kind", q.Kind)
	part("text", q.Text)
	for _, o := range q.Options {
		part("option", o.Value, o.Label)
	}
	if q.Kind == KindScale {
		part("scale", strings.Join(s.Labels(q), "\x00"))
	}
	lo, hi := s.Range(q)
	part("range", lo, hi)
	return hex.EncodeToString(h.Sum(nil))[:12]
}

// Renamed returns the question that the question once called id is now,
// by the set's [renamed] table, or nil.
func (s *Set) Renamed(id string) *Question {
	if to, ok := s.Renames[id]; ok {
		return s.index.questions[to]
	}
	return nil
}

// renames checks the [renamed] table: each old id is no question's now,
// and each names a question that is.
func (v *validator) renames() {
	s := v.set
	for _, old := range slices.Sorted(maps.Keys(s.Renames)) {
		path := "renamed." + old
		to := s.Renames[old]
		switch {
		case !idPattern.MatchString(old):
			v.at(path, "renamed id %q should be lower-case letters, digits and _, starting with a letter", old)
		case s.index.questions[old] != nil:
			v.at(path, "%q is still a question's id; a renamed question's old id must be no question's now", old)
		case s.index.questions[to] == nil:
			v.at(path, "%q was renamed to %q, which is no question's id%s", old, to, v.suggest(to, v.known("question")))
		}
	}
}
