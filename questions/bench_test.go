package questions

import (
	"fmt"
	"strings"
	"testing"
)

func BenchmarkLoadBuiltin(b *testing.B) {
	src := BuiltinSource()
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(BuiltinName, src); err != nil {
			b.Fatal(err)
		}
	}
}

// generate writes a valid set of n questions: sections of ten, every kind
// in turn, a condition on every third question reading the one before,
// twenty dimensions fed by scale, number and choice questions, flags, and
// verdicts and steps that read scores.
func generate(n int) []byte {
	var b strings.Builder
	b.Grow(n * 330)
	b.WriteString(`id = "generated"
title = "A generated set"
version = "1.0.0"
intro = "Generated for benchmarks. Nothing leaves this machine."
disclaimer = "A reflection, not a diagnosis."

[scale.agree]
labels = ["Strongly disagree", "Disagree", "Not sure", "Agree", "Strongly agree"]

[[flag]]
id = "safety"
title = "Safety"
text = "Something you said is about safety."
`)
	b.WriteString("\n[[words]]\nnames = [\"he\", \"his\"]\nwritten = [\"he\", \"his\"]\nchoices = [[\"she\", \"her\"]]\n")
	const dims = 20
	for d := 0; d < dims; d++ {
		fmt.Fprintf(&b, `
[[dimension]]
id = "d%d"
title = "Dimension %d"
weight = %d
strong = "A strength of {his}."
weak = "Work on this first."
`, d, d, 1+d%3)
	}
	for i := 0; i < n; i++ {
		if i%10 == 0 {
			fmt.Fprintf(&b, "\n[[section]]\nid = \"s%d\"\ntitle = \"Section %d\"\n", i/10, i/10)
			if i%50 == 0 && i > 0 {
				fmt.Fprintf(&b, "when = 'q%d != \"\"'\n", i-1)
			}
		}
		fmt.Fprintf(&b, "\n  [[section.question]]\n  id = \"q%d\"\n  text = \"Question %d: has {he} told you what {he} needs?\"\n  help = \"Why we ask.\"\n", i, i)
		if i%3 == 2 {
			switch (i - 1) % 5 {
			case 0:
				fmt.Fprintf(&b, "  when = 'q%d == \"b\"'\n", i-1)
			case 1:
				fmt.Fprintf(&b, "  when = '\"a\" in q%d'\n", i-1)
			case 2, 3:
				fmt.Fprintf(&b, "  when = 'q%d >= 3 && !flagged(\"safety\")'\n", i-1)
			case 4:
				fmt.Fprintf(&b, "  when = 'answered(\"q%d\")'\n", i-1)
			}
		}
		d := (i / 5) % dims
		switch i % 5 {
		case 0:
			fmt.Fprintf(&b, "  kind = \"choice\"\n  options = [\n    { value = \"a\", label = \"A\", points = { d%d = 0 } },\n    { value = \"b\", label = \"B\", points = { d%d = 2 } },\n    { value = \"c\", label = \"C\", flag = \"safety\" },\n  ]\n", d, d)
		case 1:
			b.WriteString("  kind = \"multi\"\n  min = 1\n  options = [\n    { value = \"a\", label = \"A\" },\n    { value = \"b\", label = \"B\" },\n    { value = \"c\", label = \"C\" },\n  ]\n")
		case 2:
			fmt.Fprintf(&b, "  kind = \"scale\"\n  scale = \"agree\"\n  dimension = \"d%d\"\n  reverse = %v\n", d, i%2 == 0)
		case 3:
			fmt.Fprintf(&b, "  kind = \"number\"\n  min = 0\n  max = 10\n  min_label = \"not at all\"\n  max_label = \"completely\"\n  dimension = \"d%d\"\n", d)
		case 4:
			b.WriteString("  kind = \"text\"\n")
		}
	}
	b.WriteString(`
[[verdict]]
id = "safety"
title = "Safety first"
summary = "Safety first."
text = "Talk to a specialist service."
when = 'flagged("safety")'

[[verdict]]
id = "not_yet"
title = "Not yet"
summary = "Not yet."
text = "Work on yourself first."
when = 'has_composite && composite < 40'

[[verdict]]
id = "maybe"
title = "Maybe"
summary = "Maybe, gently."
text = "Go gently."

[[phase]]
id = "now"
title = "Now"
`)
	for d := 0; d < dims; d++ {
		fmt.Fprintf(&b, "\n[[step]]\nid = \"st%d\"\nphase = \"now\"\ntext = \"Work on dimension %d.\"\nwhen = 'scored(\"d%d\") && dim.d%d < 50 && verdict != \"safety\"'\n", d, d, d, d)
	}
	return []byte(b.String())
}

func TestGenerateIsValid(t *testing.T) {
	for _, n := range []int{100, 1000} {
		s, err := Load("gen.toml", generate(n))
		if err != nil {
			t.Fatalf("%d questions: %v", n, err)
		}
		if len(s.Questions()) != n {
			t.Fatalf("%d questions, want %d", len(s.Questions()), n)
		}
		exercise(t, s)
	}
}

func benchmarkLoad(b *testing.B, n int) {
	src := generate(n)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load("gen.toml", src); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLoad1000(b *testing.B)  { benchmarkLoad(b, 1000) }
func BenchmarkLoad2500(b *testing.B)  { benchmarkLoad(b, 2500) }
func BenchmarkLoad5000(b *testing.B)  { benchmarkLoad(b, 5000) }
func BenchmarkLoad10000(b *testing.B) { benchmarkLoad(b, 10000) }

func BenchmarkEnv10000(b *testing.B) {
	s, err := Load("gen.toml", generate(10000))
	if err != nil {
		b.Fatal(err)
	}
	answers := map[string]any{"q0": "a", "q2": 3}
	b.ReportAllocs()
	for b.Loop() {
		s.Env(answers, nil)
	}
}
