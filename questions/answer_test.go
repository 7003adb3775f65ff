package questions

import (
	"strings"
	"sync"
	"testing"
)

func loadSmall(t *testing.T) *Set {
	t.Helper()
	s, err := Load("small.toml", []byte(readSmall(t)))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestNormalize(t *testing.T) {
	s := loadSmall(t)
	tests := []struct {
		q    string
		in   any
		want any
		err  string
	}{
		{"afraid", "no", "no", ""},
		{"afraid", "yse", nil, `"yse" is not one of its options ("yes", "no", "unsaid") (did you mean "yes"?)`},
		{"afraid", 1, nil, `should be one of "yes", "no", "unsaid", in quotes`},
		{"hurt", []any{"neglect", "trust", "trust"}, []string{"trust", "neglect"}, ""},
		{"hurt", []string{}, nil, "pick at least 1"},
		{"hurt", []any{1}, nil, "should be a list of option values in quotes"},
		{"hurt", "trust", nil, `should be a list of option values, such as ["trust"]`},
		{"blame", int64(5), 5, ""},
		{"blame", 6, nil, "6 is not between 1 and 5"},
		{"blame", 2.0, 2, ""},
		{"blame", 2.5, nil, "should be a whole number, not 2.5"},
		{"texts", -1, nil, "-1 is not between 0 and 10"},
		{"texts", "3", nil, "should be a whole number"},
		{"note", "  hi \x1b[31mthere\u2028 😢 \u202Eevil\u202C ", "hi there 😢 evil", ""},
		{"note", 3, nil, "should be text in quotes"},
	}
	for _, tt := range tests {
		got, err := s.Normalize(s.Question(tt.q), tt.in)
		if tt.err != "" {
			if err == nil || err.Error() != tt.err {
				t.Errorf("%s %#v: error %v, want %q", tt.q, tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || !equalAnswer(got, tt.want) {
			t.Errorf("%s %#v: %#v, %v; want %#v", tt.q, tt.in, got, err, tt.want)
		}
	}
	long := strings.Repeat("é", MaxTextAnswer+10)
	if got, _ := s.Normalize(s.Question("note"), long); len([]rune(got.(string))) != MaxTextAnswer {
		t.Errorf("a long text answer kept %d runes, want %d", len([]rune(got.(string))), MaxTextAnswer)
	}
}

func equalAnswer(a, b any) bool {
	if la, ok := a.([]string); ok {
		lb, ok := b.([]string)
		return ok && strings.Join(la, "\x00") == strings.Join(lb, "\x00") && len(la) == len(lb)
	}
	return a == b
}

func TestDisplay(t *testing.T) {
	s := loadSmall(t)
	p := Picked{"he": "she", "him": "her"}
	for _, tt := range []struct {
		q    string
		v    any
		want string
	}{
		{"trust_detail", "told", "I told her"},
		{"trust_detail", "found", "She found out"},
		{"hurt", []string{"trust", "neglect"}, "Broken trust; Neglect"},
		{"hurt", []string{}, "none"},
		{"blame", 4, "Agree"},
		{"texts", 3, "3 out of 10"},
		{"note", "words", "words"},
		{"note", nil, ""},
	} {
		if got := s.Display(s.Question(tt.q), tt.v, p); got != tt.want {
			t.Errorf("Display(%s, %v) = %q, want %q", tt.q, tt.v, got, tt.want)
		}
	}
}

func TestConditions(t *testing.T) {
	s := loadSmall(t)
	trust := s.Question("trust_detail").When
	if trust.Holds(s.Env(nil, nil)) {
		t.Error(`"trust" in hurt holds with no answers`)
	}
	if !trust.Holds(s.Env(map[string]any{"hurt": []string{"trust"}}, nil)) {
		t.Error(`"trust" in hurt does not hold when hurt has trust`)
	}
	// An answer of the wrong type reads as unanswered.
	if trust.Holds(s.Env(map[string]any{"hurt": "trust"}, nil)) {
		t.Error("a string answer to a multi question was used")
	}
	what := s.Sections[1].When
	if !what.Holds(s.Env(nil, nil)) || what.Holds(s.Env(nil, &Facts{Flags: map[string]bool{"safety": true}})) {
		t.Error(`!flagged("safety") is wrong`)
	}
	notYet := s.Verdict("not_yet").When
	if !notYet.Holds(s.Env(nil, nil)) || notYet.Holds(s.Env(nil, &Facts{Dims: map[string]float64{"accountability": 80}})) {
		t.Error("dim.accountability < 50 is wrong")
	}
	if got := strings.Join(s.Question("trust_detail").When.Questions(), ","); got != "hurt" {
		t.Errorf("Questions() = %q", got)
	}
	if got := strings.Join(notYet.Dimensions(), ","); got != "accountability" {
		t.Errorf("Dimensions() = %q", got)
	}
	if got := strings.Join(what.Flags(), ","); got != "safety" {
		t.Errorf("Flags() = %q", got)
	}
	var none *Cond
	if !none.Holds(s.Env(nil, nil)) {
		t.Error("a nil condition does not hold")
	}
}

func TestSuggest(t *testing.T) {
	ids := []string{"accountability", "space", "safety", "id", "title", "text"}
	for got, want := range map[string]string{
		"acountability": `accountability`, "spaec": "space", "Title": "title", "saftey": "safety",
		"a0": "", "zzzzzz": "", "": "", "txet": "text", "when": "",
	} {
		s := Suggest(got, ids)
		if want == "" && s != "" || want != "" && s != ` (did you mean "`+want+`"?)` {
			t.Errorf("Suggest(%q) = %q, want %q", got, s, want)
		}
	}
}

// TestConcurrentUse uses one set from many goroutines, as sessions do;
// run with -race.
func TestConcurrentUse(t *testing.T) {
	s := loadSmall(t)
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 50 {
				env := s.Env(map[string]any{"hurt": []string{"trust"}, "texts": i}, &Facts{Dims: map[string]float64{"space": float64(i)}})
				for _, q := range s.Questions() {
					q.When.Holds(env)
					s.Fill(q.Text, Picked{"he": "she"})
				}
				for _, st := range s.Steps {
					st.When.Holds(env)
				}
				s.Normalize(s.Question("hurt"), []any{"words"})
			}
		}()
	}
	wg.Wait()
}
