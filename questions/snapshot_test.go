package questions_test

import (
	"bytes"
	"os"
	"testing"

	"amends/questions"
	"amends/questions/internal/snapshot"
)

// TestBuiltinSnapshot checks that builtin_gen.go, and builtin_LANG_gen.go
// for each other built-in set, hold exactly what Load makes of their
// files, so that BuiltinFor, which starts from them, is the set the file
// describes; go generate ./questions rewrites them.
func TestBuiltinSnapshot(t *testing.T) {
	langs := questions.BuiltinLanguages()
	if len(langs) < 2 || langs[0] != "en" {
		t.Fatalf("built-in sets in %v, want en first and at least one more", langs)
	}
	for _, lang := range langs {
		name, src := questions.BuiltinSourceFor(lang)
		loaded, err := questions.Load(name, src)
		if err != nil {
			t.Fatal(err)
		}
		want, err := snapshot.Source(loaded, lang)
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(snapshot.GenFile(lang))
		if err != nil {
			t.Fatalf("%s has no snapshot: run go generate ./questions (%v)", name, err)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("%s is out of date with %s; run: go generate ./questions", snapshot.GenFile(lang), name)
		}
		// And the set BuiltinFor returns prints the same.
		b, err := questions.BuiltinFor(lang)
		if err != nil {
			t.Fatal(err)
		}
		again, err := snapshot.Source(b, lang)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(again, want) {
			t.Fatalf("BuiltinFor(%q) differs from Load(%s)", lang, name)
		}
		if b.Hash != loaded.Hash || len(b.Questions()) != len(loaded.Questions()) || b.Name != name {
			t.Fatalf("%s: hash %s or %d questions, want %s and %d", name, b.Hash, len(b.Questions()), loaded.Hash, len(loaded.Questions()))
		}
		if h := questions.BuiltinHashes()[lang]; h != loaded.Hash {
			t.Errorf("%s: BuiltinHashes has %s, the file's is %s", name, h, loaded.Hash)
		}
		if id := questions.BuiltinID(); id != loaded.ID {
			t.Errorf("%s: BuiltinID is %q, the set's id %q", name, id, loaded.ID)
		}
		if b.Language != lang {
			t.Errorf("%s says language %q; its file name says %q", name, b.Language, lang)
		}
	}
}

// TestBuiltinLanguage: a language tag finds the built-in set that serves
// it best, English when there is none.
func TestBuiltinLanguage(t *testing.T) {
	for in, want := range map[string]string{"es": "es", "es-MX": "es", "es_AR": "es", "en-GB": "en", "fr": "en", "": "en", "C": "en"} {
		got, _ := questions.BuiltinLanguage(in)
		if got != want {
			t.Errorf("BuiltinLanguage(%q) = %q, want %q", in, got, want)
		}
		if s, err := questions.BuiltinFor(in); err != nil || s.Language != want {
			t.Errorf("BuiltinFor(%q): %v, %v", in, s.Language, err)
		}
	}
	if _, ok := questions.BuiltinLanguage("fr"); ok {
		t.Error("a French built-in set is found")
	}
}
