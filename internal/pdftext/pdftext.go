// Package pdftext reads back the PDFs amends writes, for tests: it
// validates them strictly with pdfcpu, a reader nobody here wrote, and
// decodes the text each page shows through its fonts' ToUnicode maps, the
// way a PDF viewer does when you copy text. The report package's tests
// and the command line's scripts both read their PDFs with it.
package pdftext

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"unicode/utf16"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/validate"
)

// Doc is a PDF as read back.
type Doc struct {
	Pages []string // each page's text, a line per text-showing run
	Lang  string   // the catalogue's /Lang, "" when it has none
	Title string
	// Context is pdfcpu's reading of the file, for what else a test asks
	// (page sizes, for one).
	Context *model.Context
}

// Text is the whole document's text with runs of white space as one
// space, so that phrases wrapped across lines still match.
func (d *Doc) Text() string { return strings.Join(strings.Fields(strings.Join(d.Pages, "\n")), " ") }

// disableConfig keeps pdfcpu from writing a config directory under $HOME;
// once, before the first read, so that tests may read PDFs at once.
var disableConfig = sync.OnceFunc(func() { model.ConfigPath = "disable" })

// Read validates b strictly and extracts its text. Reads may run at once.
func Read(b []byte) (*Doc, error) {
	disableConfig()
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationStrict
	conf.Cmd = model.VALIDATE
	ctx, err := pdfcpu.Read(bytes.NewReader(b), conf)
	if err != nil {
		return nil, err
	}
	if err := validate.XRefTable(ctx); err != nil {
		return nil, err
	}
	d := &Doc{Title: ctx.Title, Context: ctx}
	if root, err := ctx.Catalog(); err == nil {
		if o, ok := root["Lang"]; ok {
			switch s := o.(type) {
			case types.StringLiteral:
				d.Lang, _ = types.StringLiteralToString(s)
			case types.HexLiteral:
				d.Lang, _ = types.HexLiteralToString(s)
			}
		}
	}
	for n := 1; n <= ctx.PageCount; n++ {
		s, err := pageText(ctx, n)
		if err != nil {
			return nil, fmt.Errorf("page %d: %v", n, err)
		}
		d.Pages = append(d.Pages, s)
	}
	return d, nil
}

// cmap maps character codes to text, from a font's ToUnicode stream.
type cmap struct {
	width  int // bytes per code
	ranges []cmapRange
}

type cmapRange struct {
	lo, hi uint32
	dst    []rune   // the text of lo; later codes add to its last rune
	each   []string // or one text per code, from an array
}

func (m *cmap) decode(s []byte) string {
	var b strings.Builder
	for i := 0; i+m.width <= len(s); i += m.width {
		var code uint32
		for _, c := range s[i : i+m.width] {
			code = code<<8 | uint32(c)
		}
		b.WriteString(m.lookup(code))
	}
	return b.String()
}

func (m *cmap) lookup(code uint32) string {
	for _, r := range m.ranges {
		if code < r.lo || code > r.hi {
			continue
		}
		if r.each != nil {
			return r.each[code-r.lo]
		}
		d := append([]rune(nil), r.dst...)
		d[len(d)-1] += rune(code - r.lo)
		return string(d)
	}
	return "\uFFFD"
}

func utf16Text(b []byte) []rune {
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
	}
	return utf16.Decode(u)
}

// parseCMap reads the bfchar and bfrange sections of a ToUnicode CMap.
func parseCMap(src []byte) (*cmap, error) {
	m := &cmap{width: 2}
	toks, err := tokens(src)
	if err != nil {
		return nil, err
	}
	hexOf := func(t token) ([]byte, bool) { return t.str, t.kind == tHex }
	num := func(b []byte) uint32 {
		var n uint32
		for _, c := range b {
			n = n<<8 | uint32(c)
		}
		return n
	}
	for i := 0; i < len(toks); i++ {
		switch toks[i].op {
		case "begincodespacerange":
			if lo, ok := hexOf(toks[i+1]); ok {
				m.width = len(lo)
			}
		case "beginbfchar":
			for i++; toks[i].op != "endbfchar"; i += 2 {
				src, _ := hexOf(toks[i])
				dst, _ := hexOf(toks[i+1])
				m.ranges = append(m.ranges, cmapRange{lo: num(src), hi: num(src), dst: utf16Text(dst)})
			}
		case "beginbfrange":
			for i++; toks[i].op != "endbfrange"; {
				lo, _ := hexOf(toks[i])
				hi, _ := hexOf(toks[i+1])
				r := cmapRange{lo: num(lo), hi: num(hi)}
				if toks[i+2].kind == tArrayOpen {
					j := i + 3
					for ; toks[j].kind != tArrayClose; j++ {
						r.each = append(r.each, string(utf16Text(toks[j].str)))
					}
					i = j + 1
				} else {
					r.dst = utf16Text(toks[i+2].str)
					i += 3
				}
				m.ranges = append(m.ranges, r)
			}
		}
	}
	if len(m.ranges) == 0 {
		return nil, fmt.Errorf("ToUnicode map has no mappings")
	}
	return m, nil
}

