package main

import (
	"flag"
	"os"
	"strings"

	"github.com/BurntSushi/toml"

	"amends/internal/words"
	"amends/questions"
	"amends/quiz"
)

// There is a built-in set per language (questions/builtin.toml,
// builtin_es.toml): the same ids and scoring, each in its own words. Which
// one a command uses is, in order: the one -lang names; for take, the one
// the quiz under way was started in; for score and report, the one the
// answers were given to; then the one the language settings ask for
// (LC_ALL, LC_MESSAGES, LANG); then English. A set file speaks its own
// language, whatever these say.

// langFlag adds -lang to a command's flags.
func langFlag(fs *flag.FlagSet) *string {
	return fs.String("lang", "", "the `language` of the built-in set: "+strings.Join(questions.BuiltinLanguages(), ", ")+" (default: from the language settings, LANG)")
}

// checkLang says what is wrong with a -lang value, as a usage error: a
// language there is no built-in set in, or -lang with a set file, which
// speaks its own language.
func checkLang(cmd, lang, setPath string) error {
	if lang == "" {
		return nil
	}
	if setPath != "" {
		return usagef("%s: -lang chooses the built-in set; the set in %s speaks its own language", cmd, setPath)
	}
	if _, ok := questions.BuiltinLanguage(lang); !ok {
		return usagef("%s: there is no built-in set in %q; there are: %s", cmd, lang, strings.Join(questions.BuiltinLanguages(), ", "))
	}
	return nil
}

// builtinChoice is the language of the built-in set a command uses, and
// what to say of it: when the language settings chose it, or asked for a
// language there is no built-in set in.
type builtinChoice struct {
	lang   string
	notice string
}

// chooseBuiltin picks the built-in set's language: lang (from -lang) when
// given, else kept (the language of the quiz under way, or of the answers
// read), else the language settings, else English.
func chooseBuiltin(lang, kept string) builtinChoice {
	switch {
	case lang != "":
		l, _ := questions.BuiltinLanguage(lang)
		return builtinChoice{lang: l}
	case kept != "":
		l, _ := questions.BuiltinLanguage(kept)
		return builtinChoice{lang: l}
	}
	asked, setting := words.FromLocale(os.Getenv)
	if asked == "" {
		return builtinChoice{lang: "en"}
	}
	l, ok := questions.BuiltinLanguage(asked)
	c := builtinChoice{lang: l}
	book := words.New(l, nil)
	switch {
	case !ok && !strings.HasPrefix(strings.ToLower(asked), "en"):
		c.notice = book.T("builtin_no_language", "setting", setting, "langs", strings.Join(questions.BuiltinLanguages(), ", "))
	case ok && l != "en":
		c.notice = book.T("builtin_by_locale", "setting", setting)
	}
	return c
}

// loadSet loads the set at path, or the built-in set in language lang
// when path is "".
func loadSet(path, lang string) (*questions.Set, error) {
	if path == "" {
		return questions.BuiltinFor(lang)
	}
	return questions.LoadFile(path)
}

// keptLanguage returns the language of the built-in set that the quiz
// under way in stateDir was started in, or "".
func keptLanguage(stateDir string) string {
	if stateDir == "" {
		return ""
	}
	p, err := quiz.LoadProgress(quiz.ProgressPath(stateDir, questions.BuiltinID()))
	if err != nil || p.Source != "" {
		return ""
	}
	if l, ok := questions.BuiltinOf(p.Hash); ok {
		return l
	}
	return p.Language
}

// answersLanguage returns the language of the built-in set the answers
// file at path was given to, by the hash it records, or "".
func answersLanguage(path string) string {
	var head struct {
		Hash string `toml:"hash"`
	}
	b, err := os.ReadFile(path)
	if err != nil || len(b) > 1<<20 {
		return ""
	}
	if _, err := toml.Decode(string(b), &head); err != nil {
		return ""
	}
	l, _ := questions.BuiltinOf(head.Hash)
	return l
}
