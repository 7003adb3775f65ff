package questions

import (
	"fmt"
	"maps"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"amends/internal/text"
)

// validator collects every problem of one set with its line.
type validator struct {
	name     string
	src      string
	reread   func() string // the text again, once src is let go (see CheckFile)
	pos      *positions    // built when the first problem needs a line
	raw      map[string]any
	set      *Set
	problems []Problem
	warnings []Problem           // likely mistakes that Load lets pass
	ids      map[string][]string // known ids by kind, for suggestions
	empty    *Env                // the environment with no answers, built once
	// excused are the paths of keys that decoding found wrong (a value of
	// the wrong type, or a key misspelt as another): what validation would
	// say of them next follows from the problem said already.
	excused map[string]bool
	unsure  map[*Question]bool // see shaky
	cc      *condCompiler      // what compiled the set's conditions
	// neverSaid are the items said never to be asked, by path.
	neverSaid map[string]bool
	texts     texts // what the set's texts are kept in (see decode)
}

// shaky marks a question whose answers decoding could not make out (its
// kind, options, scale or range was found wrong): conditions that read it
// are not judged by what it seems to be.
func (v *validator) shaky(q *Question) {
	if v.unsure == nil {
		v.unsure = map[*Question]bool{}
	}
	v.unsure[q] = true
}

// lostID reports whether decoding lost the id of an item of kind (it was
// not text), so that a reference to an unknown id of that kind may well be
// a reference to it.
func (v *validator) lostID(kind string) bool {
	pattern := map[string]string{"question": "section.question.id", "flag": "flag.id", "dimension": "dimension.id",
		"phase": "phase.id", "verdict": "verdict.id"}[kind]
	for p := range v.excused {
		if withoutIndices(p) == pattern {
			return true
		}
	}
	return false
}

// said notes that the item at path was said never to be asked, so that
// the logic check does not say it again.
func (v *validator) said(path string) {
	if v.neverSaid == nil {
		v.neverSaid = map[string]bool{}
	}
	v.neverSaid[path] = true
}

// given reports whether the set's text has a key at path.
func (v *validator) given(path string) bool {
	_, ok := v.lines().lines[path]
	return ok
}

// excuse marks path as said already.
func (v *validator) excuse(path string) {
	if v.excused == nil {
		v.excused = map[string]bool{}
	}
	v.excused[path] = true
}

// isExcused reports whether path, or a table or list it stands in, was
// found wrong while decoding.
func (v *validator) isExcused(path string) bool {
	if len(v.excused) == 0 {
		return false
	}
	for {
		if v.excused[path] {
			return true
		}
		i := strings.LastIndexByte(path, '.')
		if i < 0 {
			return false
		}
		path = path[:i]
	}
}

// excusedKey reports whether any key named key was found wrong while
// decoding, anywhere in the set: a misspelt flag or points elsewhere
// explains a flag that nothing raises or a dimension that nothing feeds.
func (v *validator) excusedKey(key string) bool {
	for p := range v.excused {
		if p == key || strings.HasSuffix(p, "."+key) || strings.Contains(p, "."+key+".") {
			return true
		}
	}
	return false
}

// lines returns the positions of the set's keys, scanning the text the
// first time: a set without problems never needs them.
func (v *validator) lines() *positions {
	if v.pos == nil {
		src := v.src
		if src == "" && v.reread != nil {
			src = v.reread()
		}
		v.pos = scanPositions(src)
	}
	return v.pos
}

// maxProblems is how many problems an Error lists; past it, a set has a
// problem far earlier than any one line, and finding more costs time.
const maxProblems = 100

// suggest is suggest, until the set has more problems than are shown.
func (v *validator) suggest(got string, candidates []string) string {
	if len(v.problems) >= maxProblems {
		return ""
	}
	return suggest(got, candidates)
}

// known returns the set's ids of one kind, listed once per load.
func (v *validator) known(kind string) []string {
	if l, ok := v.ids[kind]; ok {
		return l
	}
	s := v.set
	var l []string
	switch kind {
	case "question":
		l = s.questionIDs()
	case "dimension":
		l = s.dimensionIDs()
	case "flag":
		l = s.flagIDs()
	case "verdict":
		l = s.verdictIDs()
	case "phase":
		l = phaseIDs(s)
	case "resource":
		for _, r := range s.Resources {
			l = append(l, r.ID)
		}
	case "scale":
		l = slices.Sorted(maps.Keys(s.Scales))
	}
	if v.ids == nil {
		v.ids = map[string][]string{}
	}
	v.ids[kind] = l
	return l
}

