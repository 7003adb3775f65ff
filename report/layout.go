package report

import (
	"math"
	"strconv"
	"strings"

	"github.com/jung-kurt/gofpdf"

	"amends/internal/words"
	"amends/score"
)

// Page geometry, in millimetres.
const (
	marginX      = 22.0
	marginTop    = 22.0
	marginBottom = 24.0 // the footer sits in it
	footerY      = 14.0 // from the bottom edge
	boxPad       = 6.0  // inner padding of a box
	boxBar       = 1.6  // the coloured bar on a box's left
)

type rgb struct{ r, g, b int }

// A calm palette: near-black ink, a deep blue-grey accent, soft tints.
var (
	ink    = rgb{33, 37, 41}
	muted  = rgb{88, 95, 103}
	faint  = rgb{128, 134, 140}
	rule   = rgb{218, 222, 226}
	accent = rgb{43, 88, 118}
	track  = rgb{234, 237, 240}

	tints = map[tint][2]rgb{ // fill, bar
		calm: {{238, 243, 247}, {43, 88, 118}},
		soft: {{245, 246, 248}, {188, 196, 204}},
		warm: {{251, 240, 233}, {176, 84, 58}},
		note: {{250, 245, 232}, {190, 146, 60}},
	}

	bandColor = map[string]rgb{
		score.BandWeak:       {196, 126, 100},
		score.BandDeveloping: {214, 172, 92},
		score.BandStrong:     {98, 150, 122},
	}
)

// style is how a run of text looks: weight, size in points, line height in
// millimetres and colour.
type style struct {
	bold  bool
	size  float64
	lh    float64
	color rgb
}

var (
	bodyStyle   = style{false, 10.5, 5.4, ink}
	smallStyle  = style{false, 9, 4.6, muted}
	h1Style     = style{true, 17, 8, accent}
	h2Style     = style{true, 12, 6.4, ink}
	h3Style     = style{true, 10.5, 5.6, ink}
	footerStyle = style{false, 8, 4, faint}

	toneStyle = map[tone]style{
		body:        bodyStyle,
		lead:        {false, 11.5, 6, ink},
		small:       smallStyle,
		strong:      {true, 10.5, 5.4, ink},
		label:       {true, 8.5, 4.6, accent},
		kicker:      {true, 9.5, 5, accent},
		title:       {true, 26, 11, ink},
		verdictTone: {true, 19, 8.6, ink},
	}
)

// opKind is what a drawing operation draws.
type opKind int

const (
	opText opKind = iota
	opRect
	opLine
	opDash
	opCircle
)

// op is one thing drawn on a page, in millimetres from its top left.
type op struct {
	kind       opKind
	x, y, w, h float64
	s          style // text
	text       string
	align      string
	color      rgb     // fill or stroke
	width      float64 // stroke width
	bg         bool    // painted under everything else on its page
}

// link is a clickable area: to a web address, a phone (uri) or a section (dest).
type link struct {
	page       int
	x, y, w, h float64
	uri, dest  string
}

// anchor is where a section starts.
type anchor struct {
	page int
	y    float64
}

// placed records where one unit of the report went: the layout test reads
// these to check the pagination rules.
type placed struct {
	unit    int
	what    string
	keep    bool // must not be split when it fits on a page
	heading bool // kept on a page with the unit after it
	p0, p1  int
	y0, y1  float64
	h       float64
}

// page is what one page holds: backgrounds first, then the rest.
type page struct {
	bg, fg []op
	marks  []mark
	lines  int // lines of text, for the rule about scraps
}

// mark is a bookmark in the outline.
type mark struct {
	title string
	y     float64
}

// rules are the pagination rules; tests turn one off to see that the
// layout test notices.
type rules struct {
	noKeep, noKeepHeading, noLastPage bool
}

