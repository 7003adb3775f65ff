package cases

import (
	"testing"

	"amends/questions"
)

// TestBuiltinCases runs the built-in set's cases, as amends test does:
// each persona's answers must give what its .expect.toml says.
func TestBuiltinCases(t *testing.T) {
	s, err := questions.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	found, err := Find(questions.BuiltinCases(), ".", "questions/builtin.cases")
	if err != nil {
		t.Fatal(err)
	}
	if len(found) < 12 {
		t.Fatalf("%d cases in questions/builtin.cases, want at least 12", len(found))
	}
	for _, c := range found {
		t.Run(c.Name, func(t *testing.T) {
			diffs, err := Run(s, c)
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range diffs {
				t.Error(d)
			}
		})
	}
}
