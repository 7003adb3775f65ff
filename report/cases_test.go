package report

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"amends/questions"
	"amends/score"
)

// The golden reports are real personas scored by score.Score against a
// snapshot of the built-in set, testdata/set.toml, so that editing the
// built-in set's words does not change the golden bytes; TestPersonas
// renders every persona against the live built-in set instead. To take a
// new snapshot:
//
//	cp questions/builtin.toml report/testdata/set.toml
//	cp questions/builtin.cases/hopeful.toml report/testdata/hopeful.toml
//	cp questions/builtin.cases/safety_violence.toml report/testdata/safety.toml
//	go test ./report -update

// goldenCase is a report whose bytes are kept in testdata.
type goldenCase struct {
	name string
	r    *score.Result
	o    Options
}

func goldenCases(t testing.TB) []goldenCase {
	t.Helper()
	s, err := questions.LoadFile(filepath.Join("testdata", "set.toml"))
	if err != nil {
		t.Fatal(err)
	}
	var cs []goldenCase
	for _, name := range []string{"safety", "hopeful"} {
		cs = append(cs, goldenCase{name, scorePersona(t, s, filepath.Join("testdata", name+".toml")), Options{Bands: s.Scoring.Bands}})
	}
	return cs
}

func scorePersona(t testing.TB, s *questions.Set, path string) *score.Result {
	t.Helper()
	a, err := score.ReadAnswersFile(path, s)
	if err != nil {
		t.Fatal(err)
	}
	return score.Score(s, a)
}

// benchResult is the hopeful persona scored against the built-in set: a
// report of the size people get.
func benchResult(b testing.TB) *score.Result {
	s, err := questions.Builtin()
	if err != nil {
		b.Fatal(err)
	}
	return scorePersona(b, s, filepath.Join("..", "questions", "builtin.cases", "hopeful.toml"))
}

// TestPersonas renders every persona's report with the live built-in set
// and the answers at the end, and reads it back: a valid PDF, the verdict
// on the first page, and for safety and crisis verdicts help first and no
// scores. TestLayout checks the same PDF's layout.
func TestPersonas(t *testing.T) {
	n := 0
	for _, c := range personaCases(t) {
		if !c.read {
			continue
		}
		n++
		s, r := c.set, c.r
		t.Run(strings.TrimSuffix(c.name, "/a4+answers"), func(t *testing.T) {
			t.Parallel()
			made := personaPDF(c)
			if made.err != nil {
				t.Fatalf("PDF: %v", made.err)
			}
			p := read(t, made.pdf)
			mustContain(t, "page 1", p.page(1), r.Verdict.Title, r.Set.Disclaimer)
			// The first page stands alone: the verdict and, when there are
			// steps, the first of them.
			if len(r.Phases) > 0 && len(r.Phases[0].Steps) > 0 {
				mustContain(t, "page 1", p.page(1), wStartLabel, line(r.Phases[0].Steps[0].Text))
			}
			// For a verdict about safety, or one scores must not argue
			// with, nothing on the first pages headlines a score or leads
			// with strengths.
			if urgent(r) || r.Verdict.QuietScores {
				for n := 1; n <= min(2, len(p.pages)); n++ {
					mustNotContain(t, fmt.Sprintf("page %d", n), p.page(n), "Taken together", wStrengths, tStanding+" Each bar")
				}
			}
			text := p.text()
			if urgent(r) {
				mustContain(t, "the report", text, tHelp, tRaised, s.Book().T("report_safe_steps"))
				mustNotContain(t, "the report", text, tStanding, "Taken together")
				// The first page stands alone: the verdict and the first
				// places to get help, with their numbers.
				if len(r.Help) == 0 {
					t.Fatal("an urgent result names no help")
				}
				for _, res := range r.Help[:min(2, len(r.Help))] {
					mustContain(t, "page 1", p.page(1), "First, where to get help", oneLine(res.Title), oneLine(res.Contact()))
				}
			} else if r.Verdict.QuietScores {
				mustContain(t, "the report", text, tStanding, tSteps, tHelp)
				mustNotContain(t, "the report", text, "Taken together")
				if i, j := strings.Index(text, "Your strengths"), strings.Index(text, "What needs work"); i >= 0 && j >= 0 && i < j {
					t.Error("strengths come before what needs work")
				}
				if strings.Index(text, tStanding) < strings.Index(text, tSteps+" ") {
					t.Error("the scores come before the next steps")
				}
			} else {
				mustContain(t, "the report", text, tStanding, tSteps, tHelp)
			}
			mustContain(t, "the report", text, tAbout, tAnswers)
			for _, ph := range r.Phases {
				for _, st := range ph.Steps {
					mustContain(t, "the report", text, line(st.Text))
				}
			}
		})
	}
	if n == 0 {
		t.Fatal("no persona's PDF to read")
	}
}
