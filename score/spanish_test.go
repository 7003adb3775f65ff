package score

import (
	"fmt"
	"math/rand"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"amends/questions"
)

// The Spanish built-in set must score every answers file as the English
// one does: the same verdict, flags, scores, bands and steps, and help of
// the same kinds in the same order of urgency. Its places to get help are
// others (lines for people who speak Spanish), so they are compared by
// what they are for.

// helpKinds says what each place to get help is for, in both sets; the
// first kind is the one that leads. A resource added to either set must
// be added here, so that the comparison keeps meaning something.
var helpKinds = map[string][]string{
	// both
	"emergency":     {"emergency"},
	"crisis_988":    {"crisis"},
	"ndvh":          {"victims", "stop"},
	"legal_advice":  {"legal"},
	"samhsa":        {"addiction"},
	"findahelpline": {"directory"},
	"counsellor":    {"counsellor"},
	// English
	"samaritans":        {"crisis"},
	"lifeline_au":       {"crisis"},
	"refuge":            {"victims"},
	"mens_advice":       {"victims"},
	"respect_au":        {"victims"},
	"respect_phoneline": {"stop"},
	"mens_referral":     {"stop"},
	"aod_au":            {"addiction"},
	// Spanish
	"linea_024":       {"crisis"},
	"linea_4141_cl":   {"crisis"},
	"esperanza":       {"crisis"},
	"linea_vida_mx":   {"crisis", "addiction"},
	"linea_016":       {"victims"},
	"linea_144":       {"victims"},
	"linea_155":       {"victims"},
	"linea_100":       {"victims"},
	"programa_cambio": {"stop"},
}

func spanish(t testing.TB) (en, es *questions.Set) {
	t.Helper()
	en, err := questions.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	es, err = questions.BuiltinFor("es")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []*questions.Set{en, es} {
		for _, r := range s.Resources {
			if helpKinds[r.ID] == nil {
				t.Fatalf("resource %q of the %s set has no kind in helpKinds", r.ID, s.Language)
			}
		}
	}
	return en, es
}

// outcome is what must be the same under both sets.
type outcome struct {
	Verdict   string
	Flags     []string
	Composite string
	Dims      []string
	Steps     []string
	Asked     int
	Answered  int
	Honest    int
}

func outcomeOf(r *Result) outcome {
	o := outcome{Verdict: r.Verdict.ID, Asked: r.Asked, Answered: r.Answered, Honest: len(r.Honest)}
	for _, f := range r.Flags {
		o.Flags = append(o.Flags, f.ID)
	}
	if r.HasComposite {
		o.Composite = fmt.Sprint(r.Composite)
	}
	for _, d := range r.Dimensions {
		o.Dims = append(o.Dims, fmt.Sprintf("%s=%d/%v/%s", d.ID, d.Score, d.Scored, d.Band))
	}
	for _, p := range r.Phases {
		for _, st := range p.Steps {
			o.Steps = append(o.Steps, p.ID+":"+st.ID)
		}
	}
	return o
}

// sameHelp reports how two lists of places to get help differ in kind:
// with lead (the help a flag puts first, in order), the first of each must
// be of a kind in common; and every place in one must
// share a kind with some place in the other.
func sameHelp(what string, lead bool, en, es []Resource) []string {
	var diffs []string
	ids := func(rs []Resource) []string {
		var out []string
		for _, r := range rs {
			out = append(out, r.ID)
		}
		return out
	}
	if (len(en) == 0) != (len(es) == 0) {
		return []string{fmt.Sprintf("%s: English %q, Spanish %q", what, ids(en), ids(es))}
	}
	if len(en) == 0 {
		return nil
	}
	share := func(a, b string) bool {
		for _, k := range helpKinds[a] {
			if slices.Contains(helpKinds[b], k) {
				return true
			}
		}
		return false
	}
	if lead && !share(en[0].ID, es[0].ID) {
		diffs = append(diffs, fmt.Sprintf("%s: English leads with %s (%s), Spanish with %s (%s)",
			what, en[0].ID, helpKinds[en[0].ID], es[0].ID, helpKinds[es[0].ID]))
	}
	covered := func(r Resource, in []Resource) bool {
		return slices.ContainsFunc(in, func(o Resource) bool { return share(r.ID, o.ID) })
	}
	for _, r := range en {
		if !covered(r, es) {
			diffs = append(diffs, fmt.Sprintf("%s: nothing in Spanish like %s (%q)", what, r.ID, ids(es)))
		}
	}
	for _, r := range es {
		if !covered(r, en) {
			diffs = append(diffs, fmt.Sprintf("%s: nothing in English like %s (%q)", what, r.ID, ids(en)))
		}
	}
	return diffs
}

