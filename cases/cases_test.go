package cases

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"amends/questions"
)

func smallSet(t *testing.T) *questions.Set {
	t.Helper()
	s, err := questions.LoadFile("../questions/testdata/small.toml")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

const calm = `set = "small"
version = "0.1.0"

[answers]
afraid = "no"
hurt = ["words"]
blame = 1
texts = 5
`

// run finds the cases in files and reports them, returning what was
// written and how many failed.
func run(t *testing.T, files fstest.MapFS) (string, string, int) {
	t.Helper()
	found, err := Find(files, ".", "my-set.cases")
	if err != nil {
		t.Fatal(err)
	}
	var out, errs bytes.Buffer
	n := Report(&out, &errs, smallSet(t), found)
	return out.String(), errs.String(), n
}

func TestPass(t *testing.T) {
	out, errs, n := run(t, fstest.MapFS{
		"calm.toml":        {Data: []byte(calm)},
		"calm.expect.toml": {Data: []byte("verdict = \"possible\"\nflags = []\nsteps = [\"stop_texting\"]\nresources = [\"general\"]\n[bands]\naccountability = \"strong\"\nspace = \"developing\"\n")},
	})
	if n != 0 || errs != "" || out != "the 1 case passes\n" {
		t.Errorf("failed %d, stdout %q, stderr %q", n, out, errs)
	}
}

// TestWrongVerdict: a case that expects what scoring does not give fails,
// each difference at the line of what it expected, in words.
func TestWrongVerdict(t *testing.T) {
	out, errs, n := run(t, fstest.MapFS{
		"calm.toml":        {Data: []byte(calm)},
		"calm.expect.toml": {Data: []byte("# Owns it, and keeps messaging.\nverdict = \"not_yet\"\nflags = [\"unsaid\"]\nno_steps = [\"stop_texting\"]\nno_resources = [\"general\"]\n\n[bands]\naccountability = \"developing\"\nspace = \"strong\"\n")},
		"ok.toml":          {Data: []byte(calm)},
		"ok.expect.toml":   {Data: []byte("verdict = \"possible\"\n")},
	})
	want := `FAIL calm (my-set.cases/calm.toml)
  my-set.cases/calm.expect.toml:2: verdict: want "not_yet", got "possible"; because: Your answers did not call for any of the verdicts before this one; overall: 83 out of 100
  my-set.cases/calm.expect.toml:3: flags: want ["unsaid"], got [] (-unsaid)
  my-set.cases/calm.expect.toml:4: step "stop_texting": want it left out, and it is shown
  my-set.cases/calm.expect.toml:5: resource "general": want it left out, and it is shown
  my-set.cases/calm.expect.toml:8: band of "accountability": want "developing", got "strong" (score 100)
  my-set.cases/calm.expect.toml:9: band of "space": want "strong", got "developing" (score 50)
1 of 2 cases failed
`
	if n != 1 || errs != "" || out != want {
		t.Errorf("failed %d, stderr %q, stdout:\n%s\nwant:\n%s", n, errs, out, want)
	}
}

// TestBadExpect: an expectation that names what the set does not have, or
// a key no case has, is said at its line with a suggestion.
func TestBadExpect(t *testing.T) {
	out, errs, n := run(t, fstest.MapFS{
		"calm.toml":        {Data: []byte(calm)},
		"calm.expect.toml": {Data: []byte("verdict = \"posible\"\nflag = [\"x\"]\nsteps = [\"stop_texing\"]\n[bands]\nspace = \"great\"\nspcae = \"strong\"\n")},
	})
	want := `amends: my-set.cases/calm.expect.toml:1: verdict "posible" is not in set "small" (did you mean "possible"?)
amends: my-set.cases/calm.expect.toml:2: unknown key "flag" (did you mean "flags"?)
amends: my-set.cases/calm.expect.toml:3: step "stop_texing" is not in set "small" (did you mean "stop_texting"?)
amends: my-set.cases/calm.expect.toml:5: band "great" is none of ["needs work", "developing", "strong", "not enough answers"]
amends: my-set.cases/calm.expect.toml:6: dimension "spcae" is not in set "small" (did you mean "space"?)
`
	if n != 1 || errs != want || out != "1 of 1 cases failed\n" {
		t.Errorf("failed %d, stdout %q, stderr:\n%s\nwant:\n%s", n, out, errs, want)
	}
}

func TestFind(t *testing.T) {
	for _, tt := range []struct {
		files fstest.MapFS
		want  string
	}{
		{fstest.MapFS{"a.expect.toml": {}}, "my-set.cases/a.expect.toml: no answers beside it; a case is a.toml (answers) with a.expect.toml"},
		{fstest.MapFS{"a.toml": {}}, "my-set.cases/a.toml: no a.expect.toml beside it to say what scoring these answers must give"},
		{fstest.MapFS{"notes.txt": {}}, "my-set.cases: no cases; a case is NAME.toml (answers, as amends take keeps them) with NAME.expect.toml (what scoring them must give)"},
	} {
		if _, err := Find(tt.files, ".", "my-set.cases"); err == nil || err.Error() != tt.want {
			t.Errorf("%v: %v, want %q", tt.files, err, tt.want)
		}
	}
	if _, err := Find(os.DirFS("/nonexistent"), ".", "x.cases"); err == nil || !strings.HasPrefix(err.Error(), "x.cases: no such folder; a set's cases go there, each NAME.toml") {
		t.Errorf("%v", err)
	}
}
