// Package words holds the engine's own words: everything amends says
// itself rather than read from a question set — prompts and hints, notices,
// the headings and sentences of a report, band names, dates — in one
// catalogue per language (en.toml and es.toml beside this file).
//
// A message has an id and a text with named placeholders, "{section} —
// question {n} of {total}", which the engine fills. A message that says a
// count has plural forms, chosen by the number in {n} with the language's
// own rules (CLDR, from golang.org/x/text/feature/plural). A question set
// may give any message in its own words in an [engine] table, by id, in the
// same form; what it leaves out comes from the catalogue of its language,
// and what that lacks from English.
//
// To add a message: give it an id and its English text in en.toml, the
// Spanish in es.toml (TestCatalogues holds the two to the same ids and
// placeholders, and every id the code asks for to the catalogues), run
// go generate ./internal/words, and call Book.T with the id and the
// placeholders' values. amends reads the catalogues from the Go that go
// generate writes of them (catalogue_gen.go), so that it starts without
// parsing TOML; TestCatalogueSnapshot and CI fail when that file is stale.
//
// The package knows no question set; every other package may import it.
package words

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"

	"amends/internal/text"
)

//go:generate go run gen_catalogue.go

// Fallback is the language whose catalogue has every message; the
// others may lack some, which then come from it.
const Fallback = "en"

// Forms are the CLDR plural categories, in the order a message lists them.
var Forms = []string{"zero", "one", "two", "few", "many", "other"}

// Msg is one message: a text, or a text per plural form.
type Msg struct {
	// Forms holds the text by plural category ("one", "other", ...);
	// a message without plural forms has only "other".
	Forms map[string]string
}

// Text returns a message with one text for every count.
func Text(s string) Msg { return Msg{Forms: map[string]string{"other": s}} }

// Plural reports whether m has forms besides "other".
func (m Msg) Plural() bool { return len(m.Forms) > 1 }

// Parse reads a message from a decoded TOML value: text, or a table of
// plural forms that has at least "other".
func Parse(v any) (Msg, error) {
	switch x := v.(type) {
	case string:
		return Text(x), nil
	case map[string]any:
		m := Msg{Forms: map[string]string{}}
		for _, k := range sortedKeys(x) {
			if !isForm(k) {
				return Msg{}, fmt.Errorf("%q is not a plural form; the forms are %s", k, strings.Join(Forms, ", "))
			}
			s, ok := x[k].(string)
			if !ok {
				return Msg{}, fmt.Errorf("form %q should be text in quotes", k)
			}
			m.Forms[k] = s
		}
		if _, ok := m.Forms["other"]; !ok {
			return Msg{}, fmt.Errorf("a message with plural forms needs \"other\", the form for any count")
		}
		return m, nil
	}
	return Msg{}, fmt.Errorf("a message should be text in quotes, or a table of plural forms such as { one = \"...\", other = \"...\" }")
}