// emptyEnv is the environment before any answer, for constant conditions.
func (v *validator) emptyEnv() *Env {
	if v.empty == nil {
		v.empty = v.set.Env(nil, nil)
	}
	return v.empty
}

// warn notes something at path that is likely a mistake but does not
// stop the set from working.
func (v *validator) warn(path, format string, a ...any) {
	if v.isExcused(path) {
		return
	}
	v.warnings = append(v.warnings, Problem{File: v.name, Line: v.lines().line(path), Msg: v.where(path) + fmt.Sprintf(format, a...), Warning: true})
}

func (v *validator) add(line int, format string, a ...any) {
	v.problems = append(v.problems, Problem{File: v.name, Line: line, Msg: fmt.Sprintf(format, a...)})
}

// at reports a problem with the item at path, at the line of path, unless
// decoding found that path wrong already.
func (v *validator) at(path, format string, a ...any) {
	if v.isExcused(path) {
		return
	}
	v.add(v.lines().line(path), v.where(path)+format, a...)
}

// atKey reports a problem about the key of the item at path, at the line
// of the key when it is there and of the item otherwise, unless decoding
// found that key wrong already.
func (v *validator) atKey(path, key, format string, a ...any) {
	if v.isExcused(join(path, key)) {
		return
	}
	v.at(path, format, a...)
}

func (v *validator) err() error {
	return &Error{Problems: capProblems(v.name, v.problems)}
}

// capProblems sorts problems by line and keeps the first maxProblems,
// saying how many more there were.
func capProblems(name string, ps []Problem) []Problem {
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].Line < ps[j].Line })
	if n := len(ps) - maxProblems; n > 0 {
		ps = append(ps[:maxProblems:maxProblems], Problem{File: name,
			Msg: fmt.Sprintf("%d more problems not shown; fix these first", n)})
	}
	return ps
}

var singular = map[string]string{
	"section": "section", "question": "question", "dimension": "dimension", "verdict": "verdict",
	"step": "step", "resource": "resource", "flag": "flag", "phase": "phase", "honest": "honest paragraph",
	"options": "option", "scale": "scale",
}

// where names the innermost item on path by its id, as `question "blame": `,
// so a message says which item even where two share a line. It reads the
// raw TOML while the set is decoded, and the Set after.
func (v *validator) where(path string) string {
	if path == "" {
		return ""
	}
	parts := strings.Split(path, ".")
	var names []string
	var cur any = v.raw
	if v.raw == nil && v.set != nil {
		cur = reflect.ValueOf(v.set)
	}
	for i := 0; i < len(parts); i++ {
		key := parts[i]
		cur = child(cur, key)
		kind, known := singular[key]
		if cur == nil {
			break
		}
		if !known || i+1 >= len(parts) {
			continue
		}
		next := parts[i+1]
		if key == "scale" { // a table of named scales
			names = append(names, fmt.Sprintf("scale %q", next))
			cur, i = child(cur, next), i+1
			continue
		}
		n, err := strconv.Atoi(next)
		if err != nil {
			continue
		}
		el := child(cur, next)
		label := fmt.Sprintf("%s %d", kind, n+1)
		if id := stringAt(el, "id"); id != "" {
			label = fmt.Sprintf("%s %q", kind, id)
		} else if val := stringAt(el, "value"); val != "" {
			label = fmt.Sprintf("%s %q", kind, val)
		}
		if kind == "section" && i+2 < len(parts) && parts[i+2] == "question" {
			label = "" // a question's id is enough
		}
		if label != "" {
			names = append(names, label)
		}
		cur, i = el, i+1
	}
	if len(names) == 0 {
		return ""
	}
	return strings.Join(names, ", ") + ": "
}

// child returns the value under key in a raw TOML value (maps and lists)
// or in a reflect.Value of the decoded Set, or nil.
func child(cur any, key string) any {
	switch c := cur.(type) {
	case map[string]any:
		if e, ok := c[key]; ok {
			return e
		}
	case []map[string]any:
		if n, err := strconv.Atoi(key); err == nil && n >= 0 && n < len(c) {
			return c[n]
		}
	case []any:
		if n, err := strconv.Atoi(key); err == nil && n >= 0 && n < len(c) {
			return c[n]
		}
	case reflect.Value:
		for c.Kind() == reflect.Pointer {
			if c.IsNil() {
				return nil
			}
			c = c.Elem()
		}
		var e reflect.Value
		switch c.Kind() {
		case reflect.Struct:
			if i, ok := fieldsOf(c.Type()).index[key]; ok {
				e = c.Field(i)
			}
		case reflect.Slice:
			if n, err := strconv.Atoi(key); err == nil && n >= 0 && n < c.Len() {
				e = c.Index(n)
			}
		case reflect.Map:
			if c.Type().Key().Kind() == reflect.String {
				e = c.MapIndex(reflect.ValueOf(key).Convert(c.Type().Key()))
			}
		}
		if e.IsValid() {
			return e
		}
	}
	return nil
}

