package words

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestCatalogues holds every shipped catalogue to English: the same ids,
// the same placeholders in every form, and the plural forms its language
// tells apart.
func TestCatalogues(t *testing.T) {
	langs := Languages()
	if langs[0] != "en" || !slices.Contains(langs, "es") {
		t.Fatalf("languages are %v, want en first and es", langs)
	}
	en := messagesOf("en")
	for _, l := range langs {
		c := messagesOf(l)
		if len(c.msgs) == 0 {
			t.Fatalf("%s: no messages", l)
		}
		if l == "en" {
			continue
		}
		for _, id := range IDs() {
			m, ok := c.msgs[id]
			if !ok {
				t.Errorf("%s.toml has no %q (English: %q)", l, id, en.msgs[id].Forms["other"])
				continue
			}
			if got, want := m.Placeholders(), en.msgs[id].Placeholders(); !slices.Equal(got, want) {
				t.Errorf("%s.toml: %s has placeholders %v, English %v", l, id, got, want)
			}
			if en.msgs[id].Plural() && m.Plural() {
				for _, f := range FormsOf(l) {
					if _, ok := m.Forms[f]; !ok {
						t.Errorf("%s.toml: %s lacks the plural form %q", l, id, f)
					}
				}
			}
		}
		for id := range c.msgs {
			if !Known(id) {
				t.Errorf("%s.toml has %q, which English does not", l, id)
			}
		}
	}
}

// TestUsedIDs finds every id the code asks for by name, T("id"...), and
// holds it to the catalogues: a message added to the code and not to
// en.toml fails here, rather than show "[id]" to somebody.
func TestUsedIDs(t *testing.T) {
	root := filepath.Join("..", "..")
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("cannot find the module's root: %v", err)
	}
	call := regexp.MustCompile(`\bT\(\s*"([^"]+)"`)
	found := 0
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && p != root {
			return filepath.SkipDir
		}
		if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") || filepath.Base(filepath.Dir(p)) == "words" {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Error(err)
			return nil
		}
		for _, m := range call.FindAllStringSubmatch(string(b), -1) {
			found++
			if !Known(m[1]) {
				t.Errorf("%s asks for message %q, which en.toml does not have", p, m[1])
			}
		}
		return nil
	})
	if found == 0 {
		t.Fatal("no T(\"id\") calls found; the pattern is wrong")
	}
}

func TestT(t *testing.T) {
	en, es := New("en", nil), New("es-MX", nil)
	if got := en.T("text_answered", "answered", 1, "n", 1); got != "You answered 1 of the 1 question you were asked." {
		t.Errorf("one: %q", got)
	}
	if got := en.T("text_answered", "answered", 3, "n", 1200); got != "You answered 3 of the 1,200 questions you were asked." {
		t.Errorf("other: %q", got)
	}
	if got := es.T("text_answered", "answered", 2, "n", 5); got != "Respondiste 2 de las 5 preguntas que se te hicieron." {
		t.Errorf("es: %q", got)
	}
	if es.Lang() != "es-MX" || es.Catalogue() != "es" {
		t.Errorf("es-MX: lang %q, catalogue %q", es.Lang(), es.Catalogue())
	}
	if got := New("es", nil).Number(40.5); got != "40,5" {
		t.Errorf("es decimal: %q", got)
	}
	day := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	if got := en.Date(day); got != "25 November 2026" {
		t.Errorf("en date: %q", got)
	}
	if got := es.Date(day); got != "25 de noviembre de 2026" {
		t.Errorf("es date: %q", got)
	}
	if got := en.T("no_such_message"); got != "[no_such_message]" {
		t.Errorf("unknown id: %q", got)
	}
	// A value is never read again: braces in it stay.
	if got := en.T("text_verdict", "title", "{n} {title}"); got != "Verdict: {n} {title}" {
		t.Errorf("braces in a value: %q", got)
	}
	var none *Book
	if got := none.T("band_strong"); got != "strong" {
		t.Errorf("nil book: %q", got)
	}
}

