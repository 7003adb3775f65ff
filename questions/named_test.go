package questions

import (
	"strings"
	"testing"
)

const namedSmall = `[conditions]
safe = '!flagged("safety")'
texting = 'texts >= 3 || texts == 0'
low = 'dim.accountability < 50'
either = 'low || texting'

[scale.agree]`

// TestNamedConditions: a condition named once is used by name anywhere,
// and holds exactly where the condition it names would.
func TestNamedConditions(t *testing.T) {
	src := applyChanges(t, readSmall(t), []change{
		{"[scale.agree]", namedSmall},
		{`when = '!flagged("safety")'`, `when = 'safe'`},
		{`when = 'dim.accountability < 50'`, `when = 'low && safe'`},
		{`when = 'texts >= 3'`, `when = 'either && verdict != "safety"'`},
	})
	s, err := Load("name.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	step := s.Steps[0].When
	for _, tt := range []struct {
		answers map[string]any
		facts   *Facts
		want    bool
	}{
		{map[string]any{"texts": 5}, &Facts{Dims: map[string]float64{"accountability": 80}}, true},
		{map[string]any{"texts": 1}, &Facts{Dims: map[string]float64{"accountability": 80}}, false},
		{map[string]any{"texts": 1}, &Facts{Dims: map[string]float64{"accountability": 20}}, true},
		{map[string]any{"texts": 5}, &Facts{Dims: map[string]float64{"accountability": 80}, Verdict: "safety"}, false},
	} {
		if got := step.Holds(s.Env(tt.answers, tt.facts)); got != tt.want {
			t.Errorf("%v %+v: %v, want %v", tt.answers, tt.facts, got, tt.want)
		}
	}
	// What a step says it reads comes through the names.
	if q := step.Questions(); len(q) != 1 || q[0] != "texts" {
		t.Errorf("Questions %q", q)
	}
	if d := step.Dimensions(); len(d) != 1 || d[0] != "accountability" {
		t.Errorf("Dimensions %q", d)
	}
	if !step.Reads("verdict") || s.Sections[1].When.Questions() != nil || len(s.Sections[1].When.Flags()) != 1 {
		t.Errorf("Reads verdict %v, section flags %q", step.Reads("verdict"), s.Sections[1].When.Flags())
	}
}

// TestNamedConditionProblems: a name's own mistakes are said once, at its
// line; a use where what it reads is not known is said at the use.
func TestNamedConditionProblems(t *testing.T) {
	for _, tt := range []struct {
		name    string
		conds   string
		changes []change
		want    []string
	}{
		{"a typo inside a named condition, said once at its line",
			"safe = '!flaged(\"safety\")'\n",
			[]change{{`when = '!flagged("safety")'`, `when = 'safe'`}, {`when = 'dim.accountability < 50'`, `when = 'safe && dim.accountability < 50'`}},
			[]string{`name.toml:143: condition calls unknown function "flaged" (did you mean "flagged"?)`}},
		{"a name that uses itself",
			"a = 'b'\nb = 'a || flagged(\"safety\")'\n",
			[]change{{`when = 'texts >= 3'`, `when = 'a'`}},
			[]string{
				`name.toml:143: condition "a" uses itself, through a → b → a`,
				`name.toml:144: condition "b" uses itself, through b → a → b`,
			}},
		{"a name that reads scores, in a section",
			"low = 'dim.accountability < 50'\n",
			[]change{{`when = '!flagged("safety")'`, `when = 'low'`}},
			[]string{`name.toml:53: section "what": condition uses "low", which reads scores, known only after the last question; use it in verdicts, steps, resources and honest paragraphs`}},
		{"a name that reads a later question",
			"late = 'blame >= 4'\n",
			[]change{{`when = '"trust" in hurt'`, `when = 'late'`}},
			[]string{`name.toml:69: question "trust_detail": condition uses "late", which reads "blame", not asked before this point`}},
		{"a name that asks about flags, in a flag's condition",
			"safe = '!flagged(\"safety\")'\n",
			[]change{{"id = \"unsaid\"\ntitle = \"Left unsaid\"", "id = \"unsaid\"\nwhen = 'safe'\ntitle = \"Left unsaid\""}, {`when = '!flagged("safety")'`, `when = 'safe'`}},
			[]string{`name.toml:32: flag "unsaid": a flag's condition may not ask about flags, and "safe" does`}},
		{"a name that is a question's id, or a word of conditions",
			"blame = 'true'\ncomposite = 'true'\nBad = 'true'\n",
			nil,
			[]string{
				`name.toml:143: condition name "blame" is also a question's id; a name in a condition must say one thing`,
				`name.toml:144: condition name "composite" is a word conditions use for themselves; choose another`,
				`name.toml:145: condition name "Bad" should be lower-case letters, digits and _, starting with a letter`,
			}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			src := applyChanges(t, readSmall(t), tt.changes) + "\n[conditions]\n" + tt.conds
			_, err := Load("name.toml", []byte(src))
			if err == nil {
				t.Fatal("loads")
			}
			got := problems(t, "name.toml", err)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestNamedConditionUnused: a name no condition uses is a warning.
func TestNamedConditionUnused(t *testing.T) {
	src := readSmall(t) + "\n[conditions]\nspare = 'answered(\"note\")'\n"
	c := Check("name.toml", []byte(src))
	if len(c.Problems) != 1 || c.Problems[0].String() != `name.toml:143: warning: no condition uses "spare"; use it in a when, or remove it` {
		t.Errorf("%v", c.Problems)
	}
}