// stringAt returns the text under key in v, or "".
func stringAt(v any, key string) string {
	switch e := child(v, key).(type) {
	case string:
		return e
	case reflect.Value:
		if e.Kind() == reflect.String {
			return e.String()
		}
	}
	return ""
}

var idPattern = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

// semverPattern is the pattern semver.org gives for a version number.
var semverPattern = regexp.MustCompile(`^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$`)

// labelKey is a label as a person reads it: case, and space around and
// between words, make no difference.
func labelKey(l string) string {
	if !spacedOnce(l) {
		l = strings.Join(strings.Fields(l), " ")
	}
	return strings.ToLower(l)
}

// spacedOnce reports whether l is plain ASCII with one space between
// words and none around them, as most labels are: what labelKey would
// make of its spacing is l itself.
func spacedOnce(l string) bool {
	for i := 0; i < len(l); i++ {
		switch c := l[i]; {
		case c >= utf8.RuneSelf, c == '\t', c == '\n', c == '\v', c == '\f', c == '\r':
			return false
		case c == ' ' && (i == 0 || i == len(l)-1 || l[i-1] == ' '):
			return false
		}
	}
	return true
}

// reserved names are the words conditions use for themselves.
var reserved = map[string]bool{
	"dim": true, "composite": true, "has_composite": true, "verdict": true,
	"flagged": true, "answered": true, "scored": true,
	"true": true, "false": true, "nil": true, "in": true, "not": true, "and": true, "or": true,
	"matches": true, "contains": true, "startsWith": true, "endsWith": true, "let": true, "if": true, "else": true,
}

func (v *validator) id(path, what, id string, seen map[string]string) {
	switch {
	case id == "":
		v.atKey(path, "id", "%s needs an id", what)
	case !idPattern.MatchString(id):
		v.at(join(path, "id"), "id %q should be lower-case letters, digits and _, starting with a letter", id)
	case seen == nil:
	case seen[id] != "":
		v.at(join(path, "id"), "id %q is used twice (first at line %d)", id, v.lines().line(join(seen[id], "id")))
	default:
		seen[id] = path // the path of the item, not of its id: that is made only when needed
	}
}

// text checks one text of the set: present when required, no control
// characters, nothing outside the Basic Multilingual Plane (the PDF fonts
// and the terminal cannot both be trusted with it), known placeholders only.
func (v *validator) text(path, key, s string, required bool) {
	blank := strings.TrimSpace(s) == ""
	if blank && !required {
		return
	}
	// What a problem names is worked out only when there is one: a large
	// set has tens of thousands of texts, nearly all of them fine.
	say := func(format string, a ...any) {
		what := quote(key)
		if n, err := strconv.Atoi(key); err == nil {
			what = fmt.Sprintf("label %d", n+1) // a scale's labels
		}
		v.at(join(path, key), "%s "+format, append([]any{what}, a...)...)
	}
	if blank {
		if _, ok := v.lines().lines[join(path, key)]; ok {
			say("is empty")
		} else {
			say("is missing")
		}
		return
	}
	for _, r := range s {
		switch {
		case r == '\n' || r == '\t':
		case r > 0xFFFF:
			say("contains %U %q, outside the Basic Multilingual Plane; emoji and other such characters cannot be shown in every terminal and PDF", r, string(r))
			return
		case text.Unsafe(r):
			say("contains the control character %U%s; texts may hold only printable characters, line breaks and tabs", r, controlName(r))
			return
		}
	}
	if oneLineKey(path, key) {
		switch {
		case strings.ContainsRune(s, '\t'):
			say("contains a tab, which a menu or a heading shows as a wide gap or not at all; use a space")
		case strings.ContainsRune(strings.TrimSpace(s), '\n'):
			say("contains a line break; it is shown on one line, so write it on one")
		}
	}
	if strings.IndexByte(s, '{') < 0 || path == "engine" || strings.HasSuffix(path, ".written") || v.wordsExcused() {
		// The engine's messages have placeholders of their own (engine),
		// written words are checked with their groups (wordGroups), and
		// when decoding found the groups wrong, what they would have
		// named is not known.
		return
	}
	for rest := s; ; {
		whole, name, after, ok := nextPlaceholder(rest)
		if !ok {
			break
		}
		rest = after
		if !v.set.knownPlaceholder(name) {
			if names := v.set.placeholderNames(); len(names) > 0 {
				say("uses unknown placeholder %s; the set's are %s, capitalised or not", whole, braces(names))
			} else {
				say("uses placeholder %s, which the set does not define; name it in [[words]] with the word it stands for", whole)
			}
		}
	}
}

