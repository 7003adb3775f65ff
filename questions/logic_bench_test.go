package questions_test

import (
	"testing"

	"amends/questions"
	"amends/score"
)

// What amends check costs, logic check and all: the built-in set, and
// generated sets of growing size (see generate in bench_test.go).

func benchmarkCheck(b *testing.B, name string, src []byte, logic bool) {
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		c := questions.Check(name, src)
		if logic {
			c.Logic(score.Outcome)
		}
		if len(c.Problems) > 0 {
			b.Fatal(c.Problems[0])
		}
	}
}

func BenchmarkCheckBuiltin(b *testing.B) {
	benchmarkCheck(b, questions.BuiltinName, questions.BuiltinSource(), false)
}

func BenchmarkLogicBuiltin(b *testing.B) {
	benchmarkCheck(b, questions.BuiltinName, questions.BuiltinSource(), true)
}

func BenchmarkLogic1000(b *testing.B) { benchmarkCheck(b, "gen.toml", questions.Generate(1000), true) }
func BenchmarkLogic2500(b *testing.B) { benchmarkCheck(b, "gen.toml", questions.Generate(2500), true) }
func BenchmarkLogic5000(b *testing.B) { benchmarkCheck(b, "gen.toml", questions.Generate(5000), true) }
func BenchmarkLogic10000(b *testing.B) {
	benchmarkCheck(b, "gen.toml", questions.Generate(10000), true)
}
