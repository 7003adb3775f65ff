package questions

import (
	"crypto/sha256"
	_ "embed"
	"encoding"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"os"
	"reflect"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"amends/internal/text"
	"amends/internal/words"
)

// MaxSize is the largest set file Load accepts. The built-in set is a few
// dozen kilobytes; a file far larger is a mistake, not a question set.
const MaxSize = 4 << 20

// BuiltinSource returns the TOML source of the English built-in set,
// comments and all (BuiltinSourceFor gives the others).
func BuiltinSource() []byte {
	_, src := BuiltinSourceFor("en")
	return src
}

//go:embed minimal.toml
var minimalSource []byte

// MinimalSource returns the smallest set that amends check passes with
// nothing to say, each part explained once, for amends new -minimal.
func MinimalSource() []byte { return append([]byte(nil), minimalSource...) }

// BuiltinName is how messages name the English built-in set.
const BuiltinName = "builtin.toml"

// Problem is one thing wrong with a set, at a line of its file.
type Problem struct {
	File string
	Line int // 0 when the problem belongs to the whole file
	Msg  string
	// Warning marks what is likely a mistake but does not stop the set
	// from working: Load says nothing of it; Check does.
	Warning bool
}

func (p Problem) String() string {
	msg := p.Msg
	if p.Warning {
		msg = "warning: " + msg
	}
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", p.File, p.Line, msg)
	}
	return fmt.Sprintf("%s: %s", p.File, msg)
}

// Error is every problem found in a set, in the order of its lines.
type Error struct {
	Problems []Problem
}

// Error returns the problems one to a line.
func (e *Error) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// LoadFile reads and loads the set at path. Messages name the file as path.
func LoadFile(path string) (*Set, error) {
	src, err := readSet(path)
	if err != nil {
		return nil, err
	}
	return Load(path, src)
}

// readSet reads the file at path, or as much of it as shows that it is
// larger than MaxSize.
func readSet(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fileError(path, err)
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() && fi.Size() > MaxSize {
		return make([]byte, MaxSize+1), nil // refused for its size, unread
	}
	src, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return nil, fileError(path, err)
	}
	return src, nil
}

func fileError(path string, err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return &Error{Problems: []Problem{{File: path, Msg: "cannot read: " + err.Error()}}}
}

// Load parses src as a question set named name, checks it whole, and
// returns either a set ready to use or an *Error listing every problem
// found, each with its line.
func Load(name string, src []byte) (*Set, error) {
	s, v, err := load(name, src)
	if err != nil {
		return nil, err
	}
	if len(v.problems) > 0 {
		return nil, v.err()
	}
	return s, nil
}

// load reads src as Load does, but returns the set and its validator even
// when validation found problems, so that Check can go on to what the
// set's rules can reach. The error is for a file that is not a set at all
// (too large, not UTF-8 or TOML, none of a set's keys): then there is no
// set to look further into.
func load(name string, src []byte) (*Set, *validator, error) {
	fail := func(line int, format string, a ...any) error {
		return &Error{Problems: []Problem{{File: name, Line: line, Msg: fmt.Sprintf(format, a...)}}}
	}
	if len(src) > MaxSize {
		return nil, nil, fail(0, "file is larger than %d MiB; a question set is a small text file", MaxSize>>20)
	}
	if !utf8.Valid(src) {
		at := firstInvalidUTF8(src)
		before := string(src[:at])
		line := 1 + strings.Count(before, "\n")
		col := 1 + utf8.RuneCountInString(before[strings.LastIndexByte(before, '\n')+1:])
		return nil, nil, fail(line, "column %d: byte 0x%02x is not UTF-8 text; save the file as UTF-8", col, src[at])
	}
	text := string(src)
	// The toml package takes time that grows with the square of the
	// nesting and of the parts of a dotted key; a set needs only a few of
	// each, so deeper files are refused before it sees them.
	if line, msg := tooDeep(text); msg != "" {
		return nil, nil, fail(line, "%s", msg)
	}

	// A first decode into plain maps gives every syntax error with its
	// position, and the raw shape to check against the Set type.
	v := &validator{name: name, src: text}
	s, ok := decodeChunks(text)
	if !ok {
		var raw map[string]any
		if _, err := toml.Decode(text, &raw); err != nil {
			return nil, nil, syntaxError(name, text, err)
		}
		if len(raw) == 0 {
			return nil, nil, fail(0, "file has no keys; a question set needs at least id, title, a section and a verdict")
		}
		v.raw = raw
		s = &Set{}
		// A key of the wrong type or an unknown one does not stop here:
		// validation goes on with what was decoded, and says nothing more
		// of the keys found wrong, so that one run lists every problem.
		decode(raw, reflect.ValueOf(s).Elem(), "", v)
		if !anyKnown(raw) {
			// Not a question set at all: what it lacks is everything.
			return nil, nil, v.err()
		}
		v.raw, raw = nil, nil // the Set says it all now; let the maps go
	}
	s.Hash = setHash(src)
	s.Name = name
	v.set = s
	v.validate()
	return s, v, nil
}