// nextPlaceholder finds the first placeholder in s, as the pattern
// \{([^{}\s]*)\} would: a name without braces or spaces between braces. It
// returns the placeholder whole, its name and the text after it.
func nextPlaceholder(s string) (whole, name, rest string, ok bool) {
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			return "", "", "", false
		}
		j := i + 1
		for j < len(s) && !strings.ContainsRune("{}\t\n\f\r ", rune(s[j])) {
			j++
		}
		if j < len(s) && s[j] == '}' {
			return s[i : j+1], s[i+1 : j], s[j+1:], true
		}
		s = s[j:] // at the next brace or space, or the end
	}
}

// oneLineKey reports whether the text under key is shown on one line: a
// title, a summary, a label a person picks, the words for the partner.
func oneLineKey(path, key string) bool {
	switch key {
	case "title", "summary", "label", "min_label", "max_label", "phone", "site", "hours":
		return true
	}
	return path == "partner" || strings.HasSuffix(path, ".labels") || strings.HasSuffix(path, ".written")
}

// controlName names the control characters an author may type by accident.
func controlName(r rune) string {
	switch r {
	case 0:
		return " (NUL)"
	case 7:
		return " (bell)"
	case 8:
		return " (backspace)"
	case '\r':
		return " (carriage return)"
	case 0x1b:
		return " (escape, which starts terminal control sequences)"
	case 0x7f:
		return " (delete)"
	case 0x85:
		return " (next line)"
	case 0x2028:
		return " (line separator)"
	case 0x2029:
		return " (paragraph separator)"
	case 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069:
		return " (a bidirectional control, which can make a line read other than it is)"
	}
	return ""
}

