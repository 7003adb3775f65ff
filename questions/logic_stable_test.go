package questions_test

import (
	"fmt"
	"testing"

	"amends/questions"
	"amends/score"
)

// TestLogicSameEveryRun: the ways the logic check finds, answers and all,
// are the same from one run to the next, so that amends check -cases
// writes the same cases: nothing in them may follow the order of a map.
func TestLogicSameEveryRun(t *testing.T) {
	for _, lang := range []string{"en", "es"} {
		name, src := questions.BuiltinSourceFor(lang)
		first := ""
		for i := 0; i < 5; i++ {
			c := questions.Check(name, src)
			c.Logic(score.Outcome)
			got := fmt.Sprint(c.Reach()) // fmt prints maps in the order of their keys
			if i == 0 {
				first = got
			} else if got != first {
				t.Fatalf("%s: run %d found other ways than the first", name, i+1)
			}
		}
	}
}
