package quiz

import (
	"errors"
	"fmt"
	"strings"

	"amends/internal/text"
	"amends/questions"
)

// reviewEvery is how many questions a review goes over at the least:
// a short section is reviewed with the ones after it, so that a quiz has
// a few reviews rather than one after every section.
const reviewEvery = 8

// part is the run of sections one review goes over, with their questions
// as planned.
type part struct {
	sections []*questions.Section
	qs       []*questions.Question
}

func (p part) last() *questions.Section { return p.sections[len(p.sections)-1] }

// parts cuts a plan into parts: whole sections, at least reviewEvery
// questions each, a short remainder joined to the part before it.
func parts(plan []*questions.Question) []part {
	var out []part
	var cur part
	for i, q := range plan {
		if len(cur.sections) == 0 || cur.last() != q.Section {
			cur.sections = append(cur.sections, q.Section)
		}
		cur.qs = append(cur.qs, q)
		if (i+1 == len(plan) || plan[i+1].Section != q.Section) && len(cur.qs) >= reviewEvery {
			out = append(out, cur)
			cur = part{}
		}
	}
	if len(cur.qs) > 0 {
		if n := len(out); n > 0 && len(cur.qs) < reviewEvery/2 {
			out[n-1].sections = append(out[n-1].sections, cur.sections...)
			out[n-1].qs = append(out[n-1].qs, cur.qs...)
		} else {
			out = append(out, cur)
		}
	}
	return out
}

// partEndingAt returns the part whose last question is plan[i].
func partEndingAt(plan []*questions.Question, i int) (part, bool) {
	for _, p := range parts(plan) {
		if p.qs[len(p.qs)-1] == plan[i] {
			return p, true
		}
	}
	return part{}, false
}

// answersOf is the answers to a part's questions, to tell whether any
// changed since its review.
func (s *Session) answersOf(p part) string {
	var b strings.Builder
	for _, q := range p.qs {
		fmt.Fprintf(&b, "%s=%v;", q.ID, s.Answers.Values[q.ID])
	}
	return b.String()
}

// reviewedAsIs reports whether p was reviewed and has not changed since.
func (s *Session) reviewedAsIs(p part) bool {
	v, ok := s.reviewed[p.last()]
	return ok && v == s.answersOf(p)
}

// errSeeResult is returned by the last review when the person asks for
// the result.
var errSeeResult = errors.New("see the result")

// review shows the answers of p and lets the person change any. The last
// review is the last look before the result: it returns errSeeResult when
// the person goes on, and offers the earlier parts too. The back key
// gives ErrBack, for the part's last question.
func (s *Session) review(p part, last bool) (err error) {
	s.reviewing = p.last().ID
	s.save(s.position())
	defer func() {
		if stopping(err) {
			return // the progress file says the review was on screen
		}
		s.reviewing = ""
		s.save(s.position())
	}()
	for {
		now := s.plan()
		var qs []*questions.Question
		for _, q := range now {
			for _, sec := range p.sections {
				if q.Section == sec {
					qs = append(qs, q)
				}
			}
		}
		if len(qs) == 0 {
			return nil
		}
		w := s.words()
		var titles []string
		for _, sec := range p.sections {
			titles = append(titles, w.T("quiz_quoted", "title", s.fill(sec.Title)))
		}
		msg := w.T("quiz_part_end", "sections", s.joinAnd(titles))
		opts := []string{w.T("quiz_continue")}
		all := parts(now)
		if last {
			answered := 0
			for _, q := range now {
				if _, ok := s.Answers.Values[q.ID]; ok {
					answered++
				}
			}
			msg = w.T("quiz_last_question", "answered", answered, "n", len(now))
			opts = []string{w.T("quiz_see_result")}
		}
		for _, q := range qs {
			opts = append(opts, s.reviewLine(q))
		}
		earlier := last && len(all) > 1
		if earlier {
			opts = append(opts, w.T("quiz_earlier_part"))
		}
		i, err := s.Asker.Choose(msg, opts, 0)
		switch {
		case err != nil:
			return err
		case i == 0 && last:
			return errSeeResult
		case i == 0:
			if s.reviewed == nil {
				s.reviewed = map[*questions.Section]string{}
			}
			s.reviewed[p.last()] = s.answersOf(p)
			return nil
		case earlier && i == len(opts)-1:
			if err := s.earlier(all[:len(all)-1]); err != nil && !errors.Is(err, ErrBack) {
				return err
			}
			continue
		}
		if err := s.change(qs[i-1], p); err != nil && !errors.Is(err, ErrBack) {
			return err
		}
	}
}

// stopping reports whether err ends the quiz before its end.
func stopping(err error) bool {
	return errors.Is(err, ErrInterrupted) || errors.Is(err, ErrEndOfInput) || errors.Is(err, ErrOutputClosed)
}

// earlier lets the person pick an earlier part and go over it.
func (s *Session) earlier(ps []part) error {
	w := s.words()
	opts := []string{w.T("quiz_none_back")}
	for _, p := range ps {
		var titles []string
		for _, sec := range p.sections {
			titles = append(titles, s.fill(sec.Title))
		}
		opts = append(opts, strings.Join(titles, "; "))
	}
	j, err := s.Asker.Choose(w.T("quiz_which_part"), opts, 0)
	if err != nil || j == 0 {
		return err
	}
	err = s.review(ps[j-1], false)
	if errors.Is(err, ErrBack) {
		return nil
	}
	return err
}

// position is the id of the question to ask next, for the progress file.
func (s *Session) position() string {
	plan := s.plan()
	if i := s.firstUnanswered(plan, 0); i < len(plan) {
		return plan[i].ID
	}
	return ""
}

// change asks q again, then any question of its part that the new answer
// makes askable. The back key returns to the review.
func (s *Session) change(q *questions.Question, p part) error {
	plan := s.plan()
	if err := s.ask(q, plan, indexOf(plan, q.ID), true); err != nil {
		return err
	}
	for {
		plan = s.plan()
		i := s.firstUnanswered(plan, 0)
		if i >= len(plan) || !p.has(plan[i].Section) {
			return nil
		}
		if err := s.ask(plan[i], plan, i, true); err != nil {
			return err
		}
	}
}

func (p part) has(sec *questions.Section) bool {
	for _, x := range p.sections {
		if x == sec {
			return true
		}
	}
	return false
}

// reviewLine is one question and, on the line after it, its answer.
// The terminal asker shows the answer under the question; the plain one
// says both on one line, which is what a screen reader needs.
func (s *Session) reviewLine(q *questions.Question) string {
	ans := s.words().T("quiz_not_answered")
	if v, ok := s.Answers.Values[q.ID]; ok {
		ans = text.OneLine(s.Set.Display(q, v, s.Answers.Words))
		if ans == "" {
			ans = s.words().T("quiz_left_empty")
		}
	}
	return text.OneLine(s.fill(q.Text)) + "\n" + ans
}

// joinAnd joins items as a sentence lists them: "a", "a and b", "a, b and c".
func (s *Session) joinAnd(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return s.words().T("quiz_and", "list", strings.Join(items[:len(items)-1], ", "), "last", items[len(items)-1])
}
