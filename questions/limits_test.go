package questions

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// withStepCondition is small.toml with its step's condition replaced by
// cond (line 128, where a condition may read every answer and score).
func withStepCondition(t testing.TB, cond string) []byte {
	t.Helper()
	src := readSmall(t)
	if strings.Contains(cond, "'") || strings.Contains(cond, "\n") {
		t.Fatalf("condition %.40q does not fit in a TOML literal string", cond)
	}
	return []byte(strings.Replace(src, "when = 'texts >= 3'", "when = '"+cond+"'", 1))
}

// nested is open n times, then inner, then close n times.
func nested(open, inner, close string, n int) string {
	return strings.Repeat(open, n) + inner + strings.Repeat(close, n)
}

// TestConditionLimits: conditions that could exhaust memory, the stack or
// the processor are refused when the set loads, at their line, in one
// message each. On the first version some of these crashed amends with a
// Go fatal error (stack overflow, out of memory) that no recover catches.
func TestConditionLimits(t *testing.T) {
	doubling := func(n int) string { // each level doubles the text
		return "any([note], " + nested("any([# + #], ", "true", ")", n) + ")"
	}
	lets := "let a = note + note; let b = a + a; let c = b + b; let d = c + c; let e = d + d; let f = e + e; let g = f + f; len(g) > 0"
	for _, c := range []struct{ name, cond, want string }{
		{"repeat", `len(repeat(repeat("ab",100000),100000)) > 0`, "condition calls repeat, which is not one of the functions a condition may use (abs, all,"},
		{"reduce", `reduce(1..100, #acc + #acc, "ab") != ""`, "condition calls reduce, which is not one"},
		{"map", `len(map(hurt, # + #)) > 0`, "condition calls map, which is not one"},
		{"pipe", `len(hurt | map(# + #)) > 0`, "condition calls map, which is not one"},
		{"join", `len(join(hurt, note)) > 0`, "condition calls join, which is not one"},
		{"replace", `replace(note, "", note) != ""`, "condition calls replace, which is not one"},
		{"split", `len(split(note, "")) > 3`, "condition calls split, which is not one"},
		{"toJSON", `toJSON(hurt) != ""`, "condition calls toJSON, which is not one"},
		{"now", `now() != nil`, "condition calls now, which is not one"},
		{"string", `string(hurt) != ""`, "condition calls string, which is not one"},
		{"parentheses", nested("(", "texts", ")", 1_000_000) + " > 0", "condition is 2000009 characters long; a condition may have at most 4000"},
		{"parentheses within the length", nested("(", "texts", ")", 100) + " > 0", "condition nests 100 deep"},
		{"not", strings.Repeat("!", 1_000_000) + "true", "condition is 1000004 characters long"},
		{"not within the length", strings.Repeat("!", 40) + "true", "condition nests 40 deep"},
		{"not, spelt", strings.Repeat("not ", 40) + "true", "condition nests 40 deep"},
		{"minus", strings.Repeat("-", 40) + "texts > 0", "condition nests 40 deep"},
		{"minus, spaced", strings.Repeat("- ", 40) + "texts > 0", "condition nests 40 deep"},
		{"plus", strings.Repeat("+", 40) + "texts > 0", "condition nests 40 deep"},
		{"brackets", "len(" + nested("[", "1", "]", 40) + ") > 0", "condition nests 41 deep"},
		{"braces", nested("{", "", "}", 40), "condition nests 40 deep"},
		{"mixed", nested("!(-[", "1", "])", 12) + "", "condition nests 48 deep"},
		{"ternary", strings.Repeat("texts > 1 ? true : ", 40) + "false", "condition nests 40 deep"},
		{"doubling in predicates", doubling(30), "condition could build a value of more than 1048576 characters or list items"},
		{"doubling with let", lets, "condition could build a value of more than 1048576"},
		{"long range", `len(1..1000000000) > 0`, "condition could build a value of more than 1048576"},
		{"range from an answer", `len(1..texts) > 0`, "a range (..) in a condition needs whole numbers written out at both ends"},
		{"loops in loops", `count(1..1000, count(1..1000, count(1..1000, true) > 0) > 0) > 0`, "condition could take too long to work out"},
		{"regular expression of a text against itself", `note matches note`, "condition could take too long to work out"},
		{"env", `$env["note"] != ""`, "condition uses $env; name the question"},
		{"too many parts", strings.Repeat("1+", 600) + "texts > 0", "exceeds maximum allowed nodes"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Load("small.toml", withStepCondition(t, c.cond))
			if err == nil {
				t.Fatalf("%.60q loaded", c.cond)
			}
			lines := problems(t, "small.toml", err)
			if len(lines) != 1 || !strings.HasPrefix(lines[0], "small.toml:128: ") || !strings.Contains(lines[0], c.want) {
				t.Errorf("%.60q:\n%s\nwant one line at small.toml:128 with %q", c.cond, err, c.want)
			}
			if len(lines[0]) > MaxConditionLength+500 {
				t.Errorf("message is %d bytes long", len(lines[0]))
			}
		})
	}
}

