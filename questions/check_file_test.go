package questions_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"amends/questions"
	"amends/score"
)

// neverSet is a generated set with a verdict no answers reach: a problem
// only the logic check finds, once the set has loaded without one.
func neverSet(t *testing.T) (src string, line int) {
	t.Helper()
	src = string(questions.Generate(100))
	never := "[[verdict]]\nid = \"never\"\ntitle = \"Never\"\nsummary = \"Never.\"\ntext = \"Never.\"\nwhen = 'q0 == \"a\" && q0 == \"b\"'\n\n"
	at := strings.Index(src, "[[verdict]]\nid = \"maybe\"")
	if at < 0 {
		t.Fatal("no verdict maybe in the generated set")
	}
	src = src[:at] + never + src[at:]
	line = strings.Count(src[:at], "\n") + 6 // the line of its when
	return src, line
}

// TestCheckFileLinesLater: CheckFile lets the text of a set go once it is
// loaded; a line the logic check wants later is read from the file again.
func TestCheckFileLinesLater(t *testing.T) {
	src, line := neverSet(t)
	path := filepath.Join(t.TempDir(), "never.toml")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	c := questions.CheckFile(path)
	if len(c.Problems) > 0 {
		t.Fatalf("problems before the logic check: %v", c.Problems)
	}
	c.Logic(score.Outcome)
	if len(c.Problems) != 1 || c.Problems[0].Line != line || !strings.Contains(c.Problems[0].Msg, "never reached") {
		t.Fatalf("got %v, want one problem at line %d, never reached", c.Problems, line)
	}
}

// TestCheckFileChangedSince: when the file has changed since it was
// checked, a problem found later has no line rather than a wrong one.
func TestCheckFileChangedSince(t *testing.T) {
	src, line := neverSet(t)
	path := filepath.Join(t.TempDir(), "never.toml")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	c := questions.CheckFile(path)
	if err := os.WriteFile(path, []byte("# three lines\n# more\n# than before\n"+src), 0o644); err != nil {
		t.Fatal(err)
	}
	c.Logic(score.Outcome)
	if len(c.Problems) != 1 || c.Problems[0].Line != 0 {
		t.Fatalf("got %v, want one problem without a line (it was at %d)", c.Problems, line)
	}
}
