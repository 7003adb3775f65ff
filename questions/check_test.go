package questions

import (
	"strings"
	"testing"
)

// TestCheckWarnings: what is likely wrong but works is said by Check, as a
// warning at its line, and Load lets it pass.
func TestCheckWarnings(t *testing.T) {
	src := applyChanges(t, readSmall(t), []change{
		{`when = 'texts >= 3'`, `when = 'texts <= 10 && composite >= 0'`},
		{"[[phase]]\nid = \"now\"\ntitle = \"Now\"\n", "[[phase]]\nid = \"now\"\ntitle = \"Now\"\n\n[[phase]]\nid = \"later\"\ntitle = \"Later\"\n"},
	})
	if _, err := Load("name.toml", []byte(src)); err != nil {
		t.Fatalf("Load: %v", err)
	}
	c := Check("name.toml", []byte(src))
	var got []string
	for _, p := range c.Problems {
		got = append(got, p.String())
	}
	want := []string{
		`name.toml:124: warning: phase "later": no step names this phase, so it is never shown; give a step phase = "later" or remove it`,
		`name.toml:132: warning: step "stop_texting": the comparison “texts <= 10” always holds, as "texts" is answered 0 to 10; it can be left out`,
		`name.toml:132: warning: step "stop_texting": the comparison “composite >= 0” always holds, as the overall score is 0 to 100; it can be left out`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if c.Errors() != 0 || c.Warnings() != 3 || c.Set == nil {
		t.Errorf("%d errors, %d warnings, set %v", c.Errors(), c.Warnings(), c.Set != nil)
	}
}

// TestCheckNotASet: a file that is not a set at all has no Set, and its
// one problem.
func TestCheckNotASet(t *testing.T) {
	c := Check("name.toml", []byte("a = [\n"))
	if c.Set != nil || c.Errors() != 1 || !strings.HasPrefix(c.Problems[0].String(), "name.toml:1: not valid TOML") {
		t.Errorf("%+v", c)
	}
}