// compare scores one answers file under both sets and lists how the
// results differ.
func compare(en, es *questions.Set, values map[string]any) (*Result, []string) {
	a := &Answers{Set: en.ID, Version: en.Version, Values: values}
	re, rs := Score(en, a), Score(es, a)
	var diffs []string
	if oe, os := outcomeOf(re), outcomeOf(rs); !reflect.DeepEqual(oe, os) {
		diffs = append(diffs, fmt.Sprintf("English %+v\nSpanish %+v", oe, os))
	}
	diffs = append(diffs, sameHelp("help", true, re.Help, rs.Help)...)
	diffs = append(diffs, sameHelp("resources", false, re.Resources, rs.Resources)...)
	return re, diffs
}

// TestPersonasSpanish scores every persona under both sets.
func TestPersonasSpanish(t *testing.T) {
	en, es := spanish(t)
	files, _ := filepath.Glob("../questions/builtin.cases/*.expect.toml")
	if len(files) < 12 {
		t.Fatalf("%d personas, want at least 12", len(files))
	}
	for _, exp := range files {
		name := strings.TrimSuffix(filepath.Base(exp), ".expect.toml")
		t.Run(name, func(t *testing.T) {
			path := filepath.Join("../questions/builtin.cases", name+".toml")
			a, err := ReadAnswersFile(path, en)
			if err != nil {
				t.Fatal(err)
			}
			// The file reads the same against the Spanish set.
			b, err := ReadAnswersFile(path, es)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(a.Values, b.Values) {
				t.Fatalf("the answers read differently: %v and %v", a.Values, b.Values)
			}
			_, diffs := compare(en, es, a.Values)
			for _, d := range diffs {
				t.Error(d)
			}
		})
	}
}

// TestRandomAnswersSpanish scores many answer sets, made at random over
// the questions, under both sets: what the personas do not think of, a
// few thousand random people do. The seed is fixed, so a failure repeats.
func TestRandomAnswersSpanish(t *testing.T) {
	en, es := spanish(t)
	rng := rand.New(rand.NewSource(10))
	verdicts := map[string]int{}
	n := 800
	if testing.Short() {
		n = 200
	}
	for i := range n {
		values := likelyAnswers(en, rng)
		r, diffs := compare(en, es, values)
		verdicts[r.Verdict.ID]++
		for _, d := range diffs {
			t.Errorf("case %d (%v): %s", i, values, d)
		}
		if t.Failed() {
			return
		}
	}
	t.Logf("verdicts over %d random answer sets: %v", n, verdicts)
	if !testing.Short() && len(verdicts) < 12 {
		t.Errorf("only %d of the %d verdicts reached: %v", len(verdicts), len(en.Verdicts), verdicts)
	}
}

// likelyAnswers answers the questions at random, as one of a few kinds of
// person might, so that every verdict is reached: most answer the safety
// questions with their first option ("No"); some skip many questions,
// some are mostly unsure, and answers lean to one end of a scale.
func likelyAnswers(s *questions.Set, rng *rand.Rand) map[string]any {
	values := map[string]any{}
	skip := 12 // one question in skip is left unanswered
	if rng.Intn(10) == 0 {
		skip = 2
	}
	unsure := rng.Intn(8) == 0
	lean := rng.Intn(3)      // 0 low, 1 anywhere, 2 high
	safe := rng.Intn(10) < 7 // every safety answer is the first option
	open := rng.Intn(2) == 0 // the partner's signals are open ones
	openSignals := []string{"talking", "warm", "reached_out", "forgave"}
	for _, q := range s.Questions() {
		if rng.Intn(skip) == 0 {
			continue
		}
		first := q.Section != nil && q.Section.ID == "safety" && (safe || rng.Intn(3) > 0)
		switch q.Kind {
		case questions.KindChoice:
			if first {
				values[q.ID] = q.Options[0].Value
			} else {
				values[q.ID] = q.Options[rng.Intn(len(q.Options))].Value
			}
		case questions.KindMulti:
			if first {
				values[q.ID] = []string{q.Options[0].Value}
				continue
			}
			var picked []string
			for _, o := range q.Options {
				if open && q.ID == "signals" && !slices.Contains(openSignals, o.Value) {
					continue
				}
				if rng.Intn(4) == 0 {
					picked = append(picked, o.Value)
				}
			}
			if len(picked) == 0 {
				picked = []string{q.Options[rng.Intn(len(q.Options))].Value}
			}
			values[q.ID] = picked
		case questions.KindScale, questions.KindNumber:
			lo, hi := s.Range(q)
			v := lo + rng.Intn(hi-lo+1)
			switch {
			case unsure && q.Kind == questions.KindScale && rng.Intn(4) > 0:
				v = (lo + hi + 1) / 2
			case lean != 1 && rng.Intn(4) > 0:
				mid := (lo + hi) / 2
				if (lean == 2) != q.Reverse {
					v = mid + rng.Intn(hi-mid+1)
				} else {
					v = lo + rng.Intn(mid-lo+1)
				}
			}
			values[q.ID] = v
		case questions.KindText:
			values[q.ID] = "algo"
		}
	}
	return values
}