// setHash is how a set's Hash names its source.
func setHash(src []byte) string {
	sum := sha256.Sum256(src)
	return "sha256:" + hex.EncodeToString(sum[:])
}

func firstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(b)
}

// syntaxError turns the toml package's error into one located line. Its
// ErrorWithPosition panics for an error at the end of a first line (toml
// #498), and its Position.Line is wrong at the end of input, so the line
// and column are counted here from the byte offset.
func syntaxError(name, src string, err error) error {
	var pe toml.ParseError
	if !errors.As(err, &pe) {
		return &Error{Problems: []Problem{{File: name, Msg: "not valid TOML: " + tomlMessage(strings.TrimPrefix(err.Error(), "toml: "))}}}
	}
	msg := pe.Message
	if msg == "" {
		msg = strings.TrimPrefix(pe.Error(), "toml: ")
	}
	if strings.HasPrefix(msg, "invalid escape") && strings.Contains(msg, "\x00") && pe.Position.Start >= len(src)-1 {
		msg = "the file ends in the middle of an escape sequence"
	}
	line, col := pe.Position.Line, pe.Position.Col
	if st := pe.Position.Start; st >= 0 && st <= len(src) {
		line = 1 + strings.Count(src[:st], "\n")
		col = 1 + utf8.RuneCountInString(src[strings.LastIndexByte(src[:st], '\n')+1:st])
	}
	line = max(line, 1)
	if col > 0 {
		msg = fmt.Sprintf("column %d: %s", col, tomlMessage(msg))
	} else {
		msg = tomlMessage(msg)
	}
	return &Error{Problems: []Problem{{File: name, Line: line, Msg: "not valid TOML: " + msg}}}
}

// tomlMessage makes a message of the toml package read like ours: one
// line, a lower-case start, no full stop, and no raw control characters
// (it quotes the offending text, which may be anything).
func tomlMessage(s string) string {
	s = text.OneLine(text.Clean(strings.ToValidUTF8(s, "")))
	s = strings.TrimSuffix(s, ".")
	if strings.HasPrefix(s, "Key ") {
		s = "k" + s[1:]
	}
	return s
}

// decode fills rv from a value the toml package decoded into plain maps,
// and reports every unknown key and every value of the wrong type at its
// own line. Decoding the text a second time straight into the Set would
// cost as much again, stop at the first mismatch, and match keys without
// regard to case; a set's author deserves to hear of each typo.
func decode(val any, rv reflect.Value, path string, v *validator) {
	decodeAt(val, rv, keyAt{key: path}, v)
}

// keyAt is where decode stands: key, under the path parent. The two are
// joined only when needed, for what lies below or for a problem: most
// keys hold texts and numbers that are fine, and a large set has a great
// many of them.
type keyAt struct{ parent, key string }

func (k keyAt) path() string { return join(k.parent, k.key) }

