package score

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"strings"
	"testing"

	"amends/questions"
)

func loadSmall(t testing.TB) *questions.Set {
	t.Helper()
	s, err := questions.LoadFile("../questions/testdata/small.toml")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func answers(s *questions.Set, values map[string]any) *Answers {
	a := NewAnswers(s)
	a.Values = values
	return a
}

func TestScoreDimensions(t *testing.T) {
	s := loadSmall(t)
	r := Score(s, answers(s, map[string]any{
		"afraid":       "no",
		"hurt":         []string{"trust", "words"},
		"trust_detail": "found", // 0 of 2 points: 0
		"blame":        2,       // reversed: 1 - 1/4 = 75
		"texts":        5,       // reversed: 1 - 5/10 = 50
	}))
	want := map[string]struct {
		score int
		band  string
	}{
		"accountability": {38, BandWeak}, // (0 + 75) / 2 = 37.5
		"space":          {50, BandDeveloping},
	}
	for _, d := range r.Dimensions {
		w := want[d.ID]
		if !d.Scored || d.Score != w.score || d.Band != w.band {
			t.Errorf("%s: got %d %q (scored %v), want %d %q", d.ID, d.Score, d.Band, d.Scored, w.score, w.band)
		}
	}
	// accountability weighs 2, space 1: (37.5*2 + 50) / 3 = 41.67
	if !r.HasComposite || r.Composite != 42 {
		t.Errorf("composite = %d (has %v), want 42", r.Composite, r.HasComposite)
	}
	acc := r.Dimensions[0]
	if len(acc.Items) != 2 || acc.Items[0].Question != "trust_detail" || acc.Items[0].Points != 0 || acc.Items[0].Answer != "He found out" {
		t.Errorf("accountability items, weakest first: %+v", acc.Items)
	}
	if r.Verdict.ID != "not_yet" || len(r.Verdict.Passed) != 1 || r.Verdict.Passed[0].ID != "safety" {
		t.Errorf("verdict %q passed %+v", r.Verdict.ID, r.Verdict.Passed)
	}
	if got, want := strings.Join(r.Verdict.Why, "|"), "Taking responsibility: 38 out of 100"; got != want {
		t.Errorf("why = %q, want %q", got, want)
	}
	if len(r.Phases) != 1 || r.Phases[0].Steps[0].ID != "stop_texting" || r.Phases[0].Steps[0].Text != "Stop messaging him for now." {
		t.Errorf("phases %+v", r.Phases)
	}
	if got := r.Phases[0].Steps[0].Because; len(got) != 1 || !strings.Contains(got[0], `“5 out of 10”`) {
		t.Errorf("because %q", got)
	}
	if r.Asked != 6 || r.Answered != 5 {
		t.Errorf("asked %d answered %d, want 6 and 5", r.Asked, r.Answered)
	}
}

func TestScoreUnscoredAndSkipped(t *testing.T) {
	s := loadSmall(t)
	// trust_detail is not asked (no "trust"), so its answer is ignored;
	// accountability then rests on blame alone, which is unanswered.
	r := Score(s, answers(s, map[string]any{
		"afraid":       "no",
		"hurt":         []string{"words"},
		"trust_detail": "told",
		"texts":        0,
	}))
	if d := r.Dimensions[0]; d.Scored || d.Band != BandUnscored || d.Asked != 1 || d.Answered != 0 {
		t.Errorf("accountability: %+v", d)
	}
	if r.HasComposite {
		t.Errorf("composite with one of two dimensions scored")
	}
	if r.Asked != 5 {
		t.Errorf("asked %d, want 5", r.Asked)
	}
	// With accountability unscored, dim.accountability reads 0, so the
	// set's own rule says "not yet"; the reason says why.
	if r.Verdict.ID != "not_yet" || r.Verdict.Why[0] != "Taking responsibility: not enough answers to score" {
		t.Errorf("verdict %q why %q", r.Verdict.ID, r.Verdict.Why)
	}
}

func TestScoreFlagOverridesAndSkipsSections(t *testing.T) {
	s := loadSmall(t)
	r := Score(s, answers(s, map[string]any{
		"afraid": "yes",
		"blame":  1, // the section is skipped once the safety flag is up
		"texts":  0,
	}))
	if r.Verdict.ID != "safety" {
		t.Fatalf("verdict %q", r.Verdict.ID)
	}
	if r.Asked != 1 || r.Answered != 1 {
		t.Errorf("asked %d answered %d, want 1 and 1", r.Asked, r.Answered)
	}
	if len(r.Flags) != 1 || r.Flags[0].ID != "safety" || len(r.Flags[0].By) != 1 || r.Flags[0].By[0].Answer != "Yes" {
		t.Errorf("flags %+v", r.Flags)
	}
	if got := strings.Join(r.Verdict.Why, "|"); got != "Your answers point to this: Safety." {
		t.Errorf("why %q", got)
	}
	if len(r.Resources) != 1 || r.Resources[0].ID != "general" {
		t.Errorf("resources %+v", r.Resources)
	}
}

func TestScoreIgnoresBadValues(t *testing.T) {
	s := loadSmall(t)
	r := Score(s, answers(s, map[string]any{
		"afraid": "maybe", // not an option
		"blame":  9,       // out of range
		"texts":  "two",   // wrong type
		"nobody": 3,       // no such question
	}))
	if r.Answered != 0 || r.Verdict.ID == "" {
		t.Errorf("answered %d verdict %q", r.Answered, r.Verdict.ID)
	}
}

func TestScoreIsPure(t *testing.T) {
	s := loadSmall(t)
	vals := map[string]any{"afraid": "no", "hurt": []string{"trust"}, "trust_detail": "told", "blame": 4, "texts": 2, "note": "ok"}
	a, _ := json.Marshal(Score(s, answers(s, vals)))
	b, _ := json.Marshal(Score(s, answers(s, vals)))
	if !bytes.Equal(a, b) {
		t.Errorf("two scorings differ:\n%s\n%s", a, b)
	}
}

func TestScorePartnerWords(t *testing.T) {
	s := loadSmall(t)
	a := answers(s, map[string]any{"afraid": "no", "hurt": []string{"trust"}, "trust_detail": "found", "blame": 1, "texts": 0})
	a.Words = questions.Picked{"he": "she", "him": "her", "his": "her", "partner": "Sam"}
	r := Score(s, a)
	if got := r.Dimensions[1].Title; got != "Giving her space" {
		t.Errorf("title %q", got)
	}
	if got := r.Dimensions[0].Items[0].Answer; got != "She found out" {
		t.Errorf("answer %q", got)
	}
}

// randomAnswers answers a random share of s's questions, mostly validly.
func randomAnswers(s *questions.Set, rng *rand.Rand) map[string]any {
	vals := map[string]any{}
	for _, q := range s.Questions() {
		if rng.Intn(5) == 0 {
			continue
		}
		switch q.Kind {
		case questions.KindChoice:
			vals[q.ID] = q.Options[rng.Intn(len(q.Options))].Value
		case questions.KindMulti:
			var picked []string
			for _, o := range q.Options {
				if rng.Intn(3) == 0 {
					picked = append(picked, o.Value)
				}
			}
			vals[q.ID] = picked
		case questions.KindScale, questions.KindNumber:
			lo, hi := s.Range(q)
			vals[q.ID] = lo + rng.Intn(hi-lo+1)
		case questions.KindText:
			vals[q.ID] = fmt.Sprintf("text %d", rng.Int())
		}
	}
	return vals
}

func FuzzScore(f *testing.F) {
	sets := []*questions.Set{loadSmall(f)}
	if b, err := questions.Builtin(); err == nil {
		sets = append(sets, b)
	}
	f.Add(int64(1), uint8(0))
	f.Add(int64(42), uint8(1))
	f.Fuzz(func(t *testing.T, seed int64, which uint8) {
		s := sets[int(which)%len(sets)]
		rng := rand.New(rand.NewSource(seed))
		vals := randomAnswers(s, rng)
		if rng.Intn(4) == 0 { // and some that do not fit
			for _, q := range s.Questions() {
				if rng.Intn(6) == 0 {
					vals[q.ID] = []any{"x", 3, -1, 1.5, "", nil}[rng.Intn(6)]
				}
			}
		}
		r := Score(s, answers(s, vals))
		if r.Verdict.ID == "" {
			t.Fatalf("no verdict for %v", vals)
		}
		for _, d := range r.Dimensions {
			if d.Score < 0 || d.Score > 100 {
				t.Fatalf("%s scored %d", d.ID, d.Score)
			}
		}
		if r.HasComposite && (r.Composite < 0 || r.Composite > 100) {
			t.Fatalf("composite %d", r.Composite)
		}
	})
}

func BenchmarkScoreBuiltin(b *testing.B) {
	s, err := questions.Builtin()
	if err != nil {
		b.Fatal(err)
	}
	a := answers(s, randomAnswers(s, rand.New(rand.NewSource(7))))
	b.ReportAllocs()
	for b.Loop() {
		Score(s, a)
	}
}

// The reasons for a rule on the overall score come from what the
// condition reads, not from its text: "composite" inside has_composite or
// a quoted string is not a reading of it.
func TestReasonsForTheOverallScore(t *testing.T) {
	src, err := os.ReadFile("../questions/testdata/small.toml")
	if err != nil {
		t.Fatal(err)
	}
	load := func(when string) *questions.Set {
		t.Helper()
		s, err := questions.Load("small.toml", []byte(strings.Replace(string(src), `when = 'dim.accountability < 50'`, "when = '"+when+"'", 1)))
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	few := map[string]any{"afraid": "no", "hurt": []string{"words"}, "texts": 5}
	s := load(`!has_composite`)
	r := Score(s, answers(s, few))
	if got, want := strings.Join(r.Verdict.Why, "|"), "Only 1 of 2 areas had enough answers to score (you answered 3 of 5 questions)"; r.Verdict.ID != "not_yet" || got != want {
		t.Errorf("verdict %q why %q, want %q", r.Verdict.ID, got, want)
	}
	all := map[string]any{"afraid": "no", "hurt": []string{"words"}, "blame": 2, "texts": 5}
	s = load(`composite < 90 && "composite" != ""`)
	r = Score(s, answers(s, all))
	if got, want := strings.Join(r.Verdict.Why, "|"), "Overall: 67 out of 100"; r.Verdict.ID != "not_yet" || got != want {
		t.Errorf("verdict %q why %q, want %q", r.Verdict.ID, got, want)
	}
}