// layout places blocks on pages. It never draws: it measures with a
// gofpdf document's fonts and records what to draw, so that a block can be
// measured before it is placed and a page break chosen before anything is
// committed.
type layout struct {
	m                        *gofpdf.Fpdf
	left, width, top, bottom float64
	pageH                    float64 // the page's height, for links

	pages   []*page
	y       float64
	in      *openBox
	inset   float64
	links   []link
	anchors map[string]anchor
	rec     []placed
	units   int
	breakAt map[int]bool
	pageOf  map[string]int // the pages sections started on in an earlier pass
	rules   rules
	scratch bool // measuring only: one endless page, nothing kept

	refs        []pageRef // page numbers printed before the pages were known
	unpatchable bool      // a page number that cannot be written in afterwards

	coverPages  int    // how many pages the first page took
	verdictMark string // the outline's first entry
	w           *words.Book
	callWords   []string
	phones      []string // placing a resource's contact: its phone's numbers
}

// calls are the words that make a short number a phone number.
func (l *layout) calls() []string {
	if l.callWords == nil {
		l.callWords = strings.Fields(l.w.T("report_call_words"))
	}
	return l.callWords
}

type openBox struct {
	tint tint
	y0   float64
}

func newLayout(m *gofpdf.Fpdf) *layout {
	pw, ph := m.GetPageSize()
	return &layout{
		m: m, left: marginX, width: pw - 2*marginX, top: marginTop, bottom: ph - marginBottom, pageH: ph,
		anchors: map[string]anchor{}, breakAt: map[int]bool{}, pageOf: map[string]int{},
	}
}

// child is a scratch layout with the same width and box, for measuring.
func (l *layout) child() *layout {
	c := *l
	c.scratch, c.pages, c.links, c.rec, c.y, c.top, c.bottom = true, nil, nil, nil, 0, 0, math.Inf(1)
	if !l.atTop() {
		c.top = -1 // what is measured does not start a page
	}
	c.anchors = map[string]anchor{}
	if l.in != nil {
		b := *l.in
		c.in = &b
	}
	return &c
}

// height is the height b takes when placed here.
func (l *layout) height(b block) float64 {
	c := l.child()
	c.place(b)
	return c.y
}

func (l *layout) room() float64 { return l.bottom - l.y }

func (l *layout) pageNo() int { return len(l.pages) }

func (l *layout) here() *page { return l.pages[len(l.pages)-1] }

// atTop says whether nothing has been placed on this page yet.
func (l *layout) atTop() bool { return l.y <= l.top+0.01 }

// newPage starts a page; a box being painted is closed with a little
// padding and carries on at the top of the next.
func (l *layout) newPage() {
	if l.scratch {
		return
	}
	if l.in != nil && len(l.pages) > 0 {
		l.y += min(boxPad/2, l.room())
		l.paintBox()
	}
	l.pages = append(l.pages, &page{})
	l.y = l.top
	if l.in != nil {
		l.in.y0 = l.y
		l.y += boxPad / 2
	}
}

// need starts a new page unless h millimetres fit on this one.
func (l *layout) need(h float64) {
	if !l.scratch && (len(l.pages) == 0 || l.y+h > l.bottom+0.001) {
		l.newPage()
	}
}

// space leaves h millimetres; at the top of a page, outside a box, none.
func (l *layout) space(h float64) {
	if !l.scratch && l.atTop() && l.in == nil {
		return
	}
	if !l.scratch && l.y+h > l.bottom {
		l.newPage()
		return
	}
	l.y += h
}

func (l *layout) emit(o op) {
	if l.scratch {
		return
	}
	p := l.here()
	if o.bg {
		p.bg = append(p.bg, o)
		return
	}
	if o.kind == opText && o.text != "" {
		p.lines++
	}
	p.fg = append(p.fg, o)
}

