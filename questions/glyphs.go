package questions

import (
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
)

// Glyphs adds a warning when the font a report of the set will be set in
// cannot draw characters its texts use, or the engine's words in its
// language (extra): a PDF shows those as empty boxes. font names the font;
// missing says which characters of a text it lacks. The warning stands at
// the first text with such a character, and names the scripts.
func (c *Checked) Glyphs(font string, missing func(text string) []rune, extra []string) {
	if c.Set == nil || c.v == nil || missing == nil {
		return
	}
	var lacks []rune
	seen := map[rune]bool{}
	firstPath := ""
	// Most texts are printable ASCII, which most fonts draw whole: then
	// such a text lacks nothing, and a large set need not be gone through
	// character by character.
	ascii := len(missing(printableASCII)) == 0
	add := func(at keyAt, t string) {
		if ascii && isPrintableASCII(t) {
			return
		}
		for _, r := range missing(t) {
			if !seen[r] {
				seen[r] = true
				lacks = append(lacks, r)
				if firstPath == "" {
					firstPath = at.path()
				}
			}
		}
	}
	c.Set.eachText(add)
	for _, t := range extra {
		add(keyAt{}, t)
	}
	if len(lacks) == 0 {
		return
	}
	line := 0
	if firstPath != "" {
		line = c.v.lines().line(firstPath)
	}
	hint := "name a TrueType font that draws them with font = \"FILE.ttf\" in the set (a path from its folder), or -font FILE.ttf"
	if c.Set.Font != "" {
		hint = "name a font in font = that draws them, or -font FILE.ttf"
	}
	c.Problems = capProblems(c.Set.Name, append(c.Problems, Problem{File: c.Set.Name, Line: line, Warning: true,
		Msg: fmt.Sprintf("the report's font, %s, cannot draw %s the set uses (%s), which the PDF would show as empty boxes; %s",
			font, characters(len(lacks)), scripts(lacks), hint)}))
}

func characters(n int) string {
	if n == 1 {
		return "1 character"
	}
	return strconv.Itoa(n) + " characters"
}

// Add adds a problem at the line of the key at path ("" for the file), as
// an error or a warning, for what a caller checks beyond Check.
func (c *Checked) Add(path, msg string, warning bool) {
	line := 0
	if path != "" && c.v != nil {
		line = c.v.lines().line(path)
	}
	name := ""
	if c.Set != nil {
		name = c.Set.Name
	}
	c.Problems = capProblems(name, append(c.Problems, Problem{File: name, Line: line, Msg: msg, Warning: warning}))
}

// scripts names the scripts of rs with a few of their characters each:
// "Hebrew: ש ל ו ם; Han: 你 好".
func scripts(rs []rune) string {
	by := map[string][]rune{}
	var names []string
	for _, r := range rs {
		name := "other"
		for n, t := range unicode.Scripts {
			if unicode.Is(t, r) {
				name = n
				break
			}
		}
		if by[name] == nil {
			names = append(names, name)
		}
		by[name] = append(by[name], r)
	}
	sort.SliceStable(names, func(i, j int) bool { return len(by[names[i]]) > len(by[names[j]]) })
	var parts []string
	for _, n := range names {
		chars := by[n]
		more := ""
		if len(chars) > 8 {
			chars, more = chars[:8], " …"
		}
		s := make([]string, len(chars))
		for i, r := range chars {
			s[i] = string(r)
		}
		parts = append(parts, n+": "+strings.Join(s, " ")+more)
	}
	return strings.Join(parts, "; ")
}

// printableASCII is every printable ASCII character.
var printableASCII = func() string {
	b := make([]byte, 0, 0x7f-0x20)
	for c := byte(0x20); c < 0x7f; c++ {
		b = append(b, c)
	}
	return string(b)
}()

// isPrintableASCII reports whether t holds only printable ASCII, line
// breaks and tabs, which a font that draws printable ASCII draws whole
// (it draws no line break or tab: nothing does).
func isPrintableASCII(t string) bool {
	for i := 0; i < len(t); i++ {
		if c := t[i]; (c < 0x20 || c >= 0x7f) && c != '\n' && c != '\t' {
			return false
		}
	}
	return true
}

// eachText calls fn with every text of the set that a report or the quiz
// may show, and where it stands, whose path is as the validator names it
// (section.0.title): every string but ids, values, kinds, names and
// conditions.
func (s *Set) eachText(fn func(at keyAt, text string)) {
	walkPath(reflect.ValueOf(s).Elem(), keyAt{}, fn)
}

// textFields lists a struct type's fields that hold texts, by index and
// TOML key, once per type.
var textFields sync.Map // reflect.Type to []textField

type textField struct {
	index int
	key   string
}

func textFieldsOf(t reflect.Type) []textField {
	if f, ok := textFields.Load(t); ok {
		return f.([]textField)
	}
	var out []textField
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := strings.Split(f.Tag.Get("toml"), ",")[0]
		if !f.IsExported() || tag == "" || tag == "-" || notText[tag] {
			continue
		}
		out = append(out, textField{i, tag})
	}
	textFields.Store(t, out)
	return out
}

// notText are the keys whose strings a person never reads.
var notText = map[string]bool{"id": true, "value": true, "kind": true, "scale": true, "dimension": true,
	"phase": true, "flag": true, "names": true, "version": true, "language": true, "font": true,
	"stage": true, "importance": true, "confidence": true, "resources": true}

// walkPath walks v, which stands at at. Paths are joined for what holds
// more below it, not for each text: a problem names them, seldom.
func walkPath(v reflect.Value, at keyAt, fn func(at keyAt, text string)) {
	switch v.Kind() {
	case reflect.String:
		if v.String() != "" {
			fn(at, v.String())
		}
	case reflect.Pointer:
		if !v.IsNil() && v.Type() != condPtrType {
			walkPath(v.Elem(), at, fn)
		}
	case reflect.Struct:
		path := at.path()
		for _, f := range textFieldsOf(v.Type()) {
			walkPath(v.Field(f.index), keyAt{path, f.key}, fn)
		}
	case reflect.Slice:
		path := at.path()
		for i := 0; i < v.Len(); i++ {
			walkPath(v.Index(i), keyAt{path, strconv.Itoa(i)}, fn)
		}
	case reflect.Map:
		path := at.path()
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		for _, k := range keys {
			walkPath(v.MapIndex(k), keyAt{path, k.String()}, fn)
		}
	}
}