// validate checks a decoded set whole. It indexes the set first (link),
// as Builtin does, so that every id is known wherever it is used.
func (v *validator) validate() {
	s := v.set
	s.link()
	ix := s.index

	v.id("", "the set", s.ID, nil)
	v.wordGroups()
	v.text("", "title", s.Title, true)
	v.text("", "version", s.Version, true)
	if strings.TrimSpace(s.Version) != "" && !semverPattern.MatchString(s.Version) {
		v.at("version", "version %q is not a version number such as 1.0.0 (major.minor.patch); answers name the version they were given to", s.Version)
	}
	v.text("", "intro", s.Intro, true)
	v.text("", "disclaimer", s.Disclaimer, true)
	if s.Language == "" {
		s.Language = "en"
	}
	v.engine()
	v.font()

	for _, name := range slices.Sorted(maps.Keys(s.Scales)) {
		sc := s.Scales[name]
		path := "scale." + name
		if !idPattern.MatchString(name) {
			v.at(path, "scale name %q should be lower-case letters, digits and _", name)
		}
		if len(sc.Labels) < 2 {
			v.atKey(path, "labels", "a scale needs at least two labels")
		}
		for i, l := range sc.Labels {
			v.text(join(path, "labels"), strconv.Itoa(i), l, true)
		}
		first := map[string]int{}
		for i, l := range sc.Labels {
			k := labelKey(l)
			if j, ok := first[k]; ok && k != "" {
				v.at(join(join(path, "labels"), strconv.Itoa(i)), "labels %d and %d are both %q; a person could not tell the two steps apart", j+1, i+1, strings.TrimSpace(l))
			} else {
				first[k] = i
			}
		}
	}

	seen := map[string]string{}
	for i, d := range s.Dimensions {
		path := fmt.Sprintf("dimension.%d", i)
		v.id(path, "a dimension", d.ID, seen)
		v.text(path, "title", d.Title, true)
		v.text(path, "about", d.About, false)
		v.text(path, "strong", d.Strong, true)
		v.text(path, "weak", d.Weak, true)
		if d.Weight == 0 && !v.given(join(path, "weight")) {
			v.atKey(path, "weight", "weight is missing; give it a number more than 0, such as 1")
		} else if d.Weight <= 0 {
			v.at(join(path, "weight"), "weight must be more than 0, not %g", d.Weight)
		}
	}

	seen = map[string]string{}
	for i, f := range s.Flags {
		path := fmt.Sprintf("flag.%d", i)
		v.id(path, "a flag", f.ID, seen)
		v.text(path, "title", f.Title, true)
		v.text(path, "text", f.Text, true)
		v.text(path, "say", f.Say, false)
		v.text(path, "ends", f.Ends, false)
		if f.Say != "" && !f.AtOnce {
			v.at(join(path, "say"), "say is said only by a flag raised at once; add at_once = true, or move the words to text")
		}
	}

	seen = map[string]string{}
	sectionSeen := map[string]string{}
	for i, sec := range s.Sections {
		path := fmt.Sprintf("section.%d", i)
		v.id(path, "a section", sec.ID, sectionSeen)
		v.text(path, "title", sec.Title, true)
		v.text(path, "intro", sec.Intro, false)
		if len(sec.Questions) == 0 {
			v.atKey(path, "question", "section has no questions")
		}
		for j, q := range sec.Questions {
			qpath := questionPath(i, j)
			v.id(qpath, "a question", q.ID, seen)
			for _, key := range []string{"kind", "options", "scale", "min", "max"} {
				if v.isExcused(join(qpath, key)) {
					v.shaky(q)
				}
			}
			if reserved[q.ID] {
				v.at(join(qpath, "id"), "id %q is a word conditions use for themselves; choose another", q.ID)
			}
		}
	}
	if len(s.order) == 0 && !v.isExcused("section") {
		v.add(0, "set has no questions; add a [[section]] with at least one [[section.question]]")
	}

	fed := map[string]bool{}
	flagRaised := map[string]bool{}
	for i, sec := range s.Sections {
		for j, q := range sec.Questions {
			v.question(questionPath(i, j), q, fed, flagRaised)
		}
	}
	for i, d := range s.Dimensions {
		if d.ID != "" && !fed[d.ID] && !v.excusedKey("dimension") && !v.excusedKey("points") {
			v.at(fmt.Sprintf("dimension.%d", i), "no question feeds this dimension; give a question dimension = %q or option points", d.ID)
		}
	}

	v.scoring()
	v.readiness()
	v.renames()

	seen = map[string]string{}
	for i, p := range s.Phases {
		path := fmt.Sprintf("phase.%d", i)
		v.id(path, "a phase", p.ID, seen)
		v.text(path, "title", p.Title, true)
	}
	seen = map[string]string{}
	for i, vd := range s.Verdicts {
		path := fmt.Sprintf("verdict.%d", i)
		v.id(path, "a verdict", vd.ID, seen)
	}

	cc := newCondCompiler(v)
	v.cc = cc
	v.validateNamed(cc)
	defer v.unusedNamed()
	defer func() {
		// As large as the set, and needed no more: the configuration,
		// with the types of every name, is made again if the logic
		// check meets a part of a condition it leaves to expr.
		v.empty = nil
		cc.config = nil
	}()
	compile := func(path string, c *Cond, ctx context, before int) {
		if c == nil {
			return
		}
		for _, p := range cc.compile(c, ctx, before) {
			v.at(join(path, "when"), "%s", p)
		}
		for _, w := range cc.warnings {
			v.warn(join(path, "when"), "%s", w)
		}
		cc.warnings = cc.warnings[:0]
	}
	for i, f := range s.Flags {
		path := fmt.Sprintf("flag.%d", i)
		compile(path, f.When, inQuiz, flagPosition)
		if f.When != nil {
			flagRaised[f.ID] = true
		}
		if f.ID != "" && !flagRaised[f.ID] && !v.excusedKey("flag") && !v.isExcused(join(path, "when")) {
			v.at(path, "no option raises this flag and it has no condition; name it in an option's flag or give it a when")
		}
	}
	never := map[string]bool{} // questions that can never be asked
	for i, sec := range s.Sections {
		path := fmt.Sprintf("section.%d", i)
		first := -1
		if len(sec.Questions) > 0 {
			first = sec.Questions[0].Pos
		}
		compile(path, sec.When, inQuiz, first)
		secNever := v.never(path, "section", sec.When, never)
		for j, q := range sec.Questions {
			qpath := questionPath(i, j)
			compile(qpath, q.When, inQuiz, q.Pos)
			if secNever {
				never[q.ID] = true
			} else if v.never(qpath, "question", q.When, never) {
				never[q.ID] = true
			}
		}
	}

	if len(s.Verdicts) == 0 && !v.isExcused("verdict") {
		v.add(0, "set has no verdicts; add at least one [[verdict]], the last one with no condition")
	}
	catchAll := -1
	for i, vd := range s.Verdicts {
		path := fmt.Sprintf("verdict.%d", i)
		v.text(path, "title", vd.Title, true)
		v.text(path, "summary", vd.Summary, true)
		v.text(path, "text", vd.Text, true)
		v.text(path, "because", vd.Because, false)
		compile(path, vd.When, inVerdict, -1)
		if catchAll >= 0 {
			v.at(path, "this verdict is never reached, as verdict %q before it always holds", s.Verdicts[catchAll].ID)
			continue
		}
		if vd.When == nil && !v.isExcused(join(path, "when")) || vd.When != nil && (vd.When.constant && vd.When.prog != nil && vd.When.Holds(v.emptyEnv())) {
			catchAll = i
		}
	}
	if last := len(s.Verdicts) - 1; last >= 0 && catchAll < 0 && s.Verdicts[last].When != nil && s.Verdicts[last].When.prog != nil { // else its condition is in error already
		v.at(fmt.Sprintf("verdict.%d.when", last), "the last verdict must always hold (no condition, or when = \"true\"), so that every set of answers gets a verdict")
	}

	named := map[string]bool{}
	for _, st := range s.Steps {
		named[st.Phase] = true
	}
	for i, p := range s.Phases {
		if p.ID != "" && !named[p.ID] && !v.excusedKey("phase") {
			v.warn(fmt.Sprintf("phase.%d", i), "no step names this phase, so it is never shown; give a step phase = %q or remove it", p.ID)
		}
	}
	if len(s.Steps) > 0 && len(s.Phases) == 0 && !v.isExcused("phase") {
		v.add(0, "set has steps but no phases; add [[phase]] tables for the steps to name")
	}
	seen = map[string]string{}
	for i, st := range s.Steps {
		path := fmt.Sprintf("step.%d", i)
		v.id(path, "a step", st.ID, seen)
		v.text(path, "text", st.Text, true)
		v.text(path, "because", st.Because, false)
		if st.Phase == "" {
			v.atKey(path, "phase", "step needs a phase")
		} else if ix.phases[st.Phase] == nil && len(s.Phases) > 0 && !v.lostID("phase") {
			v.at(join(path, "phase"), "unknown phase %q%s", st.Phase, v.suggest(st.Phase, v.known("phase")))
		}
		compile(path, st.When, inReport, -1)
	}
	seen = map[string]string{}
	for i, r := range s.Resources {
		path := fmt.Sprintf("resource.%d", i)
		v.id(path, "a resource", r.ID, seen)
		v.text(path, "title", r.Title, true)
		v.text(path, "text", r.Text, strings.TrimSpace(r.Phone) == "" && strings.TrimSpace(r.Site) == "")
		v.text(path, "phone", r.Phone, false)
		v.text(path, "site", r.Site, false)
		v.text(path, "hours", r.Hours, false)
		compile(path, r.When, inReport, -1)
	}
	for i, f := range s.Flags {
		v.flagResources(fmt.Sprintf("flag.%d.resources", i), f)
	}
	for i, p := range s.Honest {
		path := fmt.Sprintf("honest.%d", i)
		v.text(path, "title", p.Title, true)
		v.text(path, "text", p.Text, true)
		compile(path, p.When, inReport, -1)
	}
}

