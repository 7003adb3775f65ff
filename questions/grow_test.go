package questions_test

import (
	"runtime"
	"testing"

	"amends/questions"
	"amends/score"
)

// TestCheckGrowsLinearly: checking a set four times as large, logic check
// and all, allocates about four times as much, and not more: what grows
// faster than the set (a search over every rule at each step, a list
// scanned for each question) shows up here as surely as in the time it
// takes, which a test does not measure (see BenchmarkLogic10000).
func TestCheckGrowsLinearly(t *testing.T) {
	cost := func(n int) (allocs, bytes float64) {
		src := questions.Generate(n)
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		c := questions.Check("gen.toml", src)
		c.Logic(score.Outcome)
		runtime.ReadMemStats(&after)
		if len(c.Problems) > 0 {
			t.Fatalf("%d questions: %v", n, c.Problems[0])
		}
		return float64(after.Mallocs - before.Mallocs), float64(after.TotalAlloc - before.TotalAlloc)
	}
	a1, b1 := cost(1000)
	a4, b4 := cost(4000)
	t.Logf("1,000 questions: %.0f allocations, %.1f MB; 4,000: %.0f, %.1f MB (%.2f and %.2f times)", a1, b1/1e6, a4, b4/1e6, a4/a1, b4/b1)
	if a4 > 4.5*a1 || b4 > 4.5*b1 {
		t.Errorf("a set four times as large costs %.2f times the allocations and %.2f times the bytes; want at most 4.5", a4/a1, b4/b1)
	}
}