// TestConditionsWithinLimits: what a condition needs still works, and
// gives the right answer.
func TestConditionsWithinLimits(t *testing.T) {
	answers := map[string]any{"hurt": []string{"trust", "words"}, "texts": 4, "note": "I am Sorry", "blame": 2}
	for _, c := range []struct {
		cond string
		want bool
	}{
		{`len(hurt) == 2`, true},
		{`any(hurt, # in ["trust", "neglect"])`, true},
		{`all(hurt, # != "neglect") && none(hurt, # == "neglect")`, true},
		{`one(hurt, # == "trust")`, true},
		{`count(hurt, # startsWith "t") == 1`, true},
		{`len(filter(hurt, # != "trust")) == 1`, true},
		{`first(hurt) == "trust" && last(hurt) == "words"`, true},
		{`lower(note) contains "sorry"`, true},
		{`upper(trim(note)) == "I AM SORRY"`, true},
		{`note matches "(?i)sorry"`, true},
		{`abs(texts - 10) == 6 && max(texts, blame) == 4 && min(texts, blame) == 2`, true},
		{`texts in 3..5`, true},
		{`len(1..1000) == 1000`, true},
		{`sum([texts, blame]) == 6 && mean([texts, blame]) == 3`, true},
		{`texts > 3 ? "trust" in hurt : false`, true},
		{`!(!(texts > 3))`, true},
		{`-texts < 0 && - -texts > 0`, true},
		{`texts not in [1, 2]`, true},
		{`not ("neglect" in hurt)`, true},
		{`hurt[0] == "trust" && note[0:1] == "I"`, true},
		{`round(composite) == 0 && ceil(1.5) == 2 && floor(1.5) == 1`, true},
		{nested("(", "texts > 3", ")", MaxConditionDepth), true},
		{`1 % 0 == 0`, false}, // fails when it runs: read as "no"
	} {
		s, err := Load("small.toml", withStepCondition(t, c.cond))
		if err != nil {
			t.Errorf("%s: %v", c.cond, err)
			continue
		}
		if got := s.Steps[0].When.Holds(s.Env(answers, nil)); got != c.want {
			t.Errorf("%s = %v, want %v", c.cond, got, c.want)
		}
	}
}

func TestConditionFunctionsSorted(t *testing.T) {
	if !slices.IsSorted(ConditionFunctions) {
		t.Errorf("ConditionFunctions are not sorted: %v", ConditionFunctions)
	}
}

// TestBuiltinConditionsWithinLimits: the built-in set's conditions are far
// inside the limits.
func TestBuiltinConditionsWithinLimits(t *testing.T) {
	deepest, longest := 0, 0
	for _, src := range builtinConditions(t) {
		deepest = max(deepest, nesting(src))
		longest = max(longest, len(src))
	}
	if deepest > MaxConditionDepth/4 || longest > MaxConditionLength/4 {
		t.Errorf("the built-in set's conditions nest %d deep and are up to %d characters long", deepest, longest)
	}
	t.Logf("the built-in set's conditions nest at most %d deep and are at most %d characters long", deepest, longest)
}