func decodeAt(val any, rv reflect.Value, at keyAt, v *validator) {
	if rv.CanAddr() {
		if u, ok := rv.Addr().Interface().(encoding.TextUnmarshaler); ok {
			str, ok := val.(string)
			if !ok {
				v.wrongType(at.path(), "text in quotes", val)
				return
			}
			if err := u.UnmarshalText([]byte(str)); err != nil {
				v.at(at.path(), "%s", err)
				v.excuse(at.path())
			}
			return
		}
	}
	if rv.Type() == msgType {
		if m, ok := decodeMsg(val, at.path(), v); ok {
			rv.Set(reflect.ValueOf(m))
		}
		return
	}
	switch rv.Kind() {
	case reflect.Pointer:
		e := reflect.New(rv.Type().Elem())
		decodeAt(val, e.Elem(), at, v)
		if _, text := e.Interface().(encoding.TextUnmarshaler); text && len(v.excused) > 0 && v.isExcused(at.path()) {
			return // a condition of the wrong type stays absent rather than empty
		}
		rv.Set(e)
	case reflect.Struct:
		m, ok := val.(map[string]any)
		if !ok {
			v.wrongType(at.path(), "a table", val)
			return
		}
		path := at.path()
		fields := fieldsOf(rv.Type())
		var buf [16]string
		for _, k := range sortedKeys(m, buf[:0]) {
			i, ok := fields.index[k]
			if !ok {
				hint := v.suggest(k, fields.names)
				v.add(v.lines().line(join(path, k)), "%sunknown key %s%s", v.where(path), quote(k), hint)
				if meant := closest(k, fields.names); meant != "" {
					v.excuse(join(path, meant)) // the key it was meant to be is not missing
				}
				continue
			}
			decodeAt(m[k], rv.Field(i), keyAt{path, k}, v)
		}
	case reflect.Map:
		m, ok := val.(map[string]any)
		if !ok {
			v.wrongType(at.path(), "a table", val)
			return
		}
		path := at.path()
		out := reflect.MakeMapWithSize(rv.Type(), len(m))
		var buf [16]string
		for _, k := range sortedKeys(m, buf[:0]) {
			e := reflect.New(rv.Type().Elem()).Elem()
			decodeAt(m[k], e, keyAt{path, k}, v)
			out.SetMapIndex(reflect.ValueOf(v.texts.keep(k)).Convert(rv.Type().Key()), e)
		}
		rv.Set(out)
	case reflect.Slice:
		var items []any
		switch l := val.(type) {
		case []any:
			items = l
		case []map[string]any:
			items = make([]any, len(l))
			for i, e := range l {
				items[i] = e
			}
		default:
			v.wrongType(at.path(), "a list", val)
			return
		}
		path := at.path()
		out := reflect.MakeSlice(rv.Type(), len(items), len(items))
		for i, e := range items {
			decodeAt(e, out.Index(i), keyAt{path, strconv.Itoa(i)}, v)
		}
		rv.Set(out)
	case reflect.String:
		str, ok := val.(string)
		if !ok {
			v.wrongType(at.path(), "text in quotes", val)
			return
		}
		rv.SetString(v.texts.keep(str))
	case reflect.Bool:
		b, ok := val.(bool)
		if !ok {
			v.wrongType(at.path(), "true or false", val)
			return
		}
		rv.SetBool(b)
	case reflect.Int:
		n, ok := val.(int64)
		if !ok {
			v.wrongType(at.path(), "a whole number", val)
			return
		}
		rv.SetInt(n)
	case reflect.Float64:
		switch f := val.(type) {
		case int64:
			rv.SetFloat(float64(f))
		case float64:
			if math.IsNaN(f) || math.IsInf(f, 0) {
				v.wrongType(at.path(), "a number", val)
				return
			}
			rv.SetFloat(f)
		default:
			v.wrongType(at.path(), "a number", val)
		}
	default:
		panic("questions: cannot decode into " + rv.Type().String())
	}
}

// texts keeps the texts decoded from a set together in a few large
// blocks. The toml package's strings point into its own copy of the
// source, which one text would keep whole; the blocks hold only the texts.
type texts struct {
	b strings.Builder
}

const textBlock = 32 << 10

