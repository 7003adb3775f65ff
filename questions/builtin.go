package questions

//go:generate go run gen_builtin.go

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"slices"
	"strings"
	"sync"

	"golang.org/x/text/language"
)

// The built-in sets, one per language: builtin.toml in English, and
// builtin_LANG.toml beside it for each other language (builtin_es.toml),
// each the same ids and scoring in its own words. A file added here is a
// built-in set once go generate has written its snapshot.
//
//go:embed builtin*.toml
var builtinFiles embed.FS

// builtinFile is one built-in set's file.
type builtinFile struct {
	lang, name string
	hash       func() string // "sha256:" and the hex digest of its text
}

// src returns the file's text, a new copy each call.
func (f builtinFile) src() []byte {
	b, _ := builtinFiles.ReadFile(f.name)
	return b
}

// builtins lists the built-in sets, English first, without reading them:
// a set with a snapshot has its hash there, and one without is hashed
// when first asked.
var builtins = sync.OnceValue(func() []builtinFile {
	entries, _ := builtinFiles.ReadDir(".")
	out := []builtinFile{}
	for _, e := range entries {
		name := e.Name()
		lang := strings.TrimSuffix(strings.TrimPrefix(name, "builtin_"), ".toml")
		if name == BuiltinName {
			lang = "en"
		} else if lang == name || lang == "" {
			continue
		}
		f := builtinFile{lang: lang, name: name}
		f.hash = sync.OnceValue(func() string {
			if snap, ok := snapshots[lang]; ok {
				return snap.hash
			}
			sum := sha256.Sum256(f.src())
			return "sha256:" + hex.EncodeToString(sum[:])
		})
		if lang == "en" {
			out = append([]builtinFile{f}, out...)
		} else {
			out = append(out, f)
		}
	}
	return out
})

// snapshot is a built-in set as Go, as builtin*_gen.go has it: what Load
// makes of its file, its id, the hash of the file, and the placeholders
// its texts use (see Set.used), worked out when it was written rather
// than at start.
type snapshot struct {
	set  func() *Set
	id   string
	hash string
	used []string
}

// snapshots are the built-in sets as Go, by language; each builtin*_gen.go
// adds its own.
var snapshots = map[string]snapshot{}

// BuiltinLanguages returns the languages there is a built-in set in,
// English first.
func BuiltinLanguages() []string {
	var out []string
	for _, f := range builtins() {
		out = append(out, f.lang)
	}
	return out
}

// BuiltinLanguage returns the language of the built-in set that serves
// the language tag lang best ("es" for "es-MX"), and whether there is one;
// with none, English.
func BuiltinLanguage(lang string) (string, bool) {
	langs := BuiltinLanguages()
	if slices.Contains(langs, lang) {
		return lang, true // as the matcher would say, without making one
	}
	t, err := language.Parse(strings.ReplaceAll(strings.TrimSpace(lang), "_", "-"))
	if err != nil {
		return "en", false
	}
	_, i, conf := builtinMatcher().Match(t)
	if conf == language.No {
		return "en", false
	}
	return langs[i], true
}

var builtinMatcher = sync.OnceValue(func() language.Matcher {
	langs := BuiltinLanguages()
	tags := make([]language.Tag, len(langs))
	for i, l := range langs {
		tags[i] = language.Make(l)
	}
	return language.NewMatcher(tags)
})

func builtinIn(lang string) builtinFile {
	l, _ := BuiltinLanguage(lang)
	for _, f := range builtins() {
		if f.lang == l {
			return f
		}
	}
	return builtins()[0]
}

// BuiltinSourceFor returns the TOML source of the built-in set in the
// language that serves lang best, and its file's name.
func BuiltinSourceFor(lang string) (name string, src []byte) {
	f := builtinIn(lang)
	return f.name, f.src()
}

// BuiltinHashes returns the hash of each built-in set's source, by
// language: an answers file names the one it was given to.
func BuiltinHashes() map[string]string {
	out := map[string]string{}
	for _, f := range builtins() {
		out[f.lang] = f.hash()
	}
	return out
}

// SameText reports whether answers given to the text with the given hash
// fit s as they were given: the same text, or, for a built-in set, the
// same set in another language (the same ids and scoring, its own words).
func (s *Set) SameText(hash string) bool {
	if hash == "" || hash == s.Hash {
		return true
	}
	ours, theirs := false, false
	for _, f := range builtins() {
		ours = ours || f.hash() == s.Hash
		theirs = theirs || f.hash() == hash
	}
	return ours && theirs
}

// BuiltinOf returns the language of the built-in set whose text has the
// given hash, and whether there is one.
func BuiltinOf(hash string) (string, bool) {
	for _, f := range builtins() {
		if f.hash() == hash {
			return f.lang, true
		}
	}
	return "", false
}

// BuiltinID returns the id of the built-in sets (every language's is the
// same), without making one.
func BuiltinID() string {
	if snap, ok := snapshots["en"]; ok {
		return snap.id
	}
	s, err := Builtin()
	if err != nil {
		return ""
	}
	return s.ID
}

// Builtin returns the English built-in set, a new copy each call.
func Builtin() (*Set, error) { return BuiltinFor("en") }

// BuiltinFor returns the built-in set in the language that serves lang
// best, a new copy each call.
//
// It is what Load makes of its file, but built from a Go snapshot of that
// result (builtin_gen.go and builtin_LANG_gen.go, written by go generate
// from the files, the one source) rather than by parsing TOML, with the
// set's id, the hash of its file and the placeholders its texts use worked
// out when the snapshot was written; its conditions compile when first
// used, once per text (see lazy.go). The first question then comes at
// about 2.4 times a hello-world process (BenchmarkStart in package main;
// the budget is 3). It is linked by the same link as Load's sets.
// TestBuiltinSnapshot and CI fail when a snapshot is stale; a set with
// none yet is loaded from its TOML.
func BuiltinFor(lang string) (*Set, error) {
	f := builtinIn(lang)
	snap, ok := snapshots[f.lang]
	if !ok {
		return Load(f.name, f.src())
	}
	s := snap.set()
	s.Name = f.name
	s.Hash = snap.hash
	s.link()
	s.usedOnce.Do(func() {
		s.usedNames = make(map[string]bool, len(snap.used))
		for _, n := range snap.used {
			s.usedNames[n] = true
		}
	})
	cc := newCondCompiler(&validator{name: f.name, set: s})
	s.eachCond(func(c *Cond, ctx context, before int) {
		c.lazy = &lazyCond{cc: cc, ctx: ctx, before: before}
	})
	return s, nil
}

// eachCond calls fn with every condition of s, where it stands and the
// asking position it may read up to, as validate compiles them.
func (s *Set) eachCond(fn func(c *Cond, ctx context, before int)) {
	call := func(c *Cond, ctx context, before int) {
		if c != nil {
			fn(c, ctx, before)
		}
	}
	for _, f := range s.Flags {
		call(f.When, inQuiz, flagPosition)
	}
	for _, sec := range s.Sections {
		first := -1
		if len(sec.Questions) > 0 {
			first = sec.Questions[0].Pos
		}
		call(sec.When, inQuiz, first)
		for _, q := range sec.Questions {
			call(q.When, inQuiz, q.Pos)
		}
	}
	for _, v := range s.Verdicts {
		call(v.When, inVerdict, -1)
	}
	for _, st := range s.Steps {
		call(st.When, inReport, -1)
	}
	for _, r := range s.Resources {
		call(r.When, inReport, -1)
	}
	for _, p := range s.Honest {
		call(p.When, inReport, -1)
	}
}
