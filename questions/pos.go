package questions

import (
	"strconv"
	"strings"
)

// positions maps every key of a TOML document to the line it stands on, by
// its concrete path: "section.2.question.0.options.3.flag" is the flag of
// the fourth option of the first question of the third section.
//
// The toml package reports positions inside arrays of tables at the last
// element rather than the right one, and keeps key positions to itself, so
// semantic errors are located with this light second scan. It runs only on
// documents the toml package has accepted, but it never trusts that: every
// read is bounds-checked and it gives up quietly on anything odd.
type positions struct {
	lines map[string]int
	order []string // paths in document order
}

// scanPositions reads src once.
func scanPositions(src string) *positions {
	p := &positions{lines: map[string]int{}}
	s := &posScanner{src: src, line: 1, pos: p, arrays: map[string]int{}}
	s.document()
	return p
}

func (p *positions) add(path string, line int) {
	if p == nil { // scanning for cuts only
		return
	}
	if _, ok := p.lines[path]; ok {
		return
	}
	p.lines[path] = line
	p.order = append(p.order, path)
}

// line returns the line of path, or of its nearest parent that has one.
func (p *positions) line(path string) int {
	for path != "" {
		if l, ok := p.lines[path]; ok {
			return l
		}
		i := strings.LastIndexByte(path, '.')
		if i < 0 {
			break
		}
		path = path[:i]
	}
	return 0
}

// lineOfPattern returns the line of the first path that reads as pattern
// once its array indices are left out, as MetaData.Undecoded gives them.
func (p *positions) lineOfPattern(pattern string) int {
	for _, path := range p.order {
		if withoutIndices(path) == pattern {
			return p.lines[path]
		}
	}
	return 0
}

func withoutIndices(path string) string {
	parts := strings.Split(path, ".")
	out := parts[:0]
	for _, part := range parts {
		if _, err := strconv.Atoi(part); err != nil {
			out = append(out, part)
		}
	}
	return strings.Join(out, ".")
}

type posScanner struct {
	src    string
	i      int
	line   int
	pos    *positions
	table  string         // concrete path of the current table
	arrays map[string]int // concrete path of an array of tables to its length so far
	cuts   []int          // offsets of the [[section]] headers
	keyBuf []string
}

// sectionCuts returns the byte offsets of the [[section]] headers of src.
func sectionCuts(src string) []int {
	s := &posScanner{src: src, line: 1, arrays: map[string]int{}}
	s.document()
	return s.cuts
}

func (s *posScanner) peek() byte {
	if s.i < len(s.src) {
		return s.src[s.i]
	}
	return 0
}

func (s *posScanner) next() byte {
	if s.i >= len(s.src) {
		return 0
	}
	c := s.src[s.i]
	s.i++
	if c == '\n' {
		s.line++
	}
	return c
}

// skipBlank skips spaces, tabs, and with newlines also line ends and comments.
func (s *posScanner) skipBlank(newlines bool) {
	for s.i < len(s.src) {
		switch c := s.peek(); {
		case c == ' ' || c == '\t' || c == '\r':
			s.next()
		case c == '\n' && newlines:
			s.next()
		case c == '#':
			for s.i < len(s.src) && s.peek() != '\n' {
				s.next()
			}
		default:
			return
		}
	}
}

func (s *posScanner) document() {
	for s.i < len(s.src) {
		s.skipBlank(true)
		if s.i >= len(s.src) {
			return
		}
		start := s.i
		if s.peek() == '[' {
			s.header()
		} else {
			s.keyValue(s.table)
		}
		if s.i == start { // no progress: give up rather than loop
			return
		}
	}
}

func (s *posScanner) header() {
	line, start := s.line, s.i
	s.next()
	array := s.peek() == '['
	if array {
		s.next()
	}
	keys := s.keys()
	s.skipBlank(false)
	if s.peek() == ']' {
		s.next()
	}
	if array && s.peek() == ']' {
		s.next()
	}
	if len(keys) == 0 {
		return
	}
	if array && len(keys) == 1 && keys[0] == "section" && startsLine(s.src, start) {
		s.cuts = append(s.cuts, start)
	}
	if s.pos == nil {
		return // scanning for cuts only: no paths to name
	}
	cur := ""
	for i, k := range keys {
		cur = join(cur, k)
		last := i == len(keys)-1
		if last && array {
			s.pos.add(cur, line)
			n := s.arrays[cur]
			s.arrays[cur] = n + 1
			cur = join(cur, strconv.Itoa(n))
		} else if n, ok := s.arrays[cur]; ok && n > 0 {
			cur = join(cur, strconv.Itoa(n-1))
		}
		s.pos.add(cur, line) // a.b in [a.b.c] is defined here unless it was before
	}
	s.table = cur
}