func (t *texts) keep(s string) string {
	switch {
	case s == "":
		return ""
	case len(s) > textBlock/4:
		return strings.Clone(s)
	case t.b.Cap()-t.b.Len() < len(s):
		// A new block: the strings taken from the last one stay valid,
		// as a Builder never writes over what it has written.
		t.b = strings.Builder{}
		t.b.Grow(textBlock)
	}
	start := t.b.Len()
	t.b.WriteString(s)
	return t.b.String()[start:]
}

// sortedKeys returns the keys of m in order, in buf when they fit.
func sortedKeys(m map[string]any, buf []string) []string {
	for k := range m {
		buf = append(buf, k)
	}
	slices.Sort(buf)
	return buf
}

var msgType = reflect.TypeOf(words.Msg{})

// anyKnown reports whether raw has any key a set has at its top level.
func anyKnown(raw map[string]any) bool {
	known := fieldsOf(reflect.TypeOf(Set{})).index
	for k := range raw {
		if _, ok := known[k]; ok {
			return true
		}
	}
	return false
}

// fields lists a struct type's TOML keys, once per type.
type fields struct {
	index map[string]int // key to field index
	names []string       // the keys, for suggestions
}

var fieldCache sync.Map // reflect.Type to *fields

func fieldsOf(t reflect.Type) *fields {
	if f, ok := fieldCache.Load(t); ok {
		return f.(*fields)
	}
	f := &fields{index: map[string]int{}}
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		tag := strings.Split(sf.Tag.Get("toml"), ",")[0]
		if tag == "" || tag == "-" || !sf.IsExported() {
			continue
		}
		f.index[tag] = i
		f.names = append(f.names, tag)
	}
	fieldCache.Store(t, f)
	return f
}

func (v *validator) wrongType(path, want string, got any) {
	key := path[strings.LastIndexByte(path, '.')+1:]
	if _, err := strconv.Atoi(key); err == nil {
		key = "item " + key
	}
	v.add(v.lines().line(path), "%s%s should be %s, not %s", v.where(parentOf(path)), quote(key), want, tomlType(got))
	v.excuse(path)
}

func parentOf(path string) string {
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		return path[:i]
	}
	return ""
}

func tomlType(v any) string {
	switch f := v.(type) {
	case string:
		return "text"
	case int64:
		return "a whole number"
	case float64:
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return fmt.Sprint(v)
		}
		return "a decimal number"
	case bool:
		return "true or false"
	case []any, []map[string]any:
		return "a list"
	case map[string]any:
		return "a table"
	}
	return "a date or time"
}

// Limits on the shape of a set file, far beyond what a set needs.
const (
	maxNesting  = 16 // arrays and inline tables within each other
	maxKeyParts = 16 // parts of one dotted key, as in a.b.c
)

// tooDeep returns the line and a message when src nests arrays or inline
// tables, or dots a key, beyond the limits. It reads strings and comments
// only to skip them and leaves every other judgement to the toml package,
// so it runs in one pass without recursion.
func tooDeep(src string) (int, string) {
	line, depth, parts := 1, 0, 0
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case c == '\n':
			line++
			parts = 0
		case c == '#':
			for i+1 < len(src) && src[i+1] != '\n' {
				i++
			}
		case c == '"' || c == '\'':
			n := 1 // quotes that open, and so close, the string
			if i+2 < len(src) && src[i+1] == c && src[i+2] == c {
				n = 3
			}
			j := i + n
			for j < len(src) && !(src[j] == c && (n == 1 || j+2 < len(src) && src[j+1] == c && src[j+2] == c)) {
				if src[j] == '\n' {
					if n == 1 {
						break // an unclosed string: the toml package says so
					}
					line++
				}
				if c == '"' && src[j] == '\\' {
					j++
					if j < len(src) && src[j] == '\n' {
						line++
					}
				}
				j++
			}
			switch {
			case j >= len(src):
				i = len(src) - 1
			case src[j] == '\n':
				i = j - 1
			default:
				j += n
				for n == 3 && j < len(src) && src[j] == c { // up to two more quotes end the content
					j++
				}
				i = j - 1
			}
		case c == '[' || c == '{':
			if depth++; depth > maxNesting {
				return line, fmt.Sprintf("lists and tables are nested more than %d deep; a question set needs only a few levels", maxNesting)
			}
			parts = 0
		case c == ']' || c == '}':
			depth = max(depth-1, 0)
			parts = 0
		case c == '.':
			if parts++; parts >= maxKeyParts {
				return line, fmt.Sprintf("a dotted key has more than %d parts; a question set needs only a few", maxKeyParts)
			}
		case c == ' ' || c == '\t' || c == '\r' || c == '-' || c == '_' ||
			c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9':
		default:
			parts = 0
		}
	}
	return 0, ""
}