// builtinConditions returns the source of every condition in builtin.toml.
func builtinConditions(t testing.TB) []string {
	var out []string
	for _, line := range strings.Split(string(BuiltinSource()), "\n") {
		line = strings.TrimSpace(line)
		if rest, ok := strings.CutPrefix(line, "when = '"); ok {
			out = append(out, strings.TrimSuffix(rest, "'"))
		}
	}
	if len(out) < 10 {
		t.Fatalf("found %d conditions in builtin.toml", len(out))
	}
	return out
}

func TestNesting(t *testing.T) {
	for _, c := range []struct {
		src  string
		want int
	}{
		{`a`, 0},
		{`!a`, 1},
		{`!a && !b && !c`, 1},
		{`!(!(a))`, 4},
		{`- - - a`, 3},
		{`a - -b`, 1},
		{`a - b - c`, 0},
		{`f(a, [b, c])`, 2},
		{`"((((" + '[[[[' + ` + "`{{{{`" + ` == a`, 0},
		{`"\"(((" == a`, 0},
		{`a not in b`, 0},
		{`not a`, 1},
		{`a ? b : c ? d : e`, 2},
		{`a /* ((( */ + b // (((`, 0},
		{`x?.y ?? z`, 0},
		{`(a)(b)(c)`, 1},
		{`1..5`, 0},
	} {
		if got := nesting(c.src); got != c.want {
			t.Errorf("nesting(%s) = %d, want %d", c.src, got, c.want)
		}
	}
}

// smallCompiler compiles conditions against small.toml, as Load does.
func smallCompiler(t testing.TB) (*Set, *condCompiler) {
	t.Helper()
	s, err := Load("small.toml", []byte(readSmall(t)))
	if err != nil {
		t.Fatal(err)
	}
	return s, newCondCompiler(&validator{name: "small.toml", set: s})
}

// hostileSeeds are conditions meant to exhaust memory, the stack or time,
// and a few a set really needs.
func hostileSeeds() []string {
	return []string{
		`len(repeat(repeat("ab",100000),100000)) > 0`,
		`reduce(1..100, #acc + #acc, "ab") != ""`,
		`any([note], any([# + #], any([# + #], any([# + #], true))))`,
		`let a = note + note; let b = a + a; len(b) > 0`,
		`count(1..1000, count(1..1000, true) > 0) > 0`,
		`len(1..1000000000) > 0`,
		`len(1..texts) > 0`,
		`note matches note`,
		`upper(lower(upper(note))) contains "A"`,
		`$env["note"] != ""`,
		`hurt | map(# + #) | len() > 0`,
		`filter(hurt, {#}) != nil`,
		nested("(", "true", ")", 40),
		strings.Repeat("!", 41) + "false",
		strings.Repeat("- ", 41) + "texts > 0",
		"[" + nested("[", "", "]", 40) + "]",
		`texts > 1 ? (note ?? "") : "x"`,
		`"trust" in hurt && texts >= 3 || !flagged("safety")`,
		`any(hurt, # in ["trust", "words"]) and len(note) > 2`,
		`dim.accountability < 50 && scored("space") && verdict == "possible"`,
		`1 / 0 > 1 || 1 % 0 == 0`,
		`hurt[10] == "x"`,
		`note[2:1] == ""`,
	}
}

// FuzzConditionCompile: compiling any source as a condition returns at
// once, never panics, and either gives a program or problems that are
// each one clean line.
func FuzzConditionCompile(f *testing.F) {
	for _, s := range hostileSeeds() {
		f.Add(s)
	}
	_, cc := smallCompiler(f)
	f.Fuzz(func(t *testing.T, src string) {
		defer watchdog("compiling", src)()
		c := &Cond{Src: src}
		problems := cc.compile(c, inReport, -1)
		if len(problems) == 0 && c.prog == nil && strings.TrimSpace(src) != "" {
			t.Fatalf("%q: no problem and no program", src)
		}
		for _, p := range problems {
			if p == "" || strings.Contains(p, "\n") {
				t.Fatalf("%q: problem %q is not one line", src, p)
			}
		}
	})
}

