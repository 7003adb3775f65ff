package questions

import (
	"strconv"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// TestPositions pins the line of concrete key paths in documents built to
// mislead a line-based scan: header-like text in multi-line strings,
// inline tables spanning lines, dotted and quoted keys, comments.
func TestPositions(t *testing.T) {
	src := `# [[section]] in a comment is not a header
id = "x" # id = "y"
intro = """
[[section]]
id = "fake"
"""
disclaimer = '''
[[section.question]]
'''
"quoted key" = 1
dotted.key.here = 2
a . b = "spaced dots"

[[section]]
id = "one"   # line 14
text = """a "quoted" word, two quotes "" and a backslash \"""
[other]""" # still one string; it ends on line 16

  [[section.question]]
  id = "q1"
  options = [
    { value = "a", label = "A",
      points = { d = 1 } },   # an inline table spanning two lines (TOML 1.1)
    # a comment between elements
    { value = "b",
      label = "B" },
  ]

  [[section.question]]
  id = "q2"
  "kind" = "text"
  help = 'single [[quoted]] # not a comment'
  when = "x == '[[x]]'"

[[section]]
id = "two"

  [[ section . question ]]
  id = "q3"
  nested.deeper = { x = [1, [2, 3]], y = "}" }

[scale.agree]
labels = [
  "a",   # one
  "b",
]

[[verdict]]
id = "v"
`
	want := map[string]int{
		"id":                                    2,
		"intro":                                 3,
		"disclaimer":                            7,
		"quoted key":                            10,
		"dotted":                                11,
		"dotted.key":                            11,
		"dotted.key.here":                       11,
		"a.b":                                   12,
		"section":                               14,
		"section.0":                             14,
		"section.0.id":                          15,
		"section.0.text":                        16,
		"section.0.question.0":                  19,
		"section.0.question.0.id":               20,
		"section.0.question.0.options":          21,
		"section.0.question.0.options.0":        22,
		"section.0.question.0.options.0.value":  22,
		"section.0.question.0.options.0.points": 23,
		"section.0.question.0.options.0.points.d":  23,
		"section.0.question.0.options.1":           25,
		"section.0.question.0.options.1.label":     26,
		"section.0.question.1":                     29,
		"section.0.question.1.id":                  30,
		"section.0.question.1.kind":                31,
		"section.0.question.1.help":                32,
		"section.0.question.1.when":                33,
		"section.1":                                35,
		"section.1.id":                             36,
		"section.1.question.0":                     38,
		"section.1.question.0.id":                  39,
		"section.1.question.0.nested.deeper":       40,
		"section.1.question.0.nested.deeper.x.1.0": 40,
		"section.1.question.0.nested.deeper.y":     40,
		"scale.agree":                              42,
		"scale.agree.labels":                       43,
		"scale.agree.labels.0":                     44,
		"scale.agree.labels.1":                     45,
		"verdict.0":                                48,
		"verdict.0.id":                             49,
		// A path with no line of its own takes its nearest parent's.
		"section.0.question.1.options": 29,
		"section.1.question.0.kind":    38,
		"nothing.at.all":               0,
	}
	var m map[string]any
	if _, err := toml.Decode(src, &m); err != nil {
		t.Fatalf("the document should be valid TOML: %v", err)
	}
	p := scanPositions(src)
	for path, line := range want {
		if got := p.line(path); got != line {
			t.Errorf("line(%q) = %d, want %d", path, got, line)
		}
	}
	if strings.Contains(strings.Join(p.order, " "), "fake") {
		t.Errorf("a key inside a multi-line string was read: %v", p.order)
	}
	if n := len(p.order); p.lines["section.2"] != 0 || n == 0 {
		t.Errorf("section.2 found, or nothing at all: %v", p.order)
	}
}

// TestPositionsInEveryQuestion checks, for a small edit in every question of
// small.toml, that the message is located at the edited line: the toml
// package alone would put each at the last question.
func TestPositionsInEveryQuestion(t *testing.T) {
	small := readSmall(t)
	lines := strings.Split(small, "\n")
	n := 0
	for i, l := range lines {
		if !strings.HasPrefix(l, "  text = ") {
			continue
		}
		n++
		src := strings.Join(lines[:i], "\n") + "\n  txet = 1\n" + strings.Join(lines[i+1:], "\n")
		_, err := Load("s.toml", []byte(src))
		got := problems(t, "s.toml", err)
		// The text is gone too, so its absence is reported at the question.
		if len(got) == 0 || !strings.HasPrefix(got[0], "s.toml:"+strconv.Itoa(i+1)+": ") || !strings.Contains(got[0], `unknown key "txet" (did you mean "text"?)`) {
			t.Errorf("text on line %d: got %q", i+1, got)
		}
	}
	if n != 6 {
		t.Errorf("edited %d questions, want 6", n)
	}
}

func TestKeyLines(t *testing.T) {
	line := KeyLines("# answers\n[answers]\nblame = 3\nhurt = [\n  \"trust\",\n]\n\"note\" = '''\nblame = 1\n'''\n")
	for path, want := range map[string]int{"answers": 2, "answers.blame": 3, "answers.hurt": 4, "answers.hurt.0": 5, "answers.note": 7, "answers.other": 2, "x": 0} {
		if got := line(path); got != want {
			t.Errorf("line(%q) = %d, want %d", path, got, want)
		}
	}
}

// TestPositionsNeverStall feeds the scanner text the toml package would
// refuse; it must end, and quickly.
func TestPositionsNeverStall(t *testing.T) {
	for _, src := range []string{"", "[", "[[", "[[a", "a", "a =", "a = [", "a = {", "a = {b", "a = \"", "a = '''", `a = """\`, "=", "]]", "a = [,", "a = {,", "a = [}", "[a.]", "\"", "a.'b", "a = 1 2 3 }]"} {
		scanPositions(src)
	}
}
