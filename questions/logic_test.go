package questions_test

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"amends/questions"
	"amends/score"
)

// logicProblems checks src, works out what it can reach, and returns
// every problem, one a line.
func logicProblems(t *testing.T, name string, src []byte) (*questions.Checked, []string) {
	t.Helper()
	c := questions.Check(name, src)
	c.Logic(score.Outcome)
	var got []string
	for _, p := range c.Problems {
		got = append(got, p.String())
	}
	return c, got
}

func same(t *testing.T, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestLogicMistakes: a set with each mistake that loads but changes what a
// person is told gets each said at its line, in one run, the errors Load
// finds and the logic check's findings together.
func TestLogicMistakes(t *testing.T) {
	src, err := os.ReadFile("testdata/mistakes.toml")
	if err != nil {
		t.Fatal(err)
	}
	_, got := logicProblems(t, "mistakes.toml", src)
	same(t, got, []string{
		`mistakes.toml:5: version "first" is not a version number such as 1.0.0 (major.minor.patch); answers name the version they were given to`,
		`mistakes.toml:10: scale "agree": labels 3 and 4 are both "agree"; a person could not tell the two steps apart`,
		`mistakes.toml:26: flag "crisis": this urgent flag can be raised (self = "yes") and still end in verdict "possible", which is not urgent; give it an urgent verdict, before the others, whose condition asks flagged("crisis")`,
		`mistakes.toml:32: flag "harm": this urgent flag can be raised (afraid = "yes") and still end in verdict "possible", which is not urgent; give it an urgent verdict, before the others, whose condition asks flagged("harm")`,
		`mistakes.toml:71: question "hurt", option "words": "label" contains a tab, which a menu or a heading shows as a wide gap or not at all; use a space`,
		`mistakes.toml:78: warning: question "both": this question is never asked: at most 1 option of "hurt" can be picked`,
		`mistakes.toml:108: verdict "crisis": the comparison “composite > 200” never holds, as the overall score is 0 to 100`,
		`mistakes.toml:108: verdict "crisis": this urgent verdict is never reached: its condition never holds, as “composite > 200” never does; the answers it is meant for get a verdict that is not urgent`,
		`mistakes.toml:123: verdict "great": this verdict is never reached: whenever its condition holds, verdict "good" before it holds too`,
		`mistakes.toml:131: warning: phase "now": no step of this phase can ever be shown, so neither can the phase`,
		`mistakes.toml:135: warning: phase "later": no step names this phase, so it is never shown; give a step phase = "later" or remove it`,
		`mistakes.toml:143: step "own_it": the comparison “own_name >= 9” never holds, as "own_name" is answered 1 to 5, and reads 0 when unanswered`,
		`mistakes.toml:143: warning: step "own_it": this step is never shown: its condition never holds, as “own_name >= 9” never does`,
		`mistakes.toml:149: step "give_space": the comparison “dim.space > 120” never holds, as a dimension's score is 0 to 100`,
		`mistakes.toml:149: warning: step "give_space": this step is never shown: its condition never holds, as “dim.space > 120” never does`,
		`mistakes.toml:155: warning: step "count": this step is never shown: its condition never holds, as “texts > 5” and “texts < 3” cannot both hold`,
	})
}

// TestLogicMistakesScored: the same set with only the mistakes that Load
// lets pass, so that the ways the check finds are tried with real answers
// and the real scorer; what it says is the same, and the verdict an urgent
// flag ends in is the one scoring gives.
func TestLogicMistakesScored(t *testing.T) {
	b, err := os.ReadFile("testdata/mistakes.toml")
	if err != nil {
		t.Fatal(err)
	}
	src := string(b)
	for _, c := range [][2]string{
		{`version = "first"`, `version = "1.0.0"`},
		{`"Agree", "agree"`, `"Agree", "Mostly agree"`},
		{"Hurtful\twords", "Hurtful words"},
		{`when = 'flagged("crisis") && composite > 200'`, `when = 'flagged("crisis") && self == "no"'`},
		{`when = 'own_name >= 9'`, `when = 'own_name >= 4'`},
		{`when = 'dim.space > 120'`, `when = 'dim.space < 50'`},
	} {
		if !strings.Contains(src, c[0]) {
			t.Fatalf("%q is not in mistakes.toml", c[0])
		}
		src = strings.Replace(src, c[0], c[1], 1)
	}
	c, got := logicProblems(t, "mistakes.toml", []byte(src))
	same(t, got, []string{
		`mistakes.toml:26: flag "crisis": this urgent flag can be raised (self = "yes") and still end in verdict "possible", which is not urgent; give it an urgent verdict, before the others, whose condition asks flagged("crisis")`,
		`mistakes.toml:32: flag "harm": this urgent flag can be raised (afraid = "yes") and still end in verdict "possible", which is not urgent; give it an urgent verdict, before the others, whose condition asks flagged("harm")`,
		`mistakes.toml:78: warning: question "both": this question is never asked: at most 1 option of "hurt" can be picked`,
		`mistakes.toml:108: verdict "crisis": this urgent verdict is never reached: flag "crisis" is raised only by self = "yes"; the answers it is meant for get a verdict that is not urgent`,
		`mistakes.toml:123: verdict "great": this verdict is never reached: whenever its condition holds, verdict "good" before it holds too`,
		`mistakes.toml:135: warning: phase "later": no step names this phase, so it is never shown; give a step phase = "later" or remove it`,
		`mistakes.toml:155: warning: step "count": this step is never shown: its condition never holds, as “texts > 5” and “texts < 3” cannot both hold`,
	})
	checkWays(t, c)
}

// checkWays scores again the answers given for everything said to be
// reached, and checks they reach it.
func checkWays(t *testing.T, c *questions.Checked) {
	t.Helper()
	s := c.Set
	for _, r := range c.Reach() {
		if !r.Reached {
			continue
		}
		if r.Answers == nil {
			t.Errorf("%s %q: reached with no answers", r.What, r.ID)
			continue
		}
		out := score.Outcome(s, r.Answers)
		var ok bool
		switch r.What {
		case "section":
			for _, id := range out.Asked {
				ok = ok || s.Question(id).Section.ID == r.ID
			}
		case "question":
			ok = slices.Contains(out.Asked, r.ID)
		case "flag":
			ok = out.Facts.Flags[r.ID]
		case "verdict":
			ok = out.Facts.Verdict == r.ID
		case "step":
			ok = slices.Contains(out.Steps, r.ID)
		case "resource":
			ok = slices.Contains(out.Resources, r.ID)
		case "honest paragraph":
			for _, p := range s.Honest {
				if p.Title == r.ID {
					ok = p.When.Holds(s.Env(out.Answered, &out.Facts))
				}
			}
		}
		if !ok {
			t.Errorf("%s %q: said to be reached with %s, but its answers do not reach it", r.What, r.ID, r.Way)
		}
	}
}

// TestLogicBuiltin: everything in the built-in set can be reached, and
// the answers given for each reach it when scored again.
func TestLogicBuiltin(t *testing.T) {
	c, got := logicProblems(t, questions.BuiltinName, questions.BuiltinSource())
	same(t, got, nil)
	reach := c.Reach()
	s := c.Set
	if want := len(s.Sections) + len(s.Questions()) + len(s.Flags) + len(s.Verdicts) + len(s.Steps) + len(s.Resources) + len(s.Honest); len(reach) != want {
		t.Errorf("%d things worked out, want %d", len(reach), want)
	}
	for _, r := range reach {
		if !r.Reached || r.Line == 0 || r.Way == "" {
			t.Errorf("%+v", r)
		}
	}
	checkWays(t, c)
}

// TestLogicWays pins how a few ways read.
func TestLogicWays(t *testing.T) {
	c, _ := logicProblems(t, questions.BuiltinName, questions.BuiltinSource())
	ways := map[string]string{}
	for _, r := range c.Reach() {
		ways[r.What+" "+r.ID] = r.Way
	}
	for key, want := range map[string]*regexp.Regexp{
		`verdict crisis`:         regexp.MustCompile(`^flagged\("crisis"\)$`),
		`flag crisis`:            regexp.MustCompile(`^s_self_harm = "yes"$`),
		`question how_found`:     regexp.MustCompile(`^hurt_kind = \[.*"(lying|cheating|confidence)"`),
		`verdict not_enough`:     regexp.MustCompile(`^no overall score$`),
		`step open_deception`:    regexp.MustCompile(`^hurt_kind = .*verdict "(possible|realistic|realistic_deception)"$`),
		`question s_violence`:    regexp.MustCompile(`^always$`),
		`question what_happened`: regexp.MustCompile(`^whenever its section is asked$`),
	} {
		if !want.MatchString(ways[key]) {
			t.Errorf("%s: way %q, want %s", key, ways[key], want)
		}
	}
}

// TestLogicGenerated: a large generated set is all reachable.
func TestLogicGenerated(t *testing.T) {
	_, got := logicProblems(t, "gen.toml", questions.Generate(500))
	same(t, got, nil)
}

// TestLogicBrokenSets: a set in error is looked into as far as it can be,
// without a panic, whatever key is wrong.
func TestLogicBrokenSets(t *testing.T) {
	b, err := os.ReadFile("testdata/small.toml")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(b), "\n")
	key := regexp.MustCompile(`^(\s*)([a-z_]+) = (.*)$`)
	for i, l := range lines {
		m := key.FindStringSubmatch(l)
		if m == nil || strings.HasSuffix(m[3], "[") {
			continue
		}
		for _, edit := range []string{m[1] + m[2] + " = 5", m[1] + m[2] + ` = "x"`, m[1] + m[2] + "x = " + m[3], ""} {
			edited := slices.Clone(lines)
			edited[i] = edit
			c := questions.Check("name.toml", []byte(strings.Join(edited, "\n")))
			c.Logic(score.Outcome)
			c.Reach()
		}
	}
}

// TestMinimal: the set amends new -minimal writes checks with nothing to
// say, everything in it reachable, and its schema line first.
func TestMinimal(t *testing.T) {
	src := questions.WithSchemaLine(questions.MinimalSource())
	if !strings.HasPrefix(string(src), "#:schema ./"+questions.SchemaFile+"\n") {
		t.Errorf("first line %q", strings.SplitN(string(src), "\n", 2)[0])
	}
	c, got := logicProblems(t, "minimal.toml", src)
	same(t, got, nil)
	for _, r := range c.Reach() {
		if !r.Reached {
			t.Errorf("%+v", r)
		}
	}
	checkWays(t, c)
	// Each part explained: a comment before every table.
	lines := strings.Split(string(questions.MinimalSource()), "\n")
	for i, l := range lines {
		if strings.HasPrefix(strings.TrimSpace(l), "[") && !strings.HasPrefix(strings.TrimSpace(lines[i-1]), "#") && strings.TrimSpace(lines[i-1]) != "" {
			t.Errorf("line %d: %s follows %q", i+1, l, lines[i-1])
		}
	}
}
