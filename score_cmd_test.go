package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const smallSet = "questions/testdata/small.toml"

func writeTemp(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func runCmd(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func TestScoreCommand(t *testing.T) {
	answers := writeTemp(t, "a.toml", `set = "small"
version = "0.1.0"
[answers]
afraid = "no"
hurt = ["trust"]
trust_detail = "told"
blame = 2
texts = 4
`)
	code, out, errs := runCmd("score", "-set", smallSet, "-answers", answers)
	if code != 0 || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	for _, want := range []string{
		"Verdict: Possible, slowly",
		"Taking responsibility #########.  88  strong",
		"Overall: 78 out of 100",
		"1. Stop messaging him for now.",
		"  Go gently.\n",
		"Where to find help\n  Find a helpline\n    findahelpline.com lists",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}

	code, out, _ = runCmd("score", "-set", smallSet, "-answers", answers, "-json")
	var r struct {
		Verdict   struct{ ID string }
		Composite int
	}
	if code != 0 || json.Unmarshal([]byte(out), &r) != nil || r.Verdict.ID != "possible" || r.Composite != 78 {
		t.Errorf("json: exit %d, %+v from %s", code, r, out)
	}
	code2, out2, _ := runCmd("score", "-set", smallSet, "-answers", answers, "-json")
	if code2 != 0 || out2 != out {
		t.Errorf("scoring twice gave different JSON")
	}
}

func TestScoreCommandErrors(t *testing.T) {
	bad := writeTemp(t, "bad.toml", "set = \"small\"\n[answers]\nafraid = \"mayb\"\nblam = 3\ntexts = 11\nhurt = []\n")
	// Answers for another set: one line says so, with nothing about each
	// answer that the wrong set does not know.
	other := writeTemp(t, "other.toml", "set = \"reconcile\"\n[answers]\ns_violence = \"no\"\nacc_name = 5\nafraid = \"maybe\"\n")
	oldv := writeTemp(t, "old.toml", "set = \"small\"\nversion = \"0.0.9\"\n[answers]\nblam = 3\n")
	broken := writeTemp(t, "broken.toml", "set = \"small\"\n[answers\n")
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"score", "-set", smallSet, "-answers", bad}, 1,
			"amends: " + bad + ":3: answer to \"afraid\": \"mayb\" is not one of its options (\"yes\", \"no\", \"unsaid\")\n" +
				"amends: " + bad + ":4: answer to unknown question \"blam\" (did you mean \"blame\"?)\n" +
				"amends: " + bad + ":5: answer to \"texts\": 11 is not between 0 and 10\n" +
				"amends: " + bad + ":6: answer to \"hurt\": pick at least 1\n"},
		{[]string{"score", "-set", smallSet, "-answers", other}, 1,
			"amends: " + other + ":1: these answers are for set \"reconcile\", not \"small\"; pass -set with the file they were given to\n"},
		{[]string{"score", "-set", smallSet, "-answers", oldv}, 1,
			"amends: " + oldv + ":2: these answers are for version 0.0.9 of \"small\", not 0.1.0; pass -set with that version's file\n"},
		{[]string{"score", "-set", smallSet, "-answers", broken}, 1,
			"amends: " + broken + ":2: not valid TOML: expected '.' or ']' to end table name, but got '\\n' instead\n"},
		{[]string{"score", "-set", smallSet, "-answers", "/nonexistent/a.toml"}, 1,
			"amends: /nonexistent/a.toml: cannot read: no such file or directory\n"},
		{[]string{"score", "-set", smallSet}, 2, "amends: score needs -answers FILE\nRun \"amends help\" for usage.\n"},
		{[]string{"score", "-answers", bad, "extra"}, 2,
			"amends: score takes no arguments besides its flags; answers come from a file, never the command line\nRun \"amends help\" for usage.\n"},
		{[]string{"score", "-bogus"}, 2, "amends: score: flag provided but not defined: -bogus\nRun \"amends help\" for usage.\n"},
	}
	for _, tt := range tests {
		code, _, errs := runCmd(tt.args...)
		if code != tt.code || errs != tt.want {
			t.Errorf("%q: exit %d, stderr\n%s\nwant exit %d, stderr\n%s", tt.args, code, errs, tt.code, tt.want)
		}
	}
}