// questionPath is the path of question j of section i. Every question
// is named more than once, and a large set has many.
func questionPath(i, j int) string {
	return "section." + strconv.Itoa(i) + ".question." + strconv.Itoa(j)
}

// flagResources checks the ids a flag names in resources, at path.
func (v *validator) flagResources(path string, f *Flag) {
	ix := v.set.index
	listed := map[string]bool{}
	for j, id := range f.Resources {
		p := fmt.Sprintf("%s.%d", path, j)
		switch {
		case ix.resources[id] == nil:
			v.at(p, "unknown resource %q%s", id, v.suggest(id, v.known("resource")))
		case listed[id]:
			v.at(p, "resource %q is named twice", id)
		}
		listed[id] = true
	}
}

// never reports, and returns true, when a condition can never hold: it
// is always false, or it reads only questions that are never asked.
func (v *validator) never(path, what string, c *Cond, never map[string]bool) bool {
	if c == nil || c.prog == nil {
		return false
	}
	if c.constant && !c.Holds(v.emptyEnv()) {
		v.at(join(path, "when"), "this %s is never asked, as its condition is always false", what)
		v.said(path)
		return true
	}
	if len(c.questions) > 0 {
		for _, id := range c.questions {
			if !never[id] {
				return false
			}
		}
		v.at(join(path, "when"), "this %s is never asked, as its condition reads only questions that are never asked", what)
		v.said(path)
		return true
	}
	return false
}

