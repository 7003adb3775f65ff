package questions_test

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/BurntSushi/toml"

	"amends/questions"
)

// The Spanish built-in set, builtin_es.toml, is the English one in its own
// words: the same ids, options, points, weights, thresholds and conditions,
// other texts and other places to get help. These tests hold it to that;
// score/spanish_test.go checks that every answers file scores the same.

// textKeys are the keys whose values a person reads: they differ between
// the two sets, and are compared for presence only.
var textKeys = map[string]bool{
	"title": true, "intro": true, "disclaimer": true, "text": true, "help": true,
	"label": true, "labels": true, "about": true, "strong": true, "weak": true,
	"say": true, "ends": true, "summary": true, "because": true, "reflection": true,
	"min_label": true, "max_label": true, "phone": true, "site": true, "hours": true,
}

// ownKeys differ by design: the language, the words for the partner (the
// Spanish set needs none: it speaks of «tu pareja» and names nobody's
// gender), the places to get help (lines for people who speak Spanish;
// score/spanish_test.go checks that they are of the same kinds). The
// engine's messages each set says in its own words ([engine]) are texts:
// sameEngine compares which are given, and TestSpanishOwnWords their words.
var ownKeys = map[string]bool{"language": true, "partner": true, "words": true, "resource": true, "resources": true}

func readTOML(t *testing.T, path string) map[string]any {
	t.Helper()
	var m map[string]any
	if _, err := toml.DecodeFile(path, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func TestSpanishChecksClean(t *testing.T) {
	c := questions.CheckFile("builtin_es.toml")
	for _, p := range c.Problems {
		t.Errorf("%s", p)
	}
	s, err := questions.LoadFile("builtin_es.toml")
	if err != nil {
		t.Fatal(err)
	}
	if s.Language != "es" {
		t.Errorf("language %q, want es", s.Language)
	}
	en, err := questions.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	if s.ID != en.ID || s.Version != en.Version {
		t.Errorf("set %s %s, want %s %s: an answers file names the set and version it was given to", s.ID, s.Version, en.ID, en.Version)
	}
}

// TestSpanishSameStructure walks both files side by side: every key but
// the texts and the help must hold the same value, every text must be
// there in both or in neither, and arrays of tables must pair up in order.
func TestSpanishSameStructure(t *testing.T) {
	en, es := readTOML(t, "builtin.toml"), readTOML(t, "builtin_es.toml")
	var diffs []string
	sameShape("", en, es, &diffs)
	for _, d := range diffs {
		t.Error(d)
	}
}

func sameShape(path string, en, es any, diffs *[]string) {
	bad := func(format string, a ...any) {
		*diffs = append(*diffs, fmt.Sprintf("%s: ", where(path))+fmt.Sprintf(format, a...))
	}
	switch a := en.(type) {
	case map[string]any:
		b, ok := es.(map[string]any)
		if !ok {
			bad("a table in English, %T in Spanish", es)
			return
		}
		keys := map[string]bool{}
		for k := range a {
			keys[k] = true
		}
		for k := range b {
			keys[k] = true
		}
		for _, k := range slices.Sorted(maps.Keys(keys)) {
			p := join(path, k, a)
			if ownKeys[k] {
				continue
			}
			va, inA := a[k]
			vb, inB := b[k]
			switch {
			case !inA:
				bad("%q is only in the Spanish set", k)
			case !inB:
				bad("%q is missing from the Spanish set (English: %.60v)", k, va)
			case k == "engine":
				sameEngine(p, va, vb, bad)
			case textKeys[k]:
				if la, lb := textLen(va), textLen(vb); (la == 0) != (lb == 0) || (la < 0 || lb < 0) && la != lb {
					bad("%q: English and Spanish differ in whether it is given, or in how many labels (%d, %d)", k, la, lb)
				}
			default:
				sameShape(p, va, vb, diffs)
			}
		}
	case []map[string]any:
		b, ok := es.([]map[string]any)
		if !ok || len(a) != len(b) {
			bad("%d tables in English, %d in Spanish", len(a), lenOf(es))
			return
		}
		for i := range a {
			sameShape(fmt.Sprintf("%s[%d]", path, i), a[i], b[i], diffs)
		}
	case []any:
		b, ok := es.([]any)
		if !ok || len(a) != len(b) {
			bad("%d items in English, %d in Spanish", len(a), lenOf(es))
			return
		}
		for i := range a {
			sameShape(fmt.Sprintf("%s[%d]", path, i), a[i], b[i], diffs)
		}
	default:
		if fmt.Sprint(en) != fmt.Sprint(es) {
			bad("English %q, Spanish %q", fmt.Sprint(en), fmt.Sprint(es))
		}
	}
}

// sameEngine compares the engine's words a set gives in its own way: the
// same messages in both, and left out ("") in both or in neither.
func sameEngine(path string, en, es any, bad func(string, ...any)) {
	a, _ := en.(map[string]any)
	b, _ := es.(map[string]any)
	for _, k := range slices.Sorted(maps.Keys(a)) {
		vb, ok := b[k]
		switch {
		case !ok:
			bad("engine message %q is missing from the Spanish set", k)
		case (fmt.Sprint(a[k]) == "") != (fmt.Sprint(vb) == ""):
			bad("engine message %q is left out in one set and not the other", k)
		}
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			bad("engine message %q is only in the Spanish set", k)
		}
	}
}

// join names a key in messages by the id of the table it is in, when it
// has one: verdict[3] reads better as verdict "not_enough".
func join(path, key string, table map[string]any) string {
	if id, ok := table["id"].(string); ok && path != "" {
		path = fmt.Sprintf("%s(%s)", path, id)
	}
	if path == "" {
		return key
	}
	return path + "." + key
}

func where(path string) string {
	if path == "" {
		return "top level"
	}
	return path
}

func lenOf(v any) int {
	switch x := v.(type) {
	case []any:
		return len(x)
	case []map[string]any:
		return len(x)
	}
	return -1
}

// textLen is the length of a text, or minus the number of labels of a
// list of them.
func textLen(v any) int {
	switch x := v.(type) {
	case string:
		return len(strings.TrimSpace(x))
	case []any:
		return -len(x)
	}
	return 0
}

// texts collects every text of a TOML tree under a path that names the
// table by its id (or its position) and the key, so that the English and
// the Spanish text of one thing share a path.
func texts(path string, v any, out map[string]string) {
	switch x := v.(type) {
	case map[string]any:
		for k, val := range x {
			if ownKeys[k] && k != "resource" {
				continue
			}
			p := path + "/" + k
			if id, ok := x["id"].(string); ok {
				p = path + "(" + id + ")/" + k
			}
			if k == "engine" {
				if m, ok := val.(map[string]any); ok {
					for id, msg := range m {
						out[p+"/"+id] = fmt.Sprint(msg)
					}
				}
				continue
			}
			if textKeys[k] {
				switch s := val.(type) {
				case string:
					out[p] = s
				case []any:
					for i, l := range s {
						out[fmt.Sprintf("%s[%d]", p, i)] = fmt.Sprint(l)
					}
				}
				continue
			}
			texts(p, val, out)
		}
	case []map[string]any:
		for i, t := range x {
			texts(fmt.Sprintf("%s[%d]", path, i), t, out)
		}
	case []any:
		for i, t := range x {
			texts(fmt.Sprintf("%s[%d]", path, i), t, out)
		}
	}
}

// sameInBoth are the texts that may read the same in both languages: a
// plain "No", an engine message left out (""), and names and addresses that are not translated.
var sameInBoth = map[string]bool{"": true, "No": true, "Find A Helpline": true, "findahelpline.com": true}

// englishWords are common English words that are no Spanish words, so
// that a sentence left in English is caught wherever it is; "he", "has",
// "no" and "a" are Spanish too and left out.
var englishWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`the and you your yours with what that this these have for not are
		was were will would him his her she they them their from about been because when which who
		how it is of to in on or if but be do does can`) {
		englishWords[w] = true
	}
}