// keys reads a dotted key such as a."b c".d.
func (s *posScanner) keys() []string {
	// One list for every key: each caller is done with the last before
	// it reads the next.
	keys := s.keyBuf[:0]
	defer func() { s.keyBuf = keys[:0] }()
	for {
		s.skipBlank(false)
		var k string
		switch c := s.peek(); {
		case c == '"':
			k = unescape(s.str())
		case c == '\'':
			k = s.str()
		case isBare(c):
			st := s.i
			for s.i < len(s.src) && isBare(s.peek()) {
				s.i++
			}
			k = s.src[st:s.i]
		default:
			return keys
		}
		keys = append(keys, k)
		s.skipBlank(false)
		if s.peek() != '.' {
			return keys
		}
		s.next()
	}
}

// startsLine reports whether only spaces and tabs stand before offset i on
// its line: a header after a value on the same line is no header to TOML.
func startsLine(src string, i int) bool {
	for i--; i >= 0; i-- {
		switch src[i] {
		case '\n':
			return true
		case ' ', '\t':
		default:
			return false
		}
	}
	return true
}

func isBare(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

func (s *posScanner) keyValue(table string) {
	line := s.line
	keys := s.keys()
	if len(keys) == 0 {
		s.next() // not a key: step over it
		return
	}
	path := table
	if s.pos != nil { // else scanning for cuts only
		for _, k := range keys {
			path = join(path, k)
			s.pos.add(path, line) // a and a.b in a.b.c = 1, unless defined before
		}
	}
	s.skipBlank(false)
	if s.peek() == '=' {
		s.next()
	}
	s.skipBlank(false)
	s.value(path)
}

func (s *posScanner) value(path string) {
	switch s.peek() {
	case '"', '\'':
		s.str()
	case '[':
		s.next()
		for n := 0; s.i < len(s.src); n++ {
			s.skipBlank(true)
			if s.peek() == ']' {
				s.next()
				return
			}
			el := ""
			if s.pos != nil {
				el = join(path, strconv.Itoa(n))
				s.pos.add(el, s.line)
			}
			start := s.i
			s.value(el)
			s.skipBlank(true)
			if s.peek() == ',' {
				s.next()
			} else if s.i == start {
				return
			}
		}
	case '{':
		s.next()
		for s.i < len(s.src) {
			s.skipBlank(true)
			if s.peek() == '}' {
				s.next()
				return
			}
			start := s.i
			s.keyValue(path)
			s.skipBlank(true)
			if s.peek() == ',' {
				s.next()
			} else if s.i == start {
				return
			}
		}
	default: // numbers, booleans, dates: up to a delimiter
		for s.i < len(s.src) {
			switch s.peek() {
			case ',', ']', '}', '\n', '#':
				return
			}
			s.next()
		}
	}
}

// str reads a basic, literal or multi-line string and returns its raw text;
// escapes are not decoded, which is enough to match keys by name.
func (s *posScanner) str() string {
	q := s.next()
	multi := strings.HasPrefix(s.src[s.i:], string([]byte{q, q}))
	if multi {
		s.next()
		s.next()
		delim := string([]byte{q, q, q})
		st := s.i
		for s.i < len(s.src) {
			if q == '"' && s.peek() == '\\' {
				s.next()
				s.next()
				continue
			}
			if strings.HasPrefix(s.src[s.i:], delim) {
				out := s.src[st:s.i]
				s.next()
				s.next()
				s.next()
				for s.peek() == q { // up to two quotes may close the content
					s.next()
				}
				return out
			}
			s.next()
		}
		return s.src[st:]
	}
	st := s.i
	for s.i < len(s.src) {
		c := s.peek()
		if c == '\n' {
			return s.src[st:s.i]
		}
		if q == '"' && c == '\\' {
			s.next()
			s.next()
			continue
		}
		if c == q {
			out := s.src[st:s.i]
			s.next()
			return out
		}
		s.next()
	}
	return s.src[st:]
}

func join(a, b string) string {
	if a == "" {
		return b
	}
	return a + "." + b
}

// unescape decodes the escapes of a TOML basic string, TOML 1.1's \e and
// \xHH among them, so that a quoted key matches the decoded one. It keeps
// what it cannot read as it stands.
func unescape(raw string) string {
	if !strings.Contains(raw, "\\") {
		return raw
	}
	var b strings.Builder
	for i := 0; i < len(raw); i++ {
		if raw[i] != '\\' || i+1 >= len(raw) {
			b.WriteByte(raw[i])
			continue
		}
		i++
		switch c := raw[i]; c {
		case 'b':
			b.WriteByte('\b')
		case 't':
			b.WriteByte('\t')
		case 'n':
			b.WriteByte('\n')
		case 'f':
			b.WriteByte('\f')
		case 'r':
			b.WriteByte('\r')
		case 'e':
			b.WriteByte(0x1b)
		case '"', '\\':
			b.WriteByte(c)
		case 'x', 'u', 'U':
			n := map[byte]int{'x': 2, 'u': 4, 'U': 8}[c]
			if i+1+n > len(raw) {
				b.WriteString(raw[i-1:])
				return b.String()
			}
			r, err := strconv.ParseUint(raw[i+1:i+1+n], 16, 32)
			if err != nil {
				b.WriteString(raw[i-1 : i+1])
				continue
			}
			b.WriteRune(rune(r))
			i += n
		default:
			b.WriteString(raw[i-1 : i+1])
		}
	}
	return b.String()
}
