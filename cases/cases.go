// Package cases runs the cases kept beside a question set: answers, and
// what scoring them must give. A set my-set.toml keeps its cases in the
// folder my-set.cases beside it, two files for each:
//
//	NAME.toml          answers, as amends take keeps them
//	NAME.expect.toml   what they must give:
//
//	verdict = "possible"              the verdict's id
//	flags = ["unsaid"]                exactly the flags raised (leave out to not check)
//	steps = ["one_apology"]           next steps that must be shown
//	no_steps = ["open_pace"]          and that must not
//	resources = ["counsellor"]        places to get help that must be shown
//	no_resources = ["emergency"]      and that must not
//	[bands]                           a dimension's band: "needs work",
//	accountability = "developing"     "developing", "strong" or "not enough answers"
//
// amends test runs them and prints, for each case that differs, what it
// expected and what it got, each at its line. The built-in set keeps its
// cases the same way, in questions/builtin.cases, and go test runs them
// through Run too.
package cases

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"

	"amends/questions"
	"amends/score"
)

// Case is one case: a name, and where its two files are.
type Case struct {
	Name    string
	Answers string // the answers file, as fsys names it
	Expect  string // the expectations file
	fsys    fs.FS
	shown   string // the folder, as messages name it
}

// Shown returns the name messages give file p of the case.
func (c Case) Shown(p string) string { return path.Join(c.shown, path.Base(p)) }

// Find returns the cases in dir of fsys, by name: every NAME.expect.toml
// with its NAME.toml. shown is how messages name dir. An expectations file
// without its answers, or answers without expectations, is an error.
func Find(fsys fs.FS, dir, shown string) ([]Case, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s: no such folder; a set's cases go there, each NAME.toml (answers, as amends take keeps them) with NAME.expect.toml (what scoring them must give)", shown)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: cannot read the cases: %v", shown, unwrap(err))
	}
	names := map[string]bool{}
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".toml") {
			names[e.Name()] = true
		}
	}
	var out []Case
	var probs []string
	for _, n := range slices.Sorted(mapsKeys(names)) {
		if base, ok := strings.CutSuffix(n, ".expect.toml"); ok {
			if !names[base+".toml"] {
				probs = append(probs, fmt.Sprintf("%s: no answers beside it; a case is %s.toml (answers) with %s.expect.toml", path.Join(shown, n), base, base))
				continue
			}
			out = append(out, Case{Name: base, Answers: path.Join(dir, base+".toml"), Expect: path.Join(dir, n), fsys: fsys, shown: shown})
		} else if base := strings.TrimSuffix(n, ".toml"); !names[base+".expect.toml"] {
			probs = append(probs, fmt.Sprintf("%s: no %s.expect.toml beside it to say what scoring these answers must give", path.Join(shown, n), base))
		}
	}
	if len(probs) > 0 {
		return nil, fmt.Errorf("%s", strings.Join(probs, "\n"))
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no cases; a case is NAME.toml (answers, as amends take keeps them) with NAME.expect.toml (what scoring them must give)", shown)
	}
	return out, nil
}

func mapsKeys(m map[string]bool) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

func unwrap(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}

// Expect is what a case's answers must give.
type Expect struct {
	Verdict     string            `toml:"verdict"`
	Flags       *[]string         `toml:"flags"`
	Steps       []string          `toml:"steps"`
	NoSteps     []string          `toml:"no_steps"`
	Resources   []string          `toml:"resources"`
	NoResources []string          `toml:"no_resources"`
	Bands       map[string]string `toml:"bands"`
}

// Diff is one way a case's result differs from what it expects, at the
// line of the expectation.
type Diff struct {
	File string
	Line int
	Msg  string
}

func (d Diff) String() string {
	if d.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", d.File, d.Line, d.Msg)
	}
	return fmt.Sprintf("%s: %s", d.File, d.Msg)
}

