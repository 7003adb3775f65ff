package report

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"amends/questions"
	"amends/score"
)

// personaCase is one report the layout test lays out.
type personaCase struct {
	name string
	set  *questions.Set
	r    *score.Result
	o    Options
	// read: TestPersonas reads this one's PDF back as well, so it is
	// made in full, once, and shared (see personaPDF).
	read bool
}

// personaCases are every persona in questions/builtin.cases, scored
// against the built-in set, on A4 and Letter, with and without the
// appendix; and the same answers to the Spanish built-in set. They are
// loaded and scored once for all the tests that use them.
func personaCases(t testing.TB) []personaCase {
	t.Helper()
	cs, err := personas()
	if err != nil {
		t.Fatal(err)
	}
	return cs
}

var personas = sync.OnceValues(func() ([]personaCase, error) {
	dir := filepath.Join("..", "questions", "builtin.cases")
	paths, _ := filepath.Glob(filepath.Join(dir, "*.toml"))
	paths = slices.DeleteFunc(paths, func(p string) bool { return strings.HasSuffix(p, ".expect.toml") })
	if len(paths) == 0 {
		return nil, fmt.Errorf("no personas in %s: the persona answers files belong there", dir)
	}
	s, err := questions.Builtin()
	if err != nil {
		return nil, err
	}
	scored := func(s *questions.Set, path string) (*score.Result, error) {
		a, err := score.ReadAnswersFile(path, s)
		if err != nil {
			return nil, err
		}
		return score.Score(s, a), nil
	}
	// With the answers, also "Since last time", against the hopeful
	// persona's answers.
	hopeful, err := scored(s, filepath.Join(dir, "hopeful.toml"))
	if err != nil {
		return nil, err
	}
	var cs []personaCase
	for _, path := range paths {
		name := strings.TrimSuffix(filepath.Base(path), ".toml")
		r, err := scored(s, path)
		if err != nil {
			return nil, err
		}
		bands := s.Scoring.Bands
		cs = append(cs,
			personaCase{name + "/a4", s, r, Options{Paper: "a4", Date: testDate, Bands: bands}, false},
			// TestPersonas's: the answers at the end, nothing to compare.
			personaCase{name + "/a4+answers", s, r, Options{Appendix: true, Date: testDate, Bands: bands}, true},
			personaCase{name + "/a4+answers+compare", s, r, Options{Paper: "a4", Appendix: true, Compare: hopeful, Date: testDate, Bands: bands}, false},
			personaCase{name + "/letter", s, r, Options{Paper: "letter", Date: testDate, Bands: bands}, false},
			personaCase{name + "/letter+answers+compare", s, r, Options{Paper: "letter", Appendix: true, Compare: hopeful, Date: testDate, Bands: bands}, false},
		)
	}
	// The same answers to the Spanish built-in set: other words, other
	// lengths, other breaks.
	es, err := questions.BuiltinFor("es")
	if err != nil {
		return nil, err
	}
	for _, path := range paths {
		name := strings.TrimSuffix(filepath.Base(path), ".toml")
		r, err := scored(es, path)
		if err != nil {
			continue // answers the Spanish set words differently
		}
		for _, paper := range []string{"a4", "letter"} {
			cs = append(cs, personaCase{name + "/es/" + paper, es, r, Options{Paper: paper, Date: testDate, Bands: es.Scoring.Bands}, false})
		}
	}
	return cs, nil
})

// personaRender is a persona's PDF made in full, and its layout.
type personaRender struct {
	pdf []byte
	l   *layout
	err error
}

var personaPDFs sync.Map // case name to func() personaRender, made once

// personaPDF makes the PDF of c once, whichever test asks first.
func personaPDF(c personaCase) personaRender {
	f, _ := personaPDFs.LoadOrStore(c.name, sync.OnceValue(func() personaRender {
		b, l, err := makePDF(c.r, c.o)
		return personaRender{b, l, err}
	}))
	return f.(func() personaRender)()
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

// TestLayout lays out every persona on both papers, with and without the
// appendix, and checks the pagination rules: a box, a step, a part, a
// question and its answer are never split when they fit on a page; a
// heading is never alone at the foot of a page; the last page is never a
// scrap; the first page stands alone. A layout is what the PDF is painted
// from; the one PDF TestPersonas reads back is made in full and shared.
func TestLayout(t *testing.T) {
	for _, c := range personaCases(t) {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			var l *layout
			var err error
			if c.read {
				r := personaPDF(c)
				l, err = r.l, r.err
			} else {
				_, _, l, err = layOut(c.r, c.o)
			}
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
				_, _, l, err := layOut(pc.r, o)
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
