package report

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"amends/questions"
	"amends/score"
)

// personaCase is one report the layout test renders.
type personaCase struct {
	name string
	r    *score.Result
	o    Options
}

// personaCases are every persona in score/testdata, scored against the
// built-in set, on A4 and Letter, with and without the appendix.
func personaCases(t testing.TB) []personaCase {
	t.Helper()
	paths, _ := filepath.Glob(filepath.Join("..", "questions", "builtin.cases", "*.toml"))
	s, err := questions.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	var cs []personaCase
	for _, path := range paths {
		if strings.HasSuffix(path, ".expect.toml") {
			continue
		}
		name := strings.TrimSuffix(filepath.Base(path), ".toml")
		r := scorePersona(t, s, path)
		for _, paper := range []string{"a4", "letter"} {
			for _, app := range []bool{false, true} {
				n := name + "/" + paper
				o := Options{Paper: paper, Appendix: app, Date: testDate, Bands: s.Scoring.Bands}
				if app {
					// With the answers, also "Since last time", against
					// the hopeful persona's answers.
					n += "+answers+compare"
					o.Compare = scorePersona(t, s, filepath.Join(filepath.Dir(path), "hopeful.toml"))
				}
				cs = append(cs, personaCase{n, r, o})
			}
		}
	}
	if len(cs) == 0 {
		t.Fatal("no personas in ../questions/builtin.cases")
	}
	// The same answers to the Spanish built-in set: other words, other
	// lengths, other breaks.
	es, err := questions.BuiltinFor("es")
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range paths {
		if strings.HasSuffix(path, ".expect.toml") {
			continue
		}
		name := strings.TrimSuffix(filepath.Base(path), ".toml")
		a, err := score.ReadAnswersFile(path, es)
		if err != nil {
			continue // answers the Spanish set words differently
		}
		r := score.Score(es, a)
		for _, paper := range []string{"a4", "letter"} {
			cs = append(cs, personaCase{name + "/es/" + paper, r, Options{Paper: paper, Date: testDate, Bands: es.Scoring.Bands}})
		}
	}
	return cs
}

// layoutProblems checks a layout against the pagination rules and says
// what breaks them, one line each.
func layoutProblems(l *layout) []string {
	var out []string
	full := l.bottom - l.top
	for i, r := range l.rec {
		if r.keep && r.p1 != r.p0 && r.h <= full+0.01 {
			out = append(out, fmt.Sprintf("%s is split across pages %d and %d, though it fits on one (%.0f mm)", r.what, r.p0, r.p1, r.h))
		}
		if r.heading {
			if i+1 >= len(l.rec) {
				out = append(out, fmt.Sprintf("%s ends the report", r.what))
			} else if next := l.rec[i+1]; next.p0 != r.p1 {
				out = append(out, fmt.Sprintf("%s is alone at the foot of page %d; %s starts page %d", r.what, r.p1, next.what, next.p0))
			}
		}
	}
	// No text runs past the right margin.
	for n, pg := range l.pages {
		for _, o := range pg.fg {
			if o.kind != opText {
				continue
			}
			w := l.textWidth(o.s, o.text)
			if o.align == "L" && o.x+w > l.left+l.width+0.3 {
				out = append(out, fmt.Sprintf("page %d: %q runs %.1f mm past the margin", n+1, o.text, o.x+w-l.left-l.width))
			}
			if w > o.w+0.3 {
				out = append(out, fmt.Sprintf("page %d: %q is %.1f mm wider than its place", n+1, o.text, w-o.w))
			}
		}
	}
	if n := len(l.pages); n > 1 && l.pages[n-1].lines < minLastLines {
		out = append(out, fmt.Sprintf("the last page, %d, holds %d lines; it needs at least %d", n, l.pages[n-1].lines, minLastLines))
	}
	if l.coverPages > 1 {
		out = append(out, fmt.Sprintf("the first page runs on to %d pages", l.coverPages))
	}
	return out
}

// TestLayout renders every persona on both papers, with and without the
// appendix, and checks the pagination rules: a box, a step, a part, a
// question and its answer are never split when they fit on a page; a
// heading is never alone at the foot of a page; the last page is never a
// scrap; the first page stands alone.
func TestLayout(t *testing.T) {
	for _, c := range personaCases(t) {
		t.Run(c.name, func(t *testing.T) {
			_, l, err := makePDF(c.r, c.o)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range layoutProblems(l) {
				t.Error(p)
			}
		})
	}
}

// TestLayoutCatchesDefects turns each pagination rule off in turn and
// expects the layout test to notice somewhere among the personas, so that
// TestLayout is known to fail on the defects it is about.
func TestLayoutCatchesDefects(t *testing.T) {
	cases := personaCases(t)
	for _, c := range []struct {
		name  string
		rules rules
		want  []string // each must be seen
	}{
		{"split blocks", rules{noKeep: true}, []string{"box starting with", "question ", "step “"}},
		{"lone headings", rules{noKeepHeading: true}, []string{"is alone at the foot of page"}},
		{"scraps", rules{noLastPage: true}, []string{"the last page"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			seen := map[string]string{} // what was seen, in which layout
			for _, pc := range cases {
				if len(seen) == len(c.want) {
					break // enough to show the test notices
				}
				o := pc.o
				o.rules = c.rules
				_, l, err := makePDF(pc.r, o)
				if err != nil {
					t.Fatal(err)
				}
				for _, p := range layoutProblems(l) {
					for _, w := range c.want {
						if _, ok := seen[w]; !ok && strings.Contains(p, w) {
							seen[w] = pc.name + ": " + p
						}
					}
				}
			}
			for _, w := range c.want {
				if seen[w] == "" {
					t.Errorf("with the rule off, no persona's layout shows %q", w)
				} else {
					t.Logf("with the rule off, %s", seen[w])
				}
			}
		})
	}
}

// TestCoverAlone: even with texts far longer than a set would give, the
// first page holds the verdict and runs on to no second page; what does
// not fit moves on.
func TestCoverAlone(t *testing.T) {
	long := hopefulResult()
	long.Verdict.Summary = strings.Repeat("A long summary of what the verdict means. ", 12)
	long.Verdict.Text = strings.Repeat("A long paragraph of what the verdict means, and more. ", 40)
	for range 12 {
		long.Verdict.Why = append(long.Verdict.Why, "A reason that takes up a whole line of the page, or close to it, and then some more.")
	}
	urgentLong := safetyResult()
	urgentLong.Verdict.Text = long.Verdict.Text
	urgentLong.Verdict.Why = long.Verdict.Why
	for name, r := range map[string]*score.Result{"hopeful": hopefulResult(), "safety": safetyResult(), "long": long, "urgent-long": urgentLong, "languages": greekResult()} {
		for _, paper := range []string{"a4", "letter"} {
			_, l, err := makePDF(r, Options{Paper: paper, Date: testDate})
			if err != nil {
				t.Fatal(err)
			}
			if l.coverPages != 1 {
				t.Errorf("%s on %s: the first page runs on to %d pages", name, paper, l.coverPages)
			}
		}
	}
}
