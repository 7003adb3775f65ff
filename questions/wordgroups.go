package questions

import (
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"
	"sync"

	"amends/internal/text"
	"amends/internal/words"
)

// WordGroup is a set's own placeholders that change together, such as
// {he} {him} {his}, or one such as {friend}: the words the texts are
// written with, and what the person taking the quiz may pick instead.
// Every text may say {name}, or {Name} for a capital first letter.
type WordGroup struct {
	// Names are the placeholders, without braces.
	Names []string `toml:"names"`
	// Written are the words the texts are written with, one per name. A
	// word may be another group's placeholder, as "{him}": it then
	// follows what the person picks for that one.
	Written []string `toml:"written"`
	// Choices are the other words the person may pick, each a list of
	// one word per name, such as ["she", "her", "her"].
	Choices [][]string `toml:"choices"`
	// Own lets the person type a word of their own, such as a name (a
	// group of one name only).
	Own bool `toml:"own"`
	// Ask is the question put to the person; without it, the engine's.
	Ask string `toml:"ask"`
}

// Picked are the words a person picked for a set's placeholders, by
// name; a name left out keeps the set's word.
type Picked map[string]string

// Clean returns the words with text.Clean applied and empty ones
// dropped, for words read from a file a person may have edited.
func (p Picked) Clean() Picked {
	out := Picked{}
	for k, v := range p {
		if v = strings.TrimSpace(text.OneLine(text.Clean(v))); v != "" && k != "" {
			out[k] = v
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// Partner is the old way for a set to give its words, a [partner] table
// of he, him, his and partner: still read, as four placeholders the
// person is not asked about. [[words]] says the same, and more.
type Partner struct {
	He      string `toml:"he" json:"he"`
	Him     string `toml:"him" json:"him"`
	His     string `toml:"his" json:"his"`
	Partner string `toml:"partner" json:"partner"`
}

// Picked returns the words of an answers or progress file's old
// [partner] table as picked words.
func (p Partner) Picked() Picked {
	out := Picked{}
	for k, v := range map[string]string{"he": p.He, "him": p.Him, "his": p.His, "partner": p.Partner} {
		if v != "" {
			out[k] = v
		}
	}
	return out.Clean()
}

// Group returns the group that has the placeholder name, or nil.
func (s *Set) Group(name string) *WordGroup {
	for _, g := range s.Words {
		if slices.Contains(g.Names, name) {
			return g
		}
	}
	return nil
}

// Word returns what the placeholder name (or its capitalised form) says
// with the words p picked, and whether the set has it. A picked word is
// taken as it is; a written one may name another placeholder, which is
// filled in turn.
func (s *Set) Word(name string, p Picked) (string, bool) {
	return s.word(name, p, 0)
}

func (s *Set) word(name string, p Picked, depth int) (string, bool) {
	lower := strings.ToLower(name[:1]) + name[1:]
	capital := lower != name
	g := s.Group(lower)
	if g == nil || depth > len(s.Words) {
		return "", false
	}
	w, ok := p[lower]
	if !ok || strings.TrimSpace(w) == "" {
		i := slices.Index(g.Names, lower)
		if i >= len(g.Written) {
			return "", false
		}
		w = s.fill(g.Written[i], p, depth+1)
	}
	if capital {
		w = text.Capital(w)
	}
	return w, true
}

// Fill replaces the set's placeholders in text with the words p picked,
// and the set's own words for the rest. What is filled in is not read
// again, so a word that holds braces stays as it is.
func (s *Set) Fill(text string, p Picked) string { return s.fill(text, p, 0) }

func (s *Set) fill(t string, p Picked, depth int) string {
	if !strings.Contains(t, "{") || len(s.Words) == 0 {
		return t
	}
	return text.Fill(t, func(name string) (string, bool) { return s.word(name, p, depth) })
}

// Asks reports whether the quiz asks the person about g: it offers
// choices or a word of their own, and some text of the set uses one of
// its placeholders.
func (s *Set) Asks(g *WordGroup) bool {
	if len(g.Choices) == 0 && !g.Own {
		return false
	}
	used := s.used()
	for _, n := range g.Names {
		if used[n] {
			return true
		}
	}
	return false
}

// used returns the placeholders the set's texts use, in lower case,
// found once per set.
func (s *Set) used() map[string]bool {
	s.usedOnce.Do(func() {
		s.usedNames = map[string]bool{}
		walkTexts(reflect.ValueOf(s).Elem(), func(t string) {
			for _, n := range words.Names(t) {
				s.usedNames[strings.ToLower(n[:1])+n[1:]] = true
			}
		})
	})
	return s.usedNames
}

// UsedPlaceholders returns the placeholders the set's texts use, in lower
// case, sorted: for the built-in sets' snapshots, which keep them so that
// start-up need not walk every text.
func (s *Set) UsedPlaceholders() []string {
	return slices.Sorted(maps.Keys(s.used()))
}

var (
	condPtrType = reflect.TypeOf(&Cond{})
	groupType   = reflect.TypeOf(WordGroup{})
)

// walkTexts calls fn with every text in v: strings, in structs, lists
// and maps, but not conditions, nor the words of the groups themselves
// (other than the words they are written with, which may name other
// placeholders).
func walkTexts(v reflect.Value, fn func(string)) {
	switch v.Kind() {
	case reflect.String:
		fn(v.String())
	case reflect.Pointer:
		if !v.IsNil() && v.Type() != condPtrType {
			walkTexts(v.Elem(), fn)
		}
	case reflect.Struct:
		if v.Type() == groupType {
			for _, w := range v.Interface().(WordGroup).Written {
				fn(w)
			}
			return
		}
		for i := 0; i < v.NumField(); i++ {
			if f := v.Type().Field(i); f.IsExported() && f.Tag.Get("toml") != "-" {
				walkTexts(v.Field(i), fn)
			}
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			walkTexts(v.Index(i), fn)
		}
	case reflect.Map:
		iter := v.MapRange()
		for iter.Next() {
			walkTexts(iter.Value(), fn)
		}
	}
}

// usedCache is what used finds, kept with the set.
type usedCache struct {
	usedOnce  sync.Once
	usedNames map[string]bool
}

// placeholderNames returns every placeholder the set has, for messages.
func (s *Set) placeholderNames() []string {
	var out []string
	for _, g := range s.Words {
		out = append(out, g.Names...)
	}
	return out
}

// knownPlaceholder reports whether the set has the placeholder name, in
// lower case or with a capital.
func (s *Set) knownPlaceholder(name string) bool {
	if name == "" {
		return false
	}
	return s.Group(strings.ToLower(name[:1])+name[1:]) != nil
}

var namePattern = idPattern

// wordGroups checks the set's [[words]] and turns an old [partner]
// table into groups.
func (v *validator) wordGroups() {
	s := v.set
	// given scans the whole text for lines; only a text that says
	// partner at all can have an empty [partner] table.
	if s.Partner != (Partner{}) || strings.Contains(v.src, "partner") && v.given("partner") {
		if len(s.Words) > 0 {
			v.at("partner", "[partner] and [[words]] say the same thing; keep [[words]]")
		} else {
			v.legacyPartner()
		}
	}
	seen := map[string]string{}
	for i, g := range s.Words {
		path := fmt.Sprintf("words.%d", i)
		if len(g.Names) == 0 {
			v.atKey(path, "names", "a group of words needs names, the placeholders its texts say, such as names = [\"friend\"]")
			continue
		}
		for j, n := range g.Names {
			np := fmt.Sprintf("%s.names.%d", path, j)
			switch {
			case !namePattern.MatchString(n):
				v.at(np, "name %q should be lower-case letters, digits and _, starting with a letter; a text says {%s}, or with a capital first letter", n, n)
			case seen[n] != "":
				v.at(np, "name %q is in two groups (first at line %d)", n, v.lines().line(seen[n]))
			default:
				seen[n] = np
			}
		}
		if len(g.Written) != len(g.Names) {
			v.atKey(path, "written", "written needs one word for each of the %d names, in the same order", len(g.Names))
		}
		for j, w := range g.Written {
			v.text(join(path, "written"), fmt.Sprint(j), w, true)
		}
		for j, c := range g.Choices {
			cp := fmt.Sprintf("%s.choices.%d", path, j)
			if len(c) != len(g.Names) {
				v.at(cp, "choice %d has %d words; it needs one for each of the %d names", j+1, len(c), len(g.Names))
			}
			for k, w := range c {
				if strings.TrimSpace(w) == "" {
					v.at(cp, "choice %d has an empty word %d", j+1, k+1)
				} else if strings.ContainsAny(w, "{}") {
					v.at(cp, "choice %d: a word to pick cannot hold a placeholder", j+1)
				}
			}
		}
		if g.Own && len(g.Names) != 1 {
			v.at(join(path, "own"), "own lets the person type one word, so its group has one name, not %d", len(g.Names))
		}
		if g.Own && len(g.Choices) > 0 {
			v.at(join(path, "own"), "a group offers choices or a word of the person's own, not both")
		}
		v.text(path, "ask", g.Ask, false)
	}
	for i, g := range s.Words {
		if (len(g.Choices) > 0 || g.Own) && len(g.Names) > 0 && !s.Asks(g) && !v.wordsExcused() {
			v.warn(fmt.Sprintf("words.%d", i), "no text says %s, so the person is never asked about these words", braces(g.Names))
		}
	}
	// A written word may name another group's placeholder, never its
	// own group's, and not in a circle.
	for i, g := range s.Words {
		for j, w := range g.Written {
			for _, n := range words.Names(w) {
				lower := strings.ToLower(n[:1]) + n[1:]
				other := s.Group(lower)
				switch {
				case other == nil && v.wordsExcused():
				case other == nil:
					v.at(fmt.Sprintf("words.%d.written.%d", i, j), "written word %q uses unknown placeholder {%s}%s", w, n, v.suggest(lower, s.placeholderNames()))
				case other == g:
					v.at(fmt.Sprintf("words.%d.written.%d", i, j), "written word %q names its own group's {%s}; write the word itself", w, n)
				case reaches(s, other, g, 0):
					v.at(fmt.Sprintf("words.%d.written.%d", i, j), "written word %q goes round in a circle through {%s}", w, n)
				}
			}
		}
	}
}

// reaches reports whether the written words of from lead, through the
// placeholders they name, to the group to.
func reaches(s *Set, from, to *WordGroup, depth int) bool {
	if depth > len(s.Words) {
		return true
	}
	for _, w := range from.Written {
		for _, n := range words.Names(w) {
			g := s.Group(strings.ToLower(n[:1]) + n[1:])
			if g == to || g != nil && g != from && reaches(s, g, to, depth+1) {
				return true
			}
		}
	}
	return false
}

// legacyPartner reads an old [partner] table as the groups it stands for:
// {he} {him} {his} and {partner}, the person asked about neither.
func (v *validator) legacyPartner() {
	s := v.set
	p := s.Partner
	def := func(s, d string) string {
		if strings.TrimSpace(s) == "" {
			return d
		}
		return s
	}
	for key, w := range map[string]string{"he": p.He, "him": p.Him, "his": p.His, "partner": p.Partner} {
		v.text("partner", key, w, false)
	}
	s.Words = []*WordGroup{
		{Names: []string{"he", "him", "his"}, Written: []string{def(p.He, "he"), def(p.Him, "him"), def(p.His, "his")}},
		{Names: []string{"partner"}, Written: []string{def(p.Partner, def(p.Him, "him"))}},
	}
	s.Partner = Partner{}
	v.warn("partner", "[partner] is the old way to name a set's words, and the person is not asked about them; [[words]] can offer choices (see the README)")
}

// wordsExcused reports whether decoding found the set's [[words]] wrong,
// so that which placeholders it has is not known.
func (v *validator) wordsExcused() bool {
	for p := range v.excused {
		if p == "words" || strings.HasPrefix(p, "words.") {
			return true
		}
	}
	return false
}
