package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"amends/questions"
)

// TestAnswersKeepTheirLanguage: answers given to the Spanish built-in set
// are scored in its words unless -lang says otherwise, and in either
// language they are not "an earlier text" of the set.
func TestAnswersKeepTheirLanguage(t *testing.T) {
	t.Setenv("LANG", "")
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	es, err := questions.BuiltinFor("es")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "a.toml")
	src := "set = \"" + es.ID + "\"\nversion = \"" + es.Version + "\"\nhash = \"" + questions.BuiltinHashes()["es"] + "\"\n[answers]\n"
	if err := os.WriteFile(path, []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	if got := answersLanguage(path); got != "es" {
		t.Fatalf("answersLanguage = %q, want es", got)
	}
	for lang, want := range map[string]string{"": "es", "en": "en"} {
		var stderr strings.Builder
		r, err := scoreFile("", lang, path, "result", &stderr)
		if err != nil {
			t.Fatal(err)
		}
		if r.Set.Language != want || stderr.Len() > 0 {
			t.Errorf("-lang %q: scored in %q, said %q", lang, r.Set.Language, stderr.String())
		}
	}
}