// paintBox paints the open box from where it started on this page to y.
func (l *layout) paintBox() {
	if l.in == nil || l.scratch {
		return
	}
	c := tints[l.in.tint]
	h := l.y - l.in.y0
	// A hair of overlap hides seams in some viewers.
	l.emit(op{kind: opRect, bg: true, x: l.left, y: l.in.y0, w: l.width, h: h, color: c[0]})
	l.emit(op{kind: opRect, bg: true, x: l.left, y: l.in.y0, w: boxBar, h: h, color: c[1]})
}

// font sets the measuring font. Layouts made for measuring share the
// gofpdf document, so none may assume the font it set last is still set.
func (l *layout) font(s style) {
	if s.bold {
		l.m.SetFont(family, "B", s.size)
	} else {
		l.m.SetFont(family, "", s.size)
	}
}

func (l *layout) textWidth(s style, t string) float64 {
	l.font(s)
	return l.m.GetStringWidth(t)
}

// wrap splits text into lines that fit width in style s. It breaks only
// at plain spaces, so a no-break space holds a phone number together; a
// word wider than a line is broken where it must be.
func (l *layout) wrap(s style, width float64, text string) []string {
	l.font(s)
	space := l.m.GetStringWidth(" ")
	var out []string
	cur, w := "", 0.0
	for _, word := range strings.Split(text, " ") {
		if word == "" {
			continue
		}
		ww := l.m.GetStringWidth(word)
		if cur != "" && w+space+ww <= width {
			cur, w = cur+" "+word, w+space+ww
			continue
		}
		if cur != "" {
			out = append(out, cur)
		}
		for ww > width {
			r := []rune(word)
			n := len(r) - 1
			for n > 1 && l.m.GetStringWidth(string(r[:n])) > width {
				n--
			}
			out = append(out, string(r[:n]))
			word = string(r[n:])
			ww = l.m.GetStringWidth(word)
		}
		cur, w = word, ww
	}
	if cur != "" {
		out = append(out, cur)
	}
	return out
}

// avail is the width left for text indent millimetres in.
func (l *layout) avail(indent float64) float64 {
	return l.width - 2*l.inset - indent
}

// line places one line that already fits, indent millimetres in, and the
// links in it.
func (l *layout) line(s style, indent float64, t string) {
	l.need(s.lh)
	x := l.left + l.inset + indent
	l.emit(op{kind: opText, x: x, y: l.y, w: l.left + l.width - l.inset - x, h: s.lh, s: s, text: t, align: "L"})
	if !l.scratch {
		for _, lk := range (linker{l.calls(), l.phones}).find(t) {
			lx := x + l.textWidth(s, t[:lk.start])
			lw := l.textWidth(s, t[lk.start:lk.end])
			l.links = append(l.links, link{page: l.pageNo(), x: lx, y: l.y, w: lw, h: s.lh, uri: lk.uri})
		}
	}
	l.y += s.lh
}

// text places text paragraph by paragraph with a gap between them; list
// items keep a hanging indent. A paragraph that does not fit breaks with
// at least two lines on each page, or moves whole to the next.
func (l *layout) text(s style, indent float64, t string) {
	for i, p := range paragraphs(t) {
		if i > 0 {
			l.space(s.lh * 0.55)
		}
		for _, ln := range strings.Split(bindNumbers(p), "\n") {
			if mark, rest, ok := listMark(ln); ok {
				l.hang(s, indent, 5, s, mark, rest)
				continue
			}
			lines := l.wrap(s, l.avail(indent), ln)
			if !l.scratch && len(l.pages) > 0 {
				fit := int((l.room() + 0.001) / s.lh)
				if fit < len(lines) && (fit < 2 || len(lines)-fit < 2) && float64(len(lines))*s.lh <= l.bottom-l.top {
					l.newPage()
				}
			}
			for _, w := range lines {
				l.line(s, indent, w)
			}
		}
	}
}