func isForm(k string) bool {
	for _, f := range Forms {
		if f == k {
			return true
		}
	}
	return false
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// shippedCatalogue is one shipped language's catalogue, as
// catalogue_gen.go has it: msgs makes its messages, when first needed.
type shippedCatalogue struct {
	lang string
	msgs func() map[string]Msg
}

// catalogue is the messages of one shipped language.
type catalogue struct {
	tag  language.Tag
	msgs map[string]Msg
}

// shipped are the catalogues amends has, English first; catalogue_gen.go
// fills it in.
var shipped []shippedCatalogue

var (
	loadOnce sync.Once
	langs    []string
	matcher  language.Matcher
	parsed   sync.Map // language to *catalogue, once made
)

func load() {
	tags := make([]language.Tag, len(shipped))
	for i, c := range shipped {
		langs = append(langs, c.lang) // English first: the matcher's default
		tags[i] = language.Make(c.lang)
	}
	matcher = language.NewMatcher(tags)
}

// messagesOf returns the catalogue of the shipped language l, made once;
// a language amends has none of has no messages.
func messagesOf(l string) *catalogue {
	if c, ok := parsed.Load(l); ok {
		return c.(*catalogue)
	}
	c := &catalogue{tag: language.Make(l), msgs: map[string]Msg{}}
	for _, s := range shipped {
		if s.lang == l {
			c.msgs = s.msgs()
		}
	}
	got, _ := parsed.LoadOrStore(l, c)
	return got.(*catalogue)
}

// Languages returns the languages amends has a catalogue for, English first.
func Languages() []string {
	loadOnce.Do(load)
	return append([]string(nil), langs...)
}

// Match returns the shipped language that serves the language tag lang
// best ("es" for "es-MX"), and whether there is one: for a language amends
// has no catalogue of, it returns English and false.
func Match(lang string) (string, bool) {
	for _, c := range shipped {
		if lang == c.lang {
			return lang, true // as the matcher would say, without making one
		}
	}
	loadOnce.Do(load)
	t, err := language.Parse(strings.ReplaceAll(strings.TrimSpace(lang), "_", "-"))
	if err != nil || lang == "" {
		return Fallback, lang == ""
	}
	_, i, conf := matcher.Match(t)
	if conf == language.No {
		return Fallback, false
	}
	return langs[i], true
}

// IDs returns every message id, in order.
func IDs() []string {
	c := messagesOf(Fallback)
	ids := make([]string, 0, len(c.msgs))
	for id := range c.msgs {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// Known reports whether id is the id of a message.
func Known(id string) bool {
	_, ok := messagesOf(Fallback).msgs[id]
	return ok
}

// Message returns the message id of the shipped language l, falling back
// to English, and whether there is one.
func Message(l, id string) (Msg, bool) {
	if m, ok := messagesOf(l).msgs[id]; ok {
		return m, true
	}
	m, ok := messagesOf(Fallback).msgs[id]
	return m, ok
}

// Placeholders returns the placeholders the English text of message id
// has, in every form, sorted; an override must have the same.
func Placeholders(id string) []string {
	m, _ := messagesOf(Fallback).msgs[id]
	return m.Placeholders()
}

// Placeholders returns the names of the placeholders in every form of m,
// sorted, each once.
func (m Msg) Placeholders() []string {
	seen := map[string]bool{}
	for _, s := range m.Forms {
		for _, name := range Names(s) {
			seen[name] = true
		}
	}
	out := make([]string, 0, len(seen))
	for n := range seen {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// Names returns the names of the placeholders in s, in order, as written.
func Names(s string) []string {
	var out []string
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			return out
		}
		s = s[i+1:]
		j := strings.IndexAny(s, "{}")
		if j < 0 {
			return out
		}
		if s[j] == '}' && isName(s[:j]) {
			out = append(out, s[:j])
		}
		s = s[j:]
	}
}

// isName reports whether s can be a placeholder's name: a letter, then
// letters, digits and _.
func isName(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		switch {
		case r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z':
		case i > 0 && (r >= '0' && r <= '9' || r == '_'):
		default:
			return false
		}
	}
	return true
}

// FormsOf returns the plural forms the language lang tells apart among
// whole numbers, and "other", in the order of Forms.
func FormsOf(lang string) []string {
	t := language.Make(lang)
	seen := map[plural.Form]bool{plural.Other: true}
	for n := 0; n <= 1000; n++ {
		seen[plural.Cardinal.MatchPlural(t, n, 0, 0, 0, 0)] = true
	}
	seen[plural.Cardinal.MatchPlural(t, 1000000, 0, 0, 0, 0)] = true
	var out []string
	for _, f := range Forms {
		if seen[formOf(f)] {
			out = append(out, f)
		}
	}
	return out
}

func formOf(name string) plural.Form {
	switch name {
	case "zero":
		return plural.Zero
	case "one":
		return plural.One
	case "two":
		return plural.Two
	case "few":
		return plural.Few
	case "many":
		return plural.Many
	}
	return plural.Other
}

func formName(f plural.Form) string {
	switch f {
	case plural.Zero:
		return "zero"
	case plural.One:
		return "one"
	case plural.Two:
		return "two"
	case plural.Few:
		return "few"
	case plural.Many:
		return "many"
	}
	return "other"
}

// Book is the words one question set speaks with: the catalogue of its
// language, the set's own [engine] messages over it, and English under
// both. A Book is read-only; one may serve many sessions at once.
type Book struct {
	tag     language.Tag // the set's language, as it gave it
	lang    string       // the shipped catalogue used
	over    map[string]Msg
	words   func(name string) (string, bool)
	printer *message.Printer
}

// New returns the book for a set in language lang ("" is English) with
// the set's own messages over (nil for none).
func New(lang string, over map[string]Msg) *Book {
	l, _ := Match(lang)
	t, err := language.Parse(strings.ReplaceAll(strings.TrimSpace(lang), "_", "-"))
	if err != nil || lang == "" {
		t = language.Make(l)
	}
	return &Book{tag: t, lang: l, over: over, printer: message.NewPrinter(t)}
}

// English is the book of a set that says nothing of its own.
func English() *Book { return New(Fallback, nil) }

var defaultBook = sync.OnceValue(English)

// Or returns b, or the English book when b is nil, so that a Result made
// without a set still has words.
func (b *Book) Or() *Book {
	if b == nil {
		return defaultBook()
	}
	return b
}

// Lang returns the set's language as a BCP 47 tag, for a PDF's /Lang or
// an HTML lang attribute.
func (b *Book) Lang() string { return b.Or().tag.String() }

// Catalogue returns the shipped language whose words the book uses.
func (b *Book) Catalogue() string { return b.Or().lang }

// WithWords returns a copy of b that fills the set's own placeholders
// ({he}, {friend}...) left in a message with what lookup gives for them.
func (b *Book) WithWords(lookup func(name string) (string, bool)) *Book {
	c := *b.Or()
	c.words = lookup
	return &c
}

// Msg returns the message id as this book has it.
func (b *Book) Msg(id string) (Msg, bool) {
	b = b.Or()
	if m, ok := b.over[id]; ok {
		return m, true
	}
	return Message(b.lang, id)
}

// T returns the message id with its placeholders filled from args, given
// as name, value pairs: T("progress", "section", title, "n", 3, "total", 9).
// The number in "n" chooses a plural form. Whole numbers and decimals are
// written as the language writes them. A placeholder that is neither in
// args nor one of the set's words stays as it is; an id no catalogue has
// comes back in brackets, which a test catches.
func (b *Book) T(id string, args ...any) string {
	b = b.Or()
	m, ok := b.Msg(id)
	if !ok {
		return "[" + id + "]"
	}
	vals := make(map[string]any, len(args)/2)
	for i := 0; i+1 < len(args); i += 2 {
		if k, ok := args[i].(string); ok {
			vals[k] = args[i+1]
		}
	}
	s := m.Forms["other"]
	if m.Plural() {
		if n, ok := vals["n"]; ok {
			if f, ok := m.Forms[b.form(n)]; ok {
				s = f
			}
		}
	}
	return b.fill(s, vals)
}

// form names the plural form of a count in the book's language.
func (b *Book) form(n any) string {
	var i int
	switch x := n.(type) {
	case int:
		i = x
	case int64:
		i = int(x)
	default:
		return "other"
	}
	if i < 0 {
		i = -i
	}
	return formName(plural.Cardinal.MatchPlural(b.tag, i%10000000, 0, 0, 0, 0))
}

// fill replaces the placeholders of s in one pass: what is filled in is
// never read again, so a value holding braces stays as it is.
func (b *Book) fill(s string, vals map[string]any) string {
	return text.Fill(s, func(name string) (string, bool) {
		if v, ok := vals[name]; ok {
			return b.format(v), true
		}
		return b.word(name)
	})
}

func (b *Book) word(name string) (string, bool) {
	if b.words == nil {
		return "", false
	}
	return b.words(name)
}

// format writes a value as the language writes it.
func (b *Book) format(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case int:
		return b.printer.Sprint(number.Decimal(x))
	case int64:
		return b.printer.Sprint(number.Decimal(x))
	case float64:
		return b.printer.Sprint(number.Decimal(x))
	}
	return fmt.Sprint(v)
}

// Number writes a number as the language writes it.
func (b *Book) Number(v any) string { return b.Or().format(v) }

// Date writes a day as the language writes it: "25 November 2026".
func (b *Book) Date(t time.Time) string {
	b = b.Or()
	return b.T("date", "day", strconv.Itoa(t.Day()), "month", b.T("month_"+strconv.Itoa(int(t.Month()))),
		"year", strconv.Itoa(t.Year()))
}
