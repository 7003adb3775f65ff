package score

import (
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"amends/questions"
)

// A persona is an answers file in testdata/personas with what its score
// must say beside it, in NAME.expect.toml.
type expectation struct {
	Verdict string            `toml:"verdict"`
	Flags   []string          `toml:"flags"`
	Steps   []string          `toml:"steps"`
	NoSteps []string          `toml:"no_steps"`
	Bands   map[string]string `toml:"bands"`
}

func TestPersonas(t *testing.T) {
	s, err := questions.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("testdata/personas/*.expect.toml")
	if len(files) < 12 {
		t.Fatalf("%d personas in testdata/personas, want at least 12", len(files))
	}
	for _, exp := range files {
		name := strings.TrimSuffix(filepath.Base(exp), ".expect.toml")
		t.Run(name, func(t *testing.T) {
			var want expectation
			if _, err := toml.DecodeFile(exp, &want); err != nil {
				t.Fatal(err)
			}
			a, err := ReadAnswersFile(filepath.Join("testdata/personas", name+".toml"), s)
			if err != nil {
				t.Fatal(err)
			}
			r := Score(s, a)
			if r.Verdict.ID != want.Verdict {
				t.Errorf("verdict %q, want %q; why: %q", r.Verdict.ID, want.Verdict, r.Verdict.Why)
			}
			var flags []string
			for _, f := range r.Flags {
				flags = append(flags, f.ID)
			}
			sort.Strings(flags)
			sort.Strings(want.Flags)
			if len(flags)+len(want.Flags) > 0 && !reflect.DeepEqual(flags, want.Flags) {
				t.Errorf("flags %q, want %q", flags, want.Flags)
			}
			got := map[string]bool{}
			for _, p := range r.Phases {
				for _, st := range p.Steps {
					got[st.ID] = true
				}
			}
			for _, id := range want.Steps {
				if !got[id] {
					t.Errorf("step %q missing", id)
				}
			}
			for _, id := range want.NoSteps {
				if got[id] {
					t.Errorf("step %q should not be there", id)
				}
			}
			for _, d := range r.Dimensions {
				if b, ok := want.Bands[d.ID]; ok && b != d.Band {
					t.Errorf("%s: band %q (score %d), want %q", d.ID, d.Band, d.Score, b)
				}
			}
		})
	}
}