// pageText decodes the text a page shows, through its fonts' ToUnicode maps.
func pageText(ctx *model.Context, n int) (string, error) {
	d, _, _, err := ctx.PageDict(n, false)
	if err != nil {
		return "", err
	}
	fonts := map[string]*cmap{}
	if res, err := ctx.DereferenceDict(d["Resources"]); err == nil && res != nil {
		fd, err := ctx.DereferenceDict(res["Font"])
		if err != nil {
			return "", err
		}
		for name, ref := range fd {
			f, err := ctx.DereferenceDict(ref)
			if err != nil {
				return "", err
			}
			sd, _, err := ctx.DereferenceStreamDict(f["ToUnicode"])
			if err != nil || sd == nil {
				return "", fmt.Errorf("font %s has no ToUnicode map, so its text cannot be copied", name)
			}
			if err := sd.Decode(); err != nil {
				return "", err
			}
			if fonts[name], err = parseCMap(sd.Content); err != nil {
				return "", fmt.Errorf("font %s: %v", name, err)
			}
		}
	}
	r, err := pdfcpu.ExtractPageContent(ctx, n)
	if err != nil {
		return "", err
	}
	content, err := io.ReadAll(r)
	if err != nil {
		return "", err
	}
	toks, err := tokens(content)
	if err != nil {
		return "", err
	}
	var out strings.Builder
	var font *cmap
	var stack []token
	for _, t := range toks {
		if t.op == "" {
			stack = append(stack, t)
			continue
		}
		switch t.op {
		case "Tf":
			if len(stack) >= 2 {
				font = fonts[strings.TrimPrefix(stack[len(stack)-2].name, "/")]
			}
		case "Tj", "'", "\"", "TJ":
			if font == nil {
				return "", fmt.Errorf("text shown with no font set")
			}
			for _, s := range stack {
				if s.kind == tString || s.kind == tHex {
					out.WriteString(font.decode(s.str))
				}
			}
			out.WriteByte('\n')
		}
		stack = stack[:0]
	}
	return out.String(), nil
}

// A small tokenizer for content streams and CMaps.

type tokenKind int

const (
	tOther tokenKind = iota
	tString
	tHex
	tName
	tArrayOpen
	tArrayClose
)

type token struct {
	kind tokenKind
	str  []byte // string and hex string bytes
	name string // name or number
	op   string // an operator
}

func tokens(src []byte) ([]token, error) {
	var out []token
	i := 0
	delim := func(c byte) bool { return strings.IndexByte("()<>[]{}/% \t\r\n\f\x00", c) >= 0 }
	for i < len(src) {
		c := src[i]
		switch {
		case c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == 0:
			i++
		case c == '%':
			for i < len(src) && src[i] != '\n' && src[i] != '\r' {
				i++
			}
		case c == '(':
			s, n, err := literal(src[i:])
			if err != nil {
				return nil, err
			}
			out = append(out, token{kind: tString, str: s})
			i += n
		case c == '<' && i+1 < len(src) && src[i+1] == '<', c == '>' && i+1 < len(src) && src[i+1] == '>':
			out = append(out, token{kind: tOther, name: string(src[i : i+2])})
			i += 2
		case c == '<':
			j := bytes.IndexByte(src[i:], '>')
			if j < 0 {
				return nil, fmt.Errorf("unterminated hex string")
			}
			h := strings.Join(strings.Fields(string(src[i+1:i+j])), "")
			if len(h)%2 == 1 {
				h += "0"
			}
			b, err := hex.DecodeString(h)
			if err != nil {
				return nil, err
			}
			out = append(out, token{kind: tHex, str: b})
			i += j + 1
		case c == '[':
			out = append(out, token{kind: tArrayOpen})
			i++
		case c == ']':
			out = append(out, token{kind: tArrayClose})
			i++
		case c == '{' || c == '}':
			i++
		default:
			j := i + 1
			for j < len(src) && !delim(src[j]) {
				j++
			}
			w := string(src[i:j])
			i = j
			if c == '/' {
				out = append(out, token{kind: tName, name: w})
				continue
			}
			if _, err := strconv.ParseFloat(w, 64); err == nil || w == "true" || w == "false" || w == "null" {
				out = append(out, token{kind: tOther, name: w})
				continue
			}
			out = append(out, token{op: w})
		}
	}
	return out, nil
}

// literal reads a (string) with its escapes; it returns the bytes and how
// many source bytes it took.
func literal(src []byte) ([]byte, int, error) {
	var b []byte
	depth := 0
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch c {
		case '(':
			if depth > 0 {
				b = append(b, c)
			}
			depth++
		case ')':
			depth--
			if depth == 0 {
				return b, i + 1, nil
			}
			b = append(b, c)
		case '\\':
			i++
			if i >= len(src) {
				break
			}
			switch e := src[i]; e {
			case 'n':
				b = append(b, '\n')
			case 'r':
				b = append(b, '\r')
			case 't':
				b = append(b, '\t')
			case 'b':
				b = append(b, '\b')
			case 'f':
				b = append(b, '\f')
			case '\r':
				if i+1 < len(src) && src[i+1] == '\n' {
					i++
				}
			case '\n':
			default:
				if e >= '0' && e <= '7' {
					n, k := 0, 0
					for ; k < 3 && i+k < len(src) && src[i+k] >= '0' && src[i+k] <= '7'; k++ {
						n = n*8 + int(src[i+k]-'0')
					}
					b = append(b, byte(n))
					i += k - 1
				} else {
					b = append(b, e)
				}
			}
		case '\r':
			// An end of line in a string is a \n, whatever its bytes.
			if i+1 < len(src) && src[i+1] == '\n' {
				i++
			}
			b = append(b, '\n')
		default:
			b = append(b, c)
		}
	}
	return nil, 0, fmt.Errorf("unterminated string")
}