// hang places text with a mark (a bullet or a number) hanging before it:
// the mark at indent, the text at indent+gap.
func (l *layout) hang(s style, indent, gap float64, ms style, mark, t string) {
	lines := l.wrap(s, l.avail(indent+gap), bindNumbers(oneLine(t)))
	if len(lines) == 0 {
		lines = []string{""}
	}
	for i, ln := range lines {
		if i == 0 {
			l.need(s.lh)
			l.emit(op{kind: opText, x: l.left + l.inset + indent, y: l.y, w: gap, h: s.lh, s: ms, text: mark, align: "L"})
			// The mark is not a line of its own.
			if !l.scratch {
				l.here().lines--
			}
		}
		l.line(s, indent+gap, ln)
	}
}

// listMark splits a list item into its mark (a bullet for "-", "*" and
// "•", the number otherwise) and its text.
func listMark(ln string) (mark, rest string, ok bool) {
	if !listItem(ln) {
		return "", "", false
	}
	mark, rest, _ = strings.Cut(ln, " ")
	switch mark {
	case "-", "*", "•", "–":
		mark = "•"
	}
	return mark, rest, true
}

// keeps says whether a block is kept whole on a page when it fits on one.
func keeps(b block) bool {
	switch b.(type) {
	case para, bullets, gap, heading, compare:
		return false
	}
	return true
}

// flow places a run of blocks as units: a unit that is kept whole and
// does not fit moves to the next page, and a heading moves with the start
// of what follows it.
func (l *layout) flow(bs []block) {
	for i, b := range bs {
		if g, ok := b.(gap); ok {
			l.space(float64(g))
			continue
		}
		l.unit(b, bs[i+1:])
	}
}

// unit places one block of a flow; rest is what follows it.
func (l *layout) unit(b block, rest []block) {
	if l.scratch {
		l.place(b)
		return
	}
	n := l.units
	l.units++
	if len(l.pages) == 0 {
		l.newPage()
	}
	if l.breakAt[n] && !l.atTop() {
		l.newPage()
	}
	_, isHeading := b.(heading)
	h := 0.0
	if isHeading || keeps(b) {
		h = l.height(b)
	}
	full := l.bottom - l.top
	switch {
	case isHeading:
		want := h
		if !l.rules.noKeepHeading {
			want += l.leadHeight(rest)
		}
		if l.y+min(want, full) > l.bottom && !l.atTop() {
			l.newPage()
		}
	case keeps(b) && !l.rules.noKeep:
		if l.y+h > l.bottom && h <= full && !l.atTop() {
			l.newPage()
		}
	case keeps(b):
		// With the rule off, a block moves only when not a line of it fits.
		if l.y+5 > l.bottom && !l.atTop() {
			l.newPage()
		}
	}
	p0, y0 := l.pageNo(), l.y
	if l.atTop() && l.in == nil {
		y0 = l.top
	}
	l.place(b)
	l.rec = append(l.rec, placed{unit: n, what: describe(b), keep: keeps(b), heading: isHeading, p0: p0, y0: y0, p1: l.pageNo(), y1: l.y, h: h})
}

// leadHeight is how much of what follows a heading must share its page:
// all of a block kept whole (when it fits a page), two lines of text, or
// the first item of a list.
func (l *layout) leadHeight(rest []block) float64 {
	h := 0.0
	for _, b := range rest {
		switch x := b.(type) {
		case gap:
			h += float64(x)
			continue
		case heading:
			return h + l.height(x) + l.leadHeight(rest[1:])
		case para:
			ps := paragraphs(x.text)
			if len(ps) == 0 {
				return h
			}
			s := toneStyle[x.tone]
			n := len(l.wrap(s, l.avail(0), ps[0]))
			return h + float64(min(n, 2))*s.lh
		case bullets:
			if len(x.items) == 0 {
				return h
			}
			return h + l.height(bullets{x.tone, x.items[:1]})
		}
		hb := l.height(b)
		if hb > l.bottom-l.top {
			hb = 3 * bodyStyle.lh
		}
		return h + hb
	}
	return h
}