// Run scores a case's answers against s and returns how the result
// differs from what the case expects: nothing when it passes. The error
// is for a case that cannot be run: files that cannot be read, or that
// name what s does not have.
func Run(s *questions.Set, c Case) ([]Diff, error) {
	ab, err := fs.ReadFile(c.fsys, c.Answers)
	if err != nil {
		return nil, fmt.Errorf("%s: cannot read: %v", c.Shown(c.Answers), unwrap(err))
	}
	a, err := score.ReadAnswers(c.Shown(c.Answers), bytes.NewReader(ab), s)
	if err != nil {
		return nil, err
	}
	eb, err := fs.ReadFile(c.fsys, c.Expect)
	if err != nil {
		return nil, fmt.Errorf("%s: cannot read: %v", c.Shown(c.Expect), unwrap(err))
	}
	want, line, err := readExpect(c.Shown(c.Expect), eb, s)
	if err != nil {
		return nil, err
	}
	r := score.Score(s, a)
	file := c.Shown(c.Expect)
	var diffs []Diff
	add := func(key string, format string, args ...any) {
		diffs = append(diffs, Diff{File: file, Line: line(key), Msg: fmt.Sprintf(format, args...)})
	}
	if want.Verdict != "" && r.Verdict.ID != want.Verdict {
		why := ""
		if len(r.Verdict.Why) > 0 {
			why = "; because: " + strings.Join(r.Verdict.Why, "; ")
		}
		add("verdict", "verdict: want %q, got %q%s", want.Verdict, r.Verdict.ID, why)
	}
	if want.Flags != nil {
		var got []string
		for _, f := range r.Flags {
			got = append(got, f.ID)
		}
		wanted := slices.Clone(*want.Flags)
		sort.Strings(got)
		sort.Strings(wanted)
		if !slices.Equal(got, wanted) {
			add("flags", "flags: want %s, got %s%s", list(wanted), list(got), change(wanted, got))
		}
	}
	shown := map[string]bool{}
	for _, p := range r.Phases {
		for _, st := range p.Steps {
			shown[st.ID] = true
		}
	}
	help := map[string]bool{}
	for _, res := range r.Resources {
		help[res.ID] = true
	}
	// each says, for every id a case lists under key, where shown does
	// not agree with what the case wants.
	each := func(what, key string, ids []string, shown map[string]bool, want bool) {
		for i, id := range ids {
			if shown[id] == want {
				continue
			}
			if want {
				add(fmt.Sprintf("%s.%d", key, i), "%s %q: want it shown, and it is not", what, id)
			} else {
				add(fmt.Sprintf("%s.%d", key, i), "%s %q: want it left out, and it is shown", what, id)
			}
		}
	}
	each("step", "steps", want.Steps, shown, true)
	each("step", "no_steps", want.NoSteps, shown, false)
	each("resource", "resources", want.Resources, help, true)
	each("resource", "no_resources", want.NoResources, help, false)
	for _, d := range r.Dimensions {
		if b, ok := want.Bands[d.ID]; ok && b != d.Band {
			got := fmt.Sprintf("%q (score %d)", d.Band, d.Score)
			if !d.Scored {
				got = fmt.Sprintf("%q (%d of its %d questions answered)", d.Band, d.Answered, d.Asked)
			}
			add("bands."+d.ID, "band of %q: want %q, got %s", d.ID, b, got)
		}
	}
	sort.SliceStable(diffs, func(i, j int) bool { return diffs[i].Line < diffs[j].Line })
	return diffs, nil
}

