package words_test

import (
	"bytes"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"

	"amends/internal/words"
	"amends/internal/words/internal/gen"
)

// TestCatalogueSnapshot checks that catalogue_gen.go holds exactly the
// catalogues beside it, each of which parses, so that what amends says is
// what en.toml and es.toml say; go generate ./internal/words rewrites it.
func TestCatalogueSnapshot(t *testing.T) {
	want, err := gen.Generate(".")
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(gen.File)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("%s is out of date with the catalogues; run: go generate ./internal/words", gen.File)
	}
	langs, err := gen.Languages(".")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(langs, words.Languages()) {
		t.Errorf("catalogues %v, amends has %v", langs, words.Languages())
	}
	src, err := os.ReadFile("en.toml")
	if err != nil {
		t.Fatal(err)
	}
	en, err := gen.Parse("en.toml", src)
	if err != nil {
		t.Fatal(err)
	}
	for id, m := range en {
		if got, _ := words.Message("en", id); !maps.Equal(got.Forms, m.Forms) {
			t.Errorf("%s: amends has %q, en.toml %q", id, got.Forms, m.Forms)
		}
	}
}

// TestParseCatalogue: a catalogue that is no TOML, or has a message that
// is no message, is said with its file and id.
func TestParseCatalogue(t *testing.T) {
	for src, want := range map[string]string{
		"a = ":                   "x.toml: toml:",
		"a = 3":                  "x.toml: a: a message should be text",
		"a = { one = \"x\" }":    "x.toml: a: a message with plural forms needs \"other\"",
		"a = { several = \"\" }": "x.toml: a: \"several\" is not a plural form",
	} {
		_, err := gen.Parse("x.toml", []byte(src))
		if err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("%q: %v, want %s...", src, err, want)
		}
	}
}