// describe names a block in test messages.
func describe(b block) string {
	first := func(s string) string {
		s = oneLine(s)
		if r := []rune(s); len(r) > 40 {
			s = string(r[:40]) + "…"
		}
		return s
	}
	switch x := b.(type) {
	case para:
		return "text “" + first(x.text) + "”"
	case heading:
		return "heading “" + first(x.text) + "”"
	case bullets:
		return "list"
	case box:
		for _, k := range x.kids {
			if _, ok := k.(gap); !ok {
				return "box starting with " + describe(k)
			}
		}
		return "box"
	case group:
		if len(x.kids) > 0 {
			return "group starting with " + describe(x.kids[0])
		}
		return "group"
	case chart:
		return "chart"
	case dimension:
		return "part “" + first(x.title) + "”"
	case ruler:
		return "ruler “" + first(x.question) + "”"
	case step:
		return "step “" + first(x.text) + "”"
	case qa:
		return "question " + strconv.Itoa(x.n) + " and its answer"
	case contents:
		return "contents"
	case pointer:
		return "pointer to “" + x.section + "”"
	case compare:
		return "then and now"
	}
	return "block"
}

// place lays out one block at the current position.
func (l *layout) place(b block) {
	switch x := b.(type) {
	case gap:
		l.space(float64(x))
	case para:
		l.text(toneStyle[x.tone], 0, x.text)
	case heading:
		l.heading(x)
	case bullets:
		s := toneStyle[x.tone]
		for _, it := range x.items {
			if !l.scratch {
				if h := l.height(bullets{x.tone, []string{it}}); h > l.room() && h <= l.bottom-l.top && !l.rules.noKeep {
					l.newPage()
				}
			}
			l.hang(s, 0, 4.5, s, "•", it)
		}
	case box:
		l.openBox(x.tint)
		for _, k := range x.kids {
			l.place(k)
		}
		l.shutBox()
	case group:
		for _, k := range x.kids {
			l.place(k)
		}
	case chart:
		l.chart(x)
	case dimension:
		l.dimension(x)
	case ruler:
		l.ruler(x)
	case step:
		num := style{true, bodyStyle.size, bodyStyle.lh, accent}
		l.hang(bodyStyle, 0, 7, num, strconv.Itoa(x.n), x.text)
		if x.because != "" {
			l.space(0.8)
			for _, w := range l.wrap(smallStyle, l.avail(7), bindNumbers(x.because)) {
				l.line(smallStyle, 7, w)
			}
		}
	case qa:
		num := style{false, smallStyle.size, smallStyle.lh, faint}
		l.hang(smallStyle, 0, 8, num, strconv.Itoa(x.n), x.q)
		l.text(bodyStyle, 8, x.a)
	case contents:
		l.contents(x)
	case pointer:
		n := l.pageOf[x.id]
		if n == 0 {
			n = unknownPage
		}
		on := l.w.T("report_on_page", "n", n)
		t := x.before + x.section + x.mid + on + x.after
		p0, y0 := l.pageNo(), l.y
		first := 0
		if !l.scratch {
			first = len(l.here().fg)
		}
		l.text(bodyStyle, 0, t)
		if !l.scratch {
			// Where the page number went, to write the real one in.
			at := -1
			if pg := l.here(); p0 == l.pageNo() {
				for i := first; i < len(pg.fg); i++ {
					if strings.Contains(pg.fg[i].text, on) {
						at = i
					}
				}
			}
			if at < 0 {
				l.unpatchable = true
			} else {
				l.refs = append(l.refs, pageRef{page: len(l.pages) - 1, op: at, id: x.id, old: on})
			}
		}
		if !l.scratch && p0 == l.pageNo() {
			l.links = append(l.links, link{page: p0, x: l.left + l.inset, y: y0, w: l.avail(0), h: l.y - y0, dest: x.id})
		}
	case compare:
		l.compare(x)
	case contact:
		l.phones = x.phones
		l.text(toneStyle[strong], 0, x.text)
		l.phones = nil
	}
}