func list(ids []string) string {
	q := make([]string, len(ids))
	for i, id := range ids {
		q[i] = fmt.Sprintf("%q", id)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

// change says what is missing from got and what more it has than want.
func change(want, got []string) string {
	var parts []string
	for _, id := range want {
		if !slices.Contains(got, id) {
			parts = append(parts, "-"+id)
		}
	}
	for _, id := range got {
		if !slices.Contains(want, id) {
			parts = append(parts, "+"+id)
		}
	}
	return " (" + strings.Join(parts, " ") + ")"
}

// bands are the words a band is said in.
var bands = []string{score.BandWeak, score.BandDeveloping, score.BandStrong, score.BandUnscored}

// readExpect reads an expectations file strictly: every key it does not
// know and every id s does not have is a problem at its line.
func readExpect(name string, src []byte, s *questions.Set) (*Expect, func(string) int, error) {
	var want Expect
	md, err := toml.NewDecoder(bytes.NewReader(src)).Decode(&want)
	if err != nil {
		if pe, ok := err.(toml.ParseError); ok {
			return nil, nil, fmt.Errorf("%s:%d: not valid TOML: %s", name, max(pe.Position.Line, 1), strings.Join(strings.Fields(pe.Message), " "))
		}
		return nil, nil, fmt.Errorf("%s: %s", name, strings.TrimPrefix(err.Error(), "toml: "))
	}
	line := questions.KeyLines(string(src))
	var probs []string
	add := func(key, format string, args ...any) {
		probs = append(probs, fmt.Sprintf("%s:%d: %s", name, line(key), fmt.Sprintf(format, args...)))
	}
	for _, k := range md.Undecoded() {
		add(k.String(), "unknown key %q%s", k.String(), questions.Suggest(k.String(), []string{"verdict", "flags", "steps", "no_steps", "resources", "no_resources", "bands"}))
	}
	ids := func(kind string) []string {
		var out []string
		switch kind {
		case "verdict":
			for _, v := range s.Verdicts {
				out = append(out, v.ID)
			}
		case "flag":
			for _, f := range s.Flags {
				out = append(out, f.ID)
			}
		case "step":
			for _, st := range s.Steps {
				out = append(out, st.ID)
			}
		case "resource":
			for _, r := range s.Resources {
				out = append(out, r.ID)
			}
		case "dimension":
			for _, d := range s.Dimensions {
				out = append(out, d.ID)
			}
		}
		return out
	}
	known := func(key, kind, id string) {
		if all := ids(kind); !slices.Contains(all, id) {
			add(key, "%s %q is not in set %q%s", kind, id, s.ID, questions.Suggest(id, all))
		}
	}
	if want.Verdict != "" {
		known("verdict", "verdict", want.Verdict)
	}
	if want.Flags != nil {
		for i, id := range *want.Flags {
			known(fmt.Sprintf("flags.%d", i), "flag", id)
		}
	}
	for key, l := range map[string][]string{"steps": want.Steps, "no_steps": want.NoSteps} {
		for i, id := range l {
			known(fmt.Sprintf("%s.%d", key, i), "step", id)
		}
	}
	for key, l := range map[string][]string{"resources": want.Resources, "no_resources": want.NoResources} {
		for i, id := range l {
			known(fmt.Sprintf("%s.%d", key, i), "resource", id)
		}
	}
	for _, d := range slices.Sorted(func(yield func(string) bool) {
		for k := range want.Bands {
			if !yield(k) {
				return
			}
		}
	}) {
		known("bands."+d, "dimension", d)
		if b := want.Bands[d]; !slices.Contains(bands, b) {
			add("bands."+d, "band %q is none of %s", b, list(bands))
		}
	}
	if want.Verdict == "" && want.Flags == nil && len(want.Steps)+len(want.NoSteps)+len(want.Resources)+len(want.NoResources)+len(want.Bands) == 0 {
		probs = append(probs, fmt.Sprintf("%s: expects nothing; say at least the verdict, as verdict = %q", name, s.Verdicts[len(s.Verdicts)-1].ID))
	}
	if len(probs) > 0 {
		sort.SliceStable(probs, func(i, j int) bool { return probs[i] < probs[j] })
		return nil, nil, fmt.Errorf("%s", strings.Join(probs, "\n"))
	}
	return &want, line, nil
}

// Report runs every case and writes, for each that differs, its name and
// each difference on its own line; then how many passed. It returns how
// many failed. A case that cannot be run counts as failed, its problem
// written to errs.
func Report(w, errs io.Writer, s *questions.Set, cs []Case) int {
	failed := 0
	for _, c := range cs {
		diffs, err := Run(s, c)
		if err != nil {
			failed++
			for _, l := range strings.Split(err.Error(), "\n") {
				fmt.Fprintf(errs, "amends: %s\n", l)
			}
			continue
		}
		if len(diffs) == 0 {
			continue
		}
		failed++
		fmt.Fprintf(w, "FAIL %s (%s)\n", c.Name, c.Shown(c.Answers))
		for _, d := range diffs {
			fmt.Fprintf(w, "  %s\n", d)
		}
	}
	switch {
	case failed == 0 && len(cs) == 1:
		fmt.Fprintf(w, "the 1 case passes\n")
	case failed == 0:
		fmt.Fprintf(w, "all %d cases pass\n", len(cs))
	default:
		fmt.Fprintf(w, "%d of %d cases failed\n", failed, len(cs))
	}
	return failed
}
