package questions

import (
	"reflect"
	"testing"
)

// TestBuiltinConditionsAgree evaluates every condition of the lazily
// compiled built-in set and of the loaded one on the same answers.
func TestBuiltinConditionsAgree(t *testing.T) {
	loaded, _ := Load(BuiltinName, BuiltinSource())
	lazy, _ := Builtin()
	var a, b []*Cond
	loaded.eachCond(func(c *Cond, _ context, _ int) { a = append(a, c) })
	lazy.eachCond(func(c *Cond, _ context, _ int) { b = append(b, c) })
	if len(a) != len(b) || len(a) == 0 {
		t.Fatalf("%d and %d conditions", len(a), len(b))
	}
	answers := map[string]any{}
	for _, q := range loaded.Questions() {
		switch q.Kind {
		case KindChoice:
			answers[q.ID] = q.Options[len(q.Options)/2].Value
		case KindMulti:
			answers[q.ID] = []string{q.Options[0].Value}
		case KindScale, KindNumber:
			lo, hi := loaded.Range(q)
			answers[q.ID] = (lo + hi) / 2
		}
	}
	facts := &Facts{Dims: map[string]float64{}, Flags: map[string]bool{}, Composite: 60, HasComposite: true}
	for _, d := range loaded.Dimensions {
		facts.Dims[d.ID] = 55
	}
	for i, f := range loaded.Flags {
		facts.Flags[f.ID] = i%2 == 0
	}
	ea, eb := loaded.Env(answers, facts), lazy.Env(answers, facts)
	for i := range a {
		if a[i].Holds(ea) != b[i].Holds(eb) || !reflect.DeepEqual(a[i].Questions(), b[i].Questions()) ||
			!reflect.DeepEqual(a[i].Dimensions(), b[i].Dimensions()) || !reflect.DeepEqual(a[i].Flags(), b[i].Flags()) {
			t.Errorf("condition %q differs", a[i].Src)
		}
	}
}

// TestBuiltinConcurrentUse evaluates one built-in set's conditions from
// several goroutines at once, as they compile on first use; run it with
// -race.
func TestBuiltinConcurrentUse(t *testing.T) {
	s, _ := Builtin()
	var conds []*Cond
	s.eachCond(func(c *Cond, _ context, _ int) { conds = append(conds, c) })
	done := make(chan bool)
	for g := 0; g < 4; g++ {
		go func() {
			env := s.Env(nil, nil)
			n := 0
			for i := range conds {
				if conds[(i+g*7)%len(conds)].Holds(env) {
					n++
				}
			}
			done <- n > 0
		}()
	}
	for g := 0; g < 4; g++ {
		if !<-done {
			t.Error("no condition held on empty answers; the catch-all verdict should")
		}
	}
}