// FuzzConditionEval: any condition that compiles runs against any answers
// without a panic, in bounded time, and gives the same answer twice.
func FuzzConditionEval(f *testing.F) {
	for i, s := range hostileSeeds() {
		f.Add(s, strings.Repeat("ab", i*100), i, uint8(i))
	}
	s, cc := smallCompiler(f)
	hurtOptions := []string{"trust", "words", "neglect"}
	f.Fuzz(func(t *testing.T, src, note string, texts int, picks uint8) {
		defer watchdog("evaluating", src)()
		c := &Cond{Src: src}
		if problems := cc.compile(c, inReport, -1); len(problems) > 0 {
			return
		}
		var hurt []string
		for i, o := range hurtOptions {
			if picks&(1<<i) != 0 {
				hurt = append(hurt, o)
			}
		}
		answers := map[string]any{"texts": texts, "hurt": hurt}
		if v, err := s.Normalize(s.Question("note"), note); err == nil {
			answers["note"] = v // the longest text an answer can be, and clean
		}
		facts := &Facts{Dims: map[string]float64{"space": float64(texts)}, Composite: float64(texts), HasComposite: true,
			Flags: map[string]bool{"safety": picks&8 != 0}, Verdict: "possible"}
		env := s.Env(answers, facts)
		if first, second := c.Holds(env), c.Holds(env); first != second {
			t.Fatalf("%q gave %v, then %v", src, first, second)
		}
		c.Holding(env)
	})
}

// withNamed is small.toml with named conditions, one to a line from line
// 9 on, and the step's condition replaced by cond.
func withNamed(t testing.TB, names []string, cond string) []byte {
	t.Helper()
	src := string(withStepCondition(t, cond))
	i := strings.Index(src, "\n[scale")
	return []byte(src[:i] + "\n[conditions]\n" + strings.Join(names, "\n") + "\n" + src[i:])
}

// TestNamedConditionLimits: named conditions are put in place where they
// are used, so a chain of names each using the one before twice would
// double a condition at every step; the parts of a condition with its
// names in place, and how deep names use one another, are bounded, and
// refused where the name or the condition is written.
func TestNamedConditionLimits(t *testing.T) {
	doubling := []string{"c0 = 'texts > 1'"}
	for i := 1; i < 60; i++ {
		doubling = append(doubling, fmt.Sprintf("c%d = 'c%d && c%d'", i, i-1, i-1))
	}
	chain := []string{"c0 = 'texts > 1'"}
	for i := 1; i < 3000; i++ {
		chain = append(chain, fmt.Sprintf("c%d = '(c%d)'", i, i-1))
	}
	for _, c := range []struct {
		name  string
		names []string
		cond  string
		want  []string // the first problems, in order
	}{
		{"doubling", doubling, "c59", []string{
			"small.toml:18: " + namedTooLarge + " 2000 parts; use fewer names, or names that use fewer others", // c9
			"small.toml:19: " + namedTooLarge}},
		{"chain", chain, "c2999", []string{
			"small.toml:25: " + namedTooDeep + " 16 deep (c16 → c15 → c14 → c13 ...)", // c16 reads 16 others
			"small.toml:26: " + namedTooDeep}},
		{"many uses", doubling[:9], strings.Repeat("c8 || ", 7) + "c8", []string{
			"small.toml:140: step \"stop_texting\": " + namedTooLarge + " 2000 parts"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			names := c.names
			if c.name == "many uses" {
				names = append(slices.Clone(names), "")
			}
			_, err := Load("small.toml", withNamed(t, names, c.cond))
			if err == nil {
				t.Fatal("loaded")
			}
			lines := problems(t, "small.toml", err)
			for i, w := range c.want {
				if i >= len(lines) || !strings.HasPrefix(lines[i], w) {
					t.Fatalf("problems:\n%s\nwant, from the first, lines starting\n%s", strings.Join(lines[:min(len(lines), 5)], "\n"), strings.Join(c.want, "\n"))
				}
			}
		})
	}
	// Within the limits, names work as ever.
	s, err := Load("small.toml", withNamed(t, doubling[:4], "c3 && texts > 2"))
	if err != nil {
		t.Fatal(err)
	}
	if !s.Steps[0].When.Holds(s.Env(map[string]any{"texts": 3}, nil)) {
		t.Error("c3 && texts > 2 does not hold with texts = 3")
	}
}