func (v *validator) question(path string, q *Question, fed, flagRaised map[string]bool) {
	s := v.set
	v.text(path, "text", q.Text, true)
	v.text(path, "help", q.Help, false)
	v.text(path, "min_label", q.MinLabel, false)
	v.text(path, "max_label", q.MaxLabel, false)
	if q.Weight < 0 {
		v.at(join(path, "weight"), "weight must not be negative, not %g", q.Weight)
	}
	if q.Weight == 0 {
		q.Weight = 1
	}
	switch q.Kind {
	case KindChoice, KindMulti, KindScale, KindNumber, KindText:
	case "":
		v.atKey(path, "kind", "question needs a kind: choice, multi, scale, number or text")
		markRefs(q, fed, flagRaised)
		return
	default:
		v.at(join(path, "kind"), "unknown kind %q%s; the kinds are choice, multi, scale, number and text", q.Kind,
			v.suggest(string(q.Kind), []string{"choice", "multi", "scale", "number", "text"}))
		markRefs(q, fed, flagRaised)
		return
	}
	hasOptions := q.Kind == KindChoice || q.Kind == KindMulti
	if !hasOptions && len(q.Options) > 0 {
		v.at(join(path, "options"), "a %s question takes no options", q.Kind)
	}
	if q.Kind != KindScale && q.Scale != "" {
		v.at(join(path, "scale"), "only a scale question takes a scale")
	}
	if q.Kind != KindNumber && (q.MinLabel != "" || q.MaxLabel != "") {
		v.at(path, "only a number question takes min_label and max_label")
	}
	if (q.Kind == KindChoice || q.Kind == KindScale || q.Kind == KindText) && (q.Min != nil || q.Max != nil) {
		v.at(path, "a %s question takes no min or max", q.Kind)
	}
	switch q.Kind {
	case KindScale:
		if q.Scale == "" {
			v.atKey(path, "scale", "a scale question needs scale = the name of a [scale.NAME] table")
		} else if s.Scales[q.Scale] == nil {
			v.at(join(path, "scale"), "unknown scale %q%s", q.Scale, v.suggest(q.Scale, v.known("scale")))
		}
	case KindNumber:
		if q.Min == nil || q.Max == nil {
			if !v.isExcused(join(path, "min")) && !v.isExcused(join(path, "max")) {
				v.at(path, "a number question needs min and max")
			}
		} else if *q.Min >= *q.Max {
			v.at(join(path, "max"), "max (%d) must be more than min (%d)", *q.Max, *q.Min)
		} else if float64(*q.Max)-float64(*q.Min) > 1000 {
			v.at(join(path, "max"), "a number question's range may span at most 1000")
		}
	case KindMulti:
		lo, hi := s.Range(q)
		switch {
		case v.isExcused(join(path, "options")):
		case lo < 0:
			v.at(join(path, "min"), "min must not be negative, not %d", lo)
		case hi > len(q.Options):
			v.at(join(path, "max"), "max (%d) is more than the number of options (%d)", hi, len(q.Options))
		case lo > hi:
			v.at(join(path, "min"), "min (%d) is more than max (%d)", lo, hi)
		}
	}
	if q.Dimension != "" {
		switch {
		case q.Kind != KindScale && q.Kind != KindNumber:
			v.at(join(path, "dimension"), "only scale and number questions feed a dimension directly; a choice question gives points per option")
		case s.index.dimensions[q.Dimension] == nil && v.lostID("dimension"):
		case s.index.dimensions[q.Dimension] == nil:
			v.at(join(path, "dimension"), "unknown dimension %q%s", q.Dimension, v.suggest(q.Dimension, v.known("dimension")))
		default:
			fed[q.Dimension] = true
		}
	} else if q.Reverse && !v.isExcused(join(path, "dimension")) {
		v.at(join(path, "reverse"), "reverse has no effect without a dimension")
	}
	if !hasOptions {
		return
	}
	tooFew := len(q.Options) < 2
	if tooFew {
		v.atKey(path, "options", "a %s question needs at least two options", q.Kind)
	}
	values := map[string]bool{}
	labels := map[string]string{} // label, compared loosely, to the first option's value
	type span struct {
		lo, hi float64
		n      int    // options that give points to the dimension
		first  string // the first of them
	}
	spans := map[string]*span{}
	unknownDim := false
	for k, o := range q.Options {
		opath := path + ".options." + strconv.Itoa(k)
		switch {
		case o.Value == "":
			v.at(opath, "option %d needs a value", k+1)
		case values[o.Value]:
			v.at(opath, "option value %q is used twice", o.Value)
		}
		if k := labelKey(o.Label); k != "" {
			if first, ok := labels[k]; ok {
				v.at(join(opath, "label"), "options %q and %q have the same label %q; a person could not tell them apart", first, o.Value, strings.TrimSpace(o.Label))
			} else {
				labels[k] = o.Value
			}
		}
		values[o.Value] = true
		v.text(opath, "label", o.Label, true)
		v.text(opath, "help", o.Help, false)
		if o.Flag != "" {
			if s.index.flags[o.Flag] == nil && v.lostID("flag") {
			} else if s.index.flags[o.Flag] == nil {
				v.at(join(opath, "flag"), "unknown flag %q%s", o.Flag, v.suggest(o.Flag, v.known("flag")))
			} else {
				flagRaised[o.Flag] = true
			}
		}
		if len(o.Points) > 0 && q.Kind == KindMulti {
			v.at(join(opath, "points"), "only choice options give points; a multi question may raise flags")
			continue
		}
		for _, d := range slices.Sorted(maps.Keys(o.Points)) {
			if s.index.dimensions[d] == nil {
				if v.lostID("dimension") {
					unknownDim = true
					continue
				}
				v.at(join(opath, "points"), "points for unknown dimension %q%s", d, v.suggest(d, v.known("dimension")))
				unknownDim = true
				continue
			}
			p := o.Points[d]
			if sp := spans[d]; sp == nil {
				spans[d] = &span{p, p, 1, o.Value}
			} else {
				sp.lo, sp.hi, sp.n = min(sp.lo, p), max(sp.hi, p), sp.n+1
			}
		}
	}
	for _, d := range slices.Sorted(maps.Keys(spans)) {
		sp := spans[d]
		switch {
		case sp.lo != sp.hi:
		case tooFew || unknownDim || v.excusedPoints(path, q, d): // the cause is said already
		case sp.n == 1:
			v.at(path, "only option %q gives points to %q, so the answer cannot move it; an option without points for a dimension does not count for it", sp.first, d)
			continue
		case sp.n == len(q.Options):
			v.at(path, "every option gives %g points to %q, so the answer cannot move it", sp.lo, d)
			continue
		default:
			v.at(path, "every option that gives points to %q gives %g, so the answer cannot move it; an option without points for a dimension does not count for it", d, sp.lo)
			continue
		}
		fed[d] = true
	}
}

