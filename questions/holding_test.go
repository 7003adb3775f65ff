package questions

import (
	"reflect"
	"strings"
	"testing"
)

func TestHoldingNamesOnlyWhatHeld(t *testing.T) {
	src := strings.Replace(readSmall(t), "when = 'dim.accountability < 50'", `when = 'flagged("unsaid") || dim.accountability < 50 || (texts > 5 && blame > 3)'`, 1)
	s, err := Load("small.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	c := s.Verdict("not_yet").When
	env := s.Env(map[string]any{"texts": 7, "blame": 4}, &Facts{Dims: map[string]float64{"accountability": 80}, Flags: map[string]bool{"unsaid": true}})
	parts := c.Holding(env)
	if len(parts) != 2 {
		t.Fatalf("%d parts hold, want 2", len(parts))
	}
	if got := parts[0].Flags(); !reflect.DeepEqual(got, []string{"unsaid"}) {
		t.Errorf("first part reads flags %q", got)
	}
	if got := parts[1].Questions(); !reflect.DeepEqual(got, []string{"texts", "blame"}) {
		t.Errorf("second part reads %q", got)
	}
	if len(parts[0].Dimensions())+len(parts[1].Dimensions()) != 0 {
		t.Error("the dimension's part did not hold and should not be named")
	}
	if c.Holding(s.Env(nil, &Facts{Dims: map[string]float64{"accountability": 80}})) != nil {
		t.Error("a condition that does not hold has nothing holding")
	}
	// A condition without alternatives is its own reason.
	one := s.Verdict("safety").When
	if got := one.Holding(s.Env(nil, &Facts{Flags: map[string]bool{"safety": true}})); len(got) != 1 || got[0] != one {
		t.Errorf("holding = %v", got)
	}
}

func TestAffirmedLeavesOutWhatANegationReads(t *testing.T) {
	src := strings.Replace(readSmall(t), "when = 'texts >= 3'",
		`when = 'texts >= 3 && !("words" in hurt) && afraid != "yes" && !answered("note") && blame not in [4, 5] && (count([blame], # == 2) > 0 || verdict == "possible")'`, 1)
	s, err := Load("small.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	c := s.Steps[0].When
	if got, want := c.Affirmed(), []string{"texts", "blame"}; !reflect.DeepEqual(got, want) {
		t.Errorf("affirmed %q, want %q (it reads %q)", got, want, c.Questions())
	}
	env := s.Env(map[string]any{"texts": 4, "blame": 2, "afraid": "no"}, &Facts{Verdict: "not_yet"})
	parts := c.Holding(env)
	if len(parts) != 1 || !reflect.DeepEqual(parts[0].Affirmed(), []string{"texts", "blame"}) {
		t.Errorf("holding %v", parts)
	}
}