// chunkSize is about how much text decodeChunks gives the toml package at
// a time. A variable, so that tests can cut small sets too.
var chunkSize = 64 << 10

// decodeChunks decodes a large set a few sections at a time, cut before
// [[section]] headers, straight into a Set. The toml package keeps about
// fifteen times the text's size in maps and bookkeeping until it returns,
// which for a 10,000-question set is more memory than the whole check may
// use; a piece at a time, that is freed as it goes. Pieces join as TOML
// says: arrays of tables made by [[name]] headers in several pieces are
// one array, in order. Any other key in two pieces, and any problem at
// all, returns false, and the caller decodes the text whole, for the toml
// package and the checks to judge it and say where.
func decodeChunks(text string) (*Set, bool) {
	if len(text) < 2*chunkSize {
		return nil, false
	}
	bounds := []int{0}
	for _, c := range sectionCuts(text) {
		if c-bounds[len(bounds)-1] >= chunkSize {
			bounds = append(bounds, c)
		}
	}
	if len(bounds) == 1 {
		return nil, false
	}
	bounds = append(bounds, len(text))
	s := &Set{}
	rv := reflect.ValueOf(s).Elem()
	fields := fieldsOf(rv.Type())
	quiet := &validator{}       // its problems only say to take the slow way
	arrays := map[string]bool{} // keys decoded so far: made by [[name]] headers?
	next, stop := decodePieces(text, bounds)
	defer stop()
	for i := 0; i+1 < len(bounds); i++ {
		m, md, err := next()
		if err != nil {
			return nil, false
		}
		for _, k := range slices.Sorted(maps.Keys(m)) {
			f, known := fields.index[k]
			array, seen := arrays[k]
			isArray := md.Type(k) == "ArrayHash"
			if !known || seen && !(array && isArray) {
				return nil, false
			}
			arrays[k] = isArray
			field := rv.Field(f)
			if !isArray {
				decode(m[k], field, k, quiet)
			} else if field.Kind() == reflect.Slice {
				part := reflect.New(field.Type()).Elem()
				decode(m[k], part, k, quiet)
				field.Set(reflect.AppendSlice(field, part))
			} else {
				return nil, false
			}
			if len(quiet.problems) > 0 {
				return nil, false
			}
		}
	}
	return s, true
}

// decodePieces has the toml package decode the pieces of text between
// bounds on every core there is, a few pieces ahead of the caller, who
// takes them in order with next and calls stop when done. The toml
// package is most of the time a large set takes to load; each piece's
// maps take about fifteen times its size, so only a few are kept at once.
func decodePieces(text string, bounds []int) (next func() (map[string]any, toml.MetaData, error), stop func()) {
	type piece struct {
		m   map[string]any
		md  toml.MetaData
		err error
	}
	n := len(bounds) - 1
	out := make([]chan piece, n)
	for i := range out {
		out[i] = make(chan piece, 1) // so that a piece no one takes does not hold its worker
	}
	ahead := make(chan struct{}, runtime.GOMAXPROCS(0)) // a token for each piece decoded and not yet taken
	done := make(chan struct{})
	go func() {
		for i := 0; i < n; i++ {
			select {
			case ahead <- struct{}{}:
			case <-done:
				return
			}
			go func() {
				var p piece
				p.md, p.err = toml.Decode(text[bounds[i]:bounds[i+1]], &p.m)
				out[i] <- p
			}()
		}
	}()
	taken := 0
	next = func() (map[string]any, toml.MetaData, error) {
		p := <-out[taken]
		taken++
		<-ahead
		return p.m, p.md, p.err
	}
	return next, func() { close(done) }
}
