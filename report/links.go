package report

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Web addresses, e-mail addresses and phone numbers in a report's text are
// links: in the PDF a clickable area over them, in the HTML an <a>. The
// patterns compile when first used, not when amends starts: the web
// address's alone took a tenth of a millisecond of every start.

// webAddress matches a web address with or without its scheme; a bare
// domain must end in a common top-level domain, so that "e.g." or "1.0"
// stay text.
var webAddress = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)\b(?:https?://[^\s<>"]+|www\.[^\s<>"]+|[a-z0-9][a-z0-9-]*(?:\.[a-z0-9][a-z0-9-]*)*\.(?:com|org|net|gov|edu|info|io|uk|au|ca|ie|nz|us|eu|de|fr|es|it|nl|be|ch|at|pl|gr|ru|se|no|dk|fi|pt|mx|ar|br|in|za|co|cl|pe|uy|py|bo|ec|cr|gt|hn|ni|pa|sv|do|pr|ve|jp|cn|kr|tw|hk|sg|ph|tr|il|ae|ng|ke|app|dev|online|care|help|health)\b(?:/[^\s<>"]*)?)`)
})

var email = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)\b[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}\b`) })

// phoneLike is a run of digit groups joined by no-break spaces or hyphens,
// perhaps after a plus sign.
var phoneLike = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`[+*#]?\d+(?:[\x{00a0}-]\d+)*`) })

// spacedNumber is digit groups separated by spaces: a phone number as
// people write it.
var spacedNumber = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\+?\d{1,4}(?: \d{1,4})+`) })

// span is a link found in a line of text, by byte offsets.
type span struct {
	start, end int
	uri        string
}

// linker finds links in text: calls are the words that make a short
// number a phone number; the numbers in phones are phone numbers however
// short (those a resource's phone gives, which the set says are numbers to
// call).
type linker struct {
	calls  []string
	phones []string
}

// find finds the web addresses, e-mail addresses and phone numbers in t,
// in order.
func (lk linker) find(t string) []span { return findLinks(t, lk) }

func findLinks(t string, lk linker) []span {
	if !strings.ContainsAny(t, ".0123456789@") {
		return nil
	}
	var out []span
	taken := func(a, b int) bool {
		for _, s := range out {
			if a < s.end && b > s.start {
				return true
			}
		}
		return false
	}
	if strings.IndexByte(t, '@') >= 0 {
		for _, m := range email().FindAllStringIndex(t, -1) {
			out = append(out, span{m[0], m[1], "mailto:" + t[m[0]:m[1]]})
		}
	}
	if !dotWord(t) {
		return phones(t, out, lk)
	}
	for _, m := range webAddress().FindAllStringIndex(t, -1) {
		a, b := m[0], trimURL(t, m[0], m[1])
		if taken(a, b) || (a > 0 && t[a-1] == '@') || b <= a {
			continue
		}
		u := t[a:b]
		if !strings.Contains(strings.ToLower(u), "://") {
			u = "https://" + u
		}
		if !isASCII(u) {
			continue
		}
		out = append(out, span{a, b, u})
	}
	return phones(t, out, lk)
}

// dotWord says whether t has a dot right before a letter, as an address has.
func dotWord(t string) bool {
	for i := 0; i+1 < len(t); i++ {
		if t[i] == '.' && (t[i+1] >= 'a' && t[i+1] <= 'z' || t[i+1] >= 'A' && t[i+1] <= 'Z') {
			return true
		}
	}
	return false
}

// phones adds the phone numbers in t to the links found so far.
func phones(t string, out []span, lk linker) []span {
	if !strings.ContainsAny(t, "0123456789") {
		sortSpans(out)
		return out
	}
	taken := func(a, b int) bool {
		for _, s := range out {
			if a < s.end && b > s.start {
				return true
			}
		}
		return false
	}
	for _, m := range phoneLike().FindAllStringIndex(t, -1) {
		a, b := m[0], m[1]
		if taken(a, b) || !alone(t, a, b) {
			continue
		}
		digits := 0
		for _, r := range t[a:b] {
			if r >= '0' && r <= '9' {
				digits++
			}
		}
		short := digits < 6 && !afterCallWord(t[:a], lk.calls) || digits < 3
		if digits >= 3 && slices.Contains(lk.phones, t[a:b]) {
			short = false
		}
		if short || digits > 15 {
			continue
		}
		var tel strings.Builder
		for _, r := range t[a:b] {
			if r == '+' || r == '*' || r == '#' || r >= '0' && r <= '9' {
				tel.WriteRune(r)
			}
		}
		out = append(out, span{a, b, "tel:" + tel.String()})
	}
	sortSpans(out)
	return out
}

func sortSpans(s []span) { slices.SortFunc(s, func(a, b span) int { return a.start - b.start }) }

// trimURL leaves closing punctuation out of an address.
func trimURL(t string, a, b int) int {
	for b > a {
		r, n := utf8.DecodeLastRuneInString(t[a:b])
		if !strings.ContainsRune(".,;:!?)]’”'\"", r) {
			break
		}
		b -= n
	}
	return b
}

// alone says whether t[a:b] is not part of a longer word or number.
func alone(t string, a, b int) bool {
	if a > 0 {
		r, _ := utf8.DecodeLastRuneInString(t[:a])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == ':' || r == '/' {
			return false
		}
	}
	if b < len(t) {
		r, _ := utf8.DecodeRuneInString(t[b:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '/' {
			return false
		}
		if r == '.' && b+1 < len(t) && t[b+1] >= '0' && t[b+1] <= '9' {
			return false
		}
	}
	return true
}

// afterCallWord says whether one of the three words before the end of
// before is a word like "call", which makes a short number a phone number.
func afterCallWord(before string, calls []string) bool {
	words := strings.FieldsFunc(strings.ToLower(before), func(r rune) bool { return !unicode.IsLetter(r) })
	for i := len(words) - 1; i >= 0 && i >= len(words)-3; i-- {
		for _, w := range calls {
			if words[i] == w {
				return true
			}
		}
	}
	return false
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 || s[i] < 0x20 {
			return false
		}
	}
	return true
}

// phoneNumbers are the numbers in a resource's phone, as bindNumbers
// leaves them.
func phoneNumbers(phone string) []string {
	return phoneLike().FindAllString(bindNumbers(phone), -1)
}

// bindNumbers joins the groups of a phone number written with spaces
// ("0808 802 4040") with no-break spaces, so it is never split at a line
// end.
func bindNumbers(t string) string {
	if !strings.ContainsAny(t, "0123456789") {
		return t
	}
	return spacedNumber().ReplaceAllStringFunc(t, func(m string) string {
		digits := 0
		for _, r := range m {
			if r >= '0' && r <= '9' {
				digits++
			}
		}
		if digits < 6 {
			return m
		}
		return strings.ReplaceAll(m, " ", "\u00a0")
	})
}

// withLinks appends to a PDF written by gofpdf an incremental update that
// gives its pages their link annotations. gofpdf writes annotations inline
// in the page, which the PDF standard does not allow ("shall contain
// indirect references") and strict readers refuse; the update writes each
// page again with references to annotation objects of its own, leaving
// every byte before it as it was.
//
// The same update gives the document catalogue the report's language
// (/Lang, lang), which gofpdf cannot write: screen readers and text
// extraction read the text in that language.
func withLinks(pdf []byte, links []link, anchors map[string]anchor, pageH float64, lang string) ([]byte, error) {
	if len(links) == 0 && lang == "" {
		return pdf, nil
	}
	const k = 72 / 25.4 // points per millimetre
	trailer := bytes.LastIndex(pdf, []byte("\ntrailer\n"))
	if trailer < 0 {
		return nil, fmt.Errorf("no trailer")
	}
	field := func(re string) (int, error) {
		m := regexp.MustCompile(re).FindSubmatch(pdf[trailer:])
		if m == nil {
			return 0, fmt.Errorf("the trailer has no %s", re)
		}
		return strconv.Atoi(string(m[1]))
	}
	size, err := field(`/Size (\d+)`)
	if err != nil {
		return nil, err
	}
	root, err := field(`/Root (\d+) 0 R`)
	if err != nil {
		return nil, err
	}
	info, err := field(`/Info (\d+) 0 R`)
	if err != nil {
		return nil, err
	}
	prev, err := field(`startxref\n(\d+)`)
	if err != nil {
		return nil, err
	}

	byPage := map[int][]link{}
	var pages []int
	for _, l := range links {
		if _, ok := byPage[l.page]; !ok {
			pages = append(pages, l.page)
		}
		byPage[l.page] = append(byPage[l.page], l)
	}
	slices.Sort(pages)
	pageObj := func(n int) int { return 1 + 2*n } // gofpdf numbers page n so

	var out bytes.Buffer
	out.Write(pdf)
	type entry struct{ num, off int }
	var xref []entry
	next := size
	for _, n := range pages {
		obj := pageObj(n)
		head := []byte(fmt.Sprintf("\n%d 0 obj\n<</Type /Page\n", obj))
		at := bytes.Index(pdf, head)
		if at < 0 {
			return nil, fmt.Errorf("page %d is not object %d", n, obj)
		}
		end := bytes.Index(pdf[at:], []byte("\nendobj"))
		if end < 0 {
			return nil, fmt.Errorf("page %d has no end", n)
		}
		dict := pdf[at+len(head) : at+end]
		var refs, annots bytes.Buffer
		first := next
		for _, l := range byPage[n] {
			x0, y0 := l.x*k, (pageH-l.y)*k
			x1, y1 := (l.x+l.w)*k, (pageH-l.y-l.h)*k
			fmt.Fprintf(&refs, "%d 0 R ", next)
			var target string
			if l.dest != "" {
				a, ok := anchors[l.dest]
				if !ok {
					return nil, fmt.Errorf("no section %q to link to", l.dest)
				}
				target = fmt.Sprintf("/Dest [%d 0 R /XYZ 0 %.2f null]", pageObj(a.page), (pageH-a.y)*k)
			} else {
				target = "/A <</S /URI /URI " + pdfString(l.uri) + ">>"
			}
			fmt.Fprintf(&annots, "%d 0 obj\n<</Type /Annot /Subtype /Link /Rect [%.2f %.2f %.2f %.2f] /Border [0 0 0] /F 4 %s>>\nendobj\n",
				next, x0, y1, x1, y0, target)
			next++
		}
		xref = append(xref, entry{obj, out.Len()})
		fmt.Fprintf(&out, "%d 0 obj\n<</Type /Page\n/Annots [%s]\n%s\nendobj\n", obj, strings.TrimSpace(refs.String()), dict)
		// Each annotation's offset, as it is written.
		rest := annots.Bytes()
		for num := first; num < next; num++ {
			xref = append(xref, entry{num, out.Len()})
			e := bytes.Index(rest, []byte("\nendobj\n")) + len("\nendobj\n")
			out.Write(rest[:e])
			rest = rest[e:]
		}
	}
	if lang != "" {
		head := []byte(fmt.Sprintf("\n%d 0 obj\n<<", root))
		at := bytes.Index(pdf, head)
		if at < 0 {
			return nil, fmt.Errorf("the catalogue is not object %d", root)
		}
		end := bytes.Index(pdf[at:], []byte("\nendobj"))
		if end < 0 || !bytes.Contains(pdf[at:at+end], []byte("/Type /Catalog")) || bytes.Contains(pdf[at:at+end], []byte("/Lang")) {
			return nil, fmt.Errorf("object %d is not a catalogue gofpdf wrote", root)
		}
		xref = append(xref, entry{root, out.Len()})
		fmt.Fprintf(&out, "%d 0 obj\n<<\n/Lang %s%s\nendobj\n", root, pdfString(lang), pdf[at+len(head):at+end])
	}
	start := out.Len()
	out.WriteString("xref\n")
	for _, e := range xref {
		fmt.Fprintf(&out, "%d 1\n%010d 00000 n \n", e.num, e.off)
	}
	fmt.Fprintf(&out, "trailer\n<<\n/Size %d\n/Root %d 0 R\n/Info %d 0 R\n/Prev %d\n>>\nstartxref\n%d\n%%%%EOF\n", next, root, info, prev, start)
	return out.Bytes(), nil
}

// pdfString is s as a PDF literal string.
func pdfString(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `(`, `\(`, `)`, `\)`)
	return "(" + r.Replace(s) + ")"
}