// excusedPoints reports whether decoding found wrong the points any
// option of q gives to dim.
func (v *validator) excusedPoints(path string, q *Question, dim string) bool {
	for k := range q.Options {
		if v.isExcused(fmt.Sprintf("%s.options.%d.points.%s", path, k, dim)) {
			return true
		}
	}
	return false
}

// markRefs counts the dimensions and flags a question names as fed and
// raised, when the question is in error already, so that its error does
// not bring others after it.
func markRefs(q *Question, fed, flagRaised map[string]bool) {
	if q.Dimension != "" {
		fed[q.Dimension] = true
	}
	for _, o := range q.Options {
		if o.Flag != "" {
			flagRaised[o.Flag] = true
		}
		for d := range o.Points {
			fed[d] = true
		}
	}
}

func (v *validator) scoring() {
	s := v.set
	sc := &s.Scoring
	if sc.MinAnswered == 0 {
		sc.MinAnswered = 0.5
	} else if sc.MinAnswered < 0 || sc.MinAnswered > 1 {
		v.at("scoring.min_answered", "min_answered is a share between 0 and 1, not %g", sc.MinAnswered)
	}
	if sc.MinDimensions == 0 {
		sc.MinDimensions = len(s.Dimensions)
	} else if sc.MinDimensions < 0 || sc.MinDimensions > len(s.Dimensions) {
		v.at("scoring.min_dimensions", "min_dimensions must be between 1 and the number of dimensions (%d), not %d", len(s.Dimensions), sc.MinDimensions)
	}
	if len(sc.Bands) == 0 {
		sc.Bands = []float64{40, 70}
	} else if len(sc.Bands) != 2 || !(0 < sc.Bands[0] && sc.Bands[0] < sc.Bands[1] && sc.Bands[1] <= 100) {
		v.at("scoring.bands", "bands are two cut points between 0 and 100, the first lower, such as [40, 70]")
	}
}

func (v *validator) readiness() {
	s := v.set
	r := s.Readiness
	check := func(key, id string, kinds ...Kind) {
		if id == "" {
			return
		}
		q := s.index.questions[id]
		if q == nil && v.lostID("question") {
			return
		}
		if q == nil {
			v.at("readiness."+key, "unknown question %q%s", id, v.suggest(id, v.known("question")))
			return
		}
		for _, k := range kinds {
			if q.Kind == k {
				return
			}
		}
		v.at("readiness."+key, "question %q is a %s question; %s needs a %s question", id, q.Kind, key, kinds[0])
	}
	check("stage", r.Stage, KindChoice, KindScale)
	check("importance", r.Importance, KindNumber, KindScale)
	check("confidence", r.Confidence, KindNumber, KindScale)
	v.text("readiness", "reflection", r.Reflection, false)
}

func phaseIDs(s *Set) []string {
	out := make([]string, len(s.Phases))
	for i, p := range s.Phases {
		out[i] = p.ID
	}
	return out
}