// english returns the English words of s, and the words with an
// apostrophe, which Spanish does not use ("don't", "I'd").
func english(s string) []string {
	var found []string
	words := strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && r != '\'' && r != '’'
	})
	for _, w := range words {
		w = strings.Trim(w, "'’")
		if englishWords[strings.ToLower(w)] || strings.ContainsAny(w, "'’") {
			found = append(found, w)
		}
	}
	return found
}

// TestSpanishOwnWords fails on a text of the Spanish set that is the
// English one, on an English sentence left anywhere in it, and on the
// English placeholders, which the Spanish set does without.
func TestSpanishOwnWords(t *testing.T) {
	en, es := map[string]string{}, map[string]string{}
	texts("", readTOML(t, "builtin.toml"), en)
	texts("", readTOML(t, "builtin_es.toml"), es)
	if len(es) < 400 {
		t.Fatalf("only %d texts in the Spanish set", len(es))
	}
	for _, p := range slices.Sorted(maps.Keys(es)) {
		s := es[p]
		if e, ok := en[p]; ok && norm(e) == norm(s) && !sameInBoth[strings.TrimSpace(s)] {
			t.Errorf("%s is the English text: %q", p, s)
		}
		if m := english(s); len(m) > 0 {
			t.Errorf("%s has English words %q: %q", p, m, s)
		}
		if strings.ContainsAny(s, "{}") {
			t.Errorf("%s has a placeholder; the Spanish set names nobody's gender and needs none: %q", p, s)
		}
	}
}

func norm(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
}

// TestSpanishKeepsUpWithEnglish names, when builtin.toml gains a text the
// Spanish set lacks, which one: the structural test says the same, this
// says it as a list to work through.
func TestSpanishKeepsUpWithEnglish(t *testing.T) {
	en, es := map[string]string{}, map[string]string{}
	texts("", readTOML(t, "builtin.toml"), en)
	texts("", readTOML(t, "builtin_es.toml"), es)
	var missing []string
	for p := range en {
		if strings.Contains(p, "/resource[") || strings.Contains(p, "/partner/") {
			continue
		}
		if _, ok := es[p]; !ok {
			missing = append(missing, p)
		}
	}
	sort.Strings(missing)
	for _, p := range missing {
		t.Errorf("%s is in builtin.toml and not in builtin_es.toml", p)
	}
}
