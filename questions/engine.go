package questions

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"amends/internal/words"
)

// Book returns the words the engine speaks with for this set: the
// catalogue of its language, with the set's own [engine] messages over it.
// Placeholders of the set's own ({he}, {partner}) are left for Fill.
func (s *Set) Book() *words.Book { return words.New(s.Language, s.Engine) }

// BookFor is Book, with the set's own placeholders filled in a message
// as Fill fills them with the words p.
func (s *Set) BookFor(p Picked) *words.Book {
	return s.Book().WithWords(func(name string) (string, bool) { return s.Word(name, p) })
}

// engine checks the set's language and its [engine] messages: known ids,
// the placeholders the engine fills and no others but the set's own, and
// plural forms that the set's language tells apart. An empty message is
// the set leaving a sentence out.
func (v *validator) engine() {
	s := v.set
	lang := strings.TrimSpace(s.Language)
	if _, ok := words.Match(lang); !ok {
		if !validTag(lang) {
			v.at("language", "language %q is not a language tag such as \"en\", \"es\" or \"pt-BR\"", s.Language)
		} else {
			v.warn("language", "amends has no words of its own in %q (it has %s); what the engine says and [engine] does not give will be in English",
				lang, strings.Join(words.Languages(), ", "))
		}
	}
	ids := words.IDs()
	for _, id := range sortedMsgIDs(s.Engine) {
		path := "engine." + id
		m := s.Engine[id]
		if !words.Known(id) {
			v.at(path, "unknown message %q%s", id, v.suggest(id, ids))
			continue
		}
		en, _ := words.Message(words.Fallback, id)
		want := en.Placeholders()
		for _, f := range words.Forms {
			t, ok := m.Forms[f]
			if !ok {
				continue
			}
			if strings.TrimSpace(t) == "" {
				continue // the set leaves the sentence out
			}
			v.text("engine", id, t, false)
			got := words.Names(t)
			for _, name := range want {
				if !slices.Contains(got, name) {
					v.at(path, "message %q lacks {%s}, which the engine fills in", id, name)
				}
			}
			for _, name := range got {
				if !slices.Contains(want, name) && !s.knownPlaceholder(name) {
					v.at(path, "message %q has {%s}, which the engine does not fill in; it fills %s", id, name, braces(want))
				}
			}
		}
		if m.Plural() && !en.Plural() {
			v.at(path, "message %q says no count, so it takes one text, not plural forms", id)
		} else if m.Plural() {
			for _, f := range words.FormsOf(lang) {
				if _, ok := m.Forms[f]; !ok {
					v.warn(path, "message %q has no %q form, which %q uses; the \"other\" form is used instead", id, f, lang)
				}
			}
		}
	}
}

func validTag(l string) bool {
	if l == "" {
		return false
	}
	for _, part := range strings.Split(l, "-") {
		if len(part) == 0 || len(part) > 8 {
			return false
		}
		for _, r := range part {
			if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
				return false
			}
		}
	}
	return true
}

func braces(names []string) string {
	if len(names) == 0 {
		return "none"
	}
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = "{" + n + "}"
	}
	return strings.Join(out, " ")
}

func sortedMsgIDs(m map[string]words.Msg) []string {
	ids := make([]string, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

// decodeMsg reads one message of the [engine] table.
func decodeMsg(val any, path string, v *validator) (words.Msg, bool) {
	m, err := words.Parse(val)
	if err != nil {
		v.add(v.lines().line(path), "%s%s", "message "+quote(path[strings.LastIndexByte(path, '.')+1:])+": ", fmt.Sprint(err))
		v.excuse(path)
		return words.Msg{}, false
	}
	return m, true
}

// FontPath returns the font the set names, as a path from where amends
// runs: relative paths are from the set's own folder. "" when none.
func (s *Set) FontPath() string {
	if strings.TrimSpace(s.Font) == "" {
		return ""
	}
	if filepath.IsAbs(s.Font) {
		return s.Font
	}
	return filepath.Join(filepath.Dir(s.Name), filepath.FromSlash(s.Font))
}

// font checks that the font the set names is a file that can be read.
func (v *validator) font() {
	p := v.set.FontPath()
	if p == "" {
		return
	}
	fi, err := os.Stat(p)
	switch {
	case err != nil:
		v.at("font", "font %q: %s; give the path of a TrueType file (.ttf), from the set's folder", v.set.Font, fileCause(err))
	case fi.IsDir():
		v.at("font", "font %q is a folder; give the path of a TrueType file (.ttf)", v.set.Font)
	}
}

func fileCause(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	if errors.Is(err, fs.ErrNotExist) {
		return "no such file"
	}
	return err.Error()
}