// TestOverride: a set's words take the place of the catalogue's, a
// language amends has no catalogue of falls back to English, and the set's
// own placeholders are filled from its words.
func TestOverride(t *testing.T) {
	fr := New("fr", map[string]Msg{"band_strong": Text("solide, comme {ami}"),
		"text_answered": {Forms: map[string]string{"one": "{answered} sur {n} question", "other": "{answered} sur {n} questions"}}})
	if fr.Catalogue() != "en" || fr.Lang() != "fr" {
		t.Errorf("fr: catalogue %q, lang %q", fr.Catalogue(), fr.Lang())
	}
	fr = fr.WithWords(func(n string) (string, bool) { return map[string]string{"ami": "Sam"}[n], n == "ami" })
	if got := fr.T("band_strong"); got != "solide, comme Sam" {
		t.Errorf("override: %q", got)
	}
	if got := fr.T("text_answered", "answered", 1, "n", 1); got != "1 sur 1 question" {
		t.Errorf("plural override: %q", got)
	}
	if got := fr.T("band_weak"); got != "needs work" {
		t.Errorf("fallback: %q", got)
	}
	if l, ok := Match("pt-BR"); ok || l != "en" {
		t.Errorf("Match(pt-BR) = %q, %v", l, ok)
	}
	if l, ok := Match("es_ES"); !ok || l != "es" {
		t.Errorf("Match(es_ES) = %q, %v", l, ok)
	}
}

func TestParse(t *testing.T) {
	if _, err := Parse(map[string]any{"one": "a"}); err == nil {
		t.Error("a plural message without other parses")
	}
	if _, err := Parse(map[string]any{"other": "a", "several": "b"}); err == nil {
		t.Error("an unknown form parses")
	}
	if _, err := Parse(int64(3)); err == nil {
		t.Error("a number parses as a message")
	}
	if got := FormsOf("es"); !slices.Equal(got, []string{"one", "other"}) {
		t.Errorf("Spanish forms: %v", got)
	}
	if got := FormsOf("pl"); !slices.Equal(got, []string{"one", "few", "many", "other"}) {
		t.Errorf("Polish forms: %v", got)
	}
	if got := Names("{a} {b_2} {} {{c}} { d} {e"); !slices.Equal(got, []string{"a", "b_2", "c"}) {
		t.Errorf("Names: %v", got)
	}
}

func TestFromLocale(t *testing.T) {
	for _, c := range []struct {
		env          map[string]string
		tag, setting string
	}{
		{map[string]string{"LANG": "es_ES.UTF-8"}, "es-ES", "LANG=es_ES.UTF-8"},
		{map[string]string{"LANG": "es_ES.UTF-8", "LC_MESSAGES": "en_GB"}, "en-GB", "LC_MESSAGES=en_GB"},
		{map[string]string{"LANG": "es_ES.UTF-8", "LC_MESSAGES": "en_GB", "LC_ALL": "de_DE@euro"}, "de-DE", "LC_ALL=de_DE@euro"},
		{map[string]string{"LANG": "C.UTF-8"}, "", ""},
		{map[string]string{"LC_ALL": "POSIX", "LANG": "es_ES"}, "", ""},
		{map[string]string{}, "", ""},
	} {
		tag, setting := FromLocale(func(k string) string { return c.env[k] })
		if tag != c.tag || setting != c.setting {
			t.Errorf("%v: %q %q, want %q %q", c.env, tag, setting, c.tag, c.setting)
		}
	}
}

// BenchmarkCatalogue is what the first message of a run costs: making the
// English catalogue from catalogue_gen.go (parsing en.toml took 1.7 ms).
func BenchmarkCatalogue(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		parsed.Delete(Fallback)
		if len(messagesOf(Fallback).msgs) == 0 {
			b.Fatal("no messages")
		}
	}
}