// openBox starts painting a box with a little padding; shutBox ends it.
func (l *layout) openBox(t tint) {
	l.need(2*boxPad + bodyStyle.lh)
	l.in = &openBox{tint: t, y0: l.y}
	l.inset = boxPad + boxBar
	l.y += boxPad
}

func (l *layout) shutBox() {
	l.y += boxPad
	l.paintBox()
	l.in = nil
	l.inset = 0
}

// heading places a heading; a section's title (level 1) gets a bookmark,
// an anchor for links and a hairline under it.
func (l *layout) heading(h heading) {
	t := oneLine(h.text)
	switch h.level {
	case 1:
		if !l.atTop() {
			l.space(9)
		}
		if !l.scratch {
			l.anchors[h.id] = anchor{l.pageNo(), l.y}
			l.here().marks = append(l.here().marks, mark{t, l.y})
		}
		for _, w := range l.wrap(h1Style, l.width, t) {
			l.line(h1Style, 0, w)
		}
		y := l.y + 1.5
		l.emit(op{kind: opLine, x: l.left, y: y, w: l.width, color: rule, width: 0.3})
		l.y = y + 4.5
	case 2:
		for _, w := range l.wrap(h2Style, l.avail(0), t) {
			l.line(h2Style, 0, w)
		}
	default:
		for _, w := range l.wrap(h3Style, l.avail(0), t) {
			l.line(h3Style, 0, w)
		}
	}
}

// dimension places one part: its title, its band and score, what it
// means, the set's words for it, and the answers that moved it most.
func (l *layout) dimension(d dimension) {
	for _, w := range l.wrap(h3Style, l.avail(0), d.title) {
		l.line(h3Style, 0, w)
	}
	l.need(smallStyle.lh)
	if c, ok := bandColor[d.band]; ok {
		// The bar's colour, to tie the words to the chart.
		l.emit(op{kind: opRect, x: l.left + l.inset, y: l.y + smallStyle.lh/2 - 1.1, w: 2.2, h: 2.2, color: c})
	}
	l.line(smallStyle, 3.6, d.bandLine)
	if d.about != "" {
		l.space(0.5)
		l.text(smallStyle, 0, d.about)
	}
	if d.text != "" {
		l.space(1)
		l.text(bodyStyle, 0, d.text)
	}
	if len(d.items) > 0 {
		l.space(1.5)
		l.line(smallStyle, 0, d.fromLabel)
		for _, it := range d.items {
			l.hang(smallStyle, 0, 4.5, smallStyle, "•", it)
		}
	}
}

// ruler places a 0..10 answer as a ruler with a mark; other answers as words.
func (l *layout) ruler(r ruler) {
	l.text(smallStyle, 0, r.question)
	if !r.numeric {
		l.text(toneStyle[lead], 0, r.answer)
		return
	}
	l.need(12)
	y := l.y + 4.5
	x0, w := l.left+2, 96.0
	l.emit(op{kind: opLine, x: x0, y: y, w: w, color: rule, width: 0.7})
	tick := style{false, 7.5, 3, faint}
	for i := 0; i <= 10; i++ {
		tx := x0 + w*float64(i)/10
		l.emit(op{kind: opLine, x: tx, y: y - 1.3, h: 2.6, color: rule, width: 0.3})
		l.emit(op{kind: opText, x: tx - 3, y: y + 2, w: 6, h: 3, s: tick, text: strconv.Itoa(i), align: "C"})
	}
	if !l.scratch {
		l.here().lines -= 10 // the ticks are one line with the ruler
	}
	l.emit(op{kind: opCircle, x: x0 + w*float64(r.value)/10, y: y, w: 1.9, color: accent})
	l.emit(op{kind: opText, x: x0 + w + 7, y: y - bodyStyle.lh/2, w: 40, h: bodyStyle.lh, s: toneStyle[strong], text: r.answerLine, align: "L"})
	l.y = y + 7.5
}

// contents lists the sections with their pages, each a link.
func (l *layout) contents(c contents) {
	s := toneStyle[label]
	l.line(s, 0, c.label)
	l.space(2)
	num := style{false, bodyStyle.size, bodyStyle.lh, muted}
	for _, e := range c.entries {
		l.need(bodyStyle.lh)
		n := l.pageOf[e.id]
		if n == 0 {
			n = unknownPage
		}
		l.emit(op{kind: opText, x: l.left, y: l.y, w: 10, h: bodyStyle.lh, s: num, text: strconv.Itoa(n), align: "L"})
		if !l.scratch {
			p := l.here()
			l.refs = append(l.refs, pageRef{page: len(l.pages) - 1, op: len(p.fg) - 1, id: e.id, number: true})
			l.here().lines--
			l.links = append(l.links, link{page: l.pageNo(), x: l.left, y: l.y, w: 10 + l.textWidth(bodyStyle, e.title), h: bodyStyle.lh, dest: e.id})
		}
		l.emit(op{kind: opText, x: l.left + 10, y: l.y, w: l.width - 10, h: bodyStyle.lh, s: bodyStyle, text: e.title, align: "L"})
		l.y += bodyStyle.lh
	}
}

// compare places each part then and now, in three columns; a row is
// never split, and the columns' headings start every page it runs onto.
func (l *layout) compare(c compare) {
	const col = 0.42
	s := bodyStyle
	hd := toneStyle[label]
	w0 := l.width * col
	w1 := (l.width - w0) / 2
	header := func() {
		l.emit(op{kind: opText, x: l.left + w0, y: l.y, w: w1, h: hd.lh, s: hd, text: c.then, align: "L"})
		l.emit(op{kind: opText, x: l.left + w0 + w1, y: l.y, w: w1, h: hd.lh, s: hd, text: c.now, align: "L"})
		if !l.scratch {
			l.here().lines--
		}
		l.y += hd.lh + 1
	}
	for i, r := range c.rows {
		lines := l.wrap(s, w0-3, r.title)
		h := float64(len(lines))*s.lh + 1.5
		if i == 0 {
			l.need(hd.lh + 1 + h)
			header()
		} else if !l.scratch && l.y+h > l.bottom {
			l.newPage()
			header()
		}
		y := l.y
		for _, ln := range lines {
			l.line(s, 0, ln)
		}
		l.emit(op{kind: opText, x: l.left + w0, y: y, w: w1, h: s.lh, s: smallStyle, text: r.then, align: "L"})
		l.emit(op{kind: opText, x: l.left + w0 + w1, y: y, w: w1, h: s.lh, s: smallStyle, text: r.now, align: "L"})
		if !l.scratch {
			l.here().lines -= 2
		}
		l.y += 1.5
	}
}

// unknownPage is printed for a section's page before it is known. The
// digits of the text face are all as wide, so writing the real page in
// afterwards moves nothing (for pages 1 to 9).
const unknownPage = 9

// pageRef is a page number printed in the text: the op that holds it.
type pageRef struct {
	page, op int
	id       string
	number   bool   // the op is the number alone
	old      string // else the words holding it, as printed
}

// patch writes the sections' real pages into the page numbers printed
// before they were known, and reports whether it could: not when a number
// was split across lines or a page number has two digits.
func (l *layout) patch() bool {
	if l.unpatchable {
		return false
	}
	for _, a := range l.anchors {
		if a.page > 9 {
			return false
		}
	}
	for _, r := range l.refs {
		a, ok := l.anchors[r.id]
		if !ok {
			return false
		}
		o := &l.pages[r.page].fg[r.op]
		if r.number {
			o.text = strconv.Itoa(a.page)
		} else {
			o.text = strings.Replace(o.text, r.old, l.w.T("report_on_page", "n", a.page), 1)
		}
	}
	l.pageOf = pagesOf(l.anchors)
	return true
}
