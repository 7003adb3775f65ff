package report

import (
	"strconv"
	"strings"
	"time"

	"github.com/jung-kurt/gofpdf"

	"amends/score"
)

// Page geometry, in millimetres.
const (
	marginX      = 22.0
	marginTop    = 22.0
	marginBottom = 24.0 // the footer sits in it
	footerY      = 14.0 // from the bottom edge
)

type rgb struct{ r, g, b int }

// A calm palette: near-black ink, a deep blue-grey accent, soft tints.
var (
	ink     = rgb{33, 37, 41}
	muted   = rgb{92, 99, 107}
	faint   = rgb{140, 146, 152}
	rule    = rgb{218, 222, 226}
	accent  = rgb{43, 88, 118}
	track   = rgb{234, 237, 240}
	calmBox = box{fill: rgb{238, 243, 247}, bar: rgb{43, 88, 118}}
	softBox = box{fill: rgb{245, 246, 248}, bar: rgb{188, 196, 204}}
	warmBox = box{fill: rgb{251, 240, 233}, bar: rgb{176, 84, 58}}
	noteBox = box{fill: rgb{250, 245, 232}, bar: rgb{190, 146, 60}}

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
	bodyStyle    = style{false, 10.5, 5.4, ink}
	strongStyle  = style{true, 10.5, 5.4, ink}
	smallStyle   = style{false, 9, 4.6, muted}
	labelStyle   = style{true, 8.5, 4.6, accent}
	h1Style      = style{true, 17, 8, accent}
	h2Style      = style{true, 12, 6.4, ink}
	h3Style      = style{true, 10.5, 5.6, ink}
	kickerStyle  = style{true, 9.5, 5, accent}
	titleStyle   = style{true, 26, 11, ink}
	verdictStyle = style{true, 19, 8.6, ink}
	leadStyle    = style{false, 11.5, 6, ink}
	footerStyle  = style{false, 8, 4, faint}
)

// box is a tinted panel with a coloured bar on its left. It is painted a
// line at a time, so it runs across page breaks.
type box struct {
	fill, bar rgb
}

const boxPad = 6.0 // inner padding of a box

// doc is one report being laid out. It keeps its own y and breaks pages
// itself, so that headings stay with what follows them and boxes paint
// under every line they hold.
type doc struct {
	pdf    *gofpdf.Fpdf
	r      *score.Result
	o      Options
	date   time.Time
	cuts   [2]float64
	urgent bool

	left, width, top, bottom float64

	in  *box   // the box being painted, if any
	cur string // the font last set, to skip redundant SetFont calls

	toc map[string]*tocEntry // by section title
}

// tocEntry is where a section starts: an alias for the contents on the
// first page, replaced by its page number when the PDF is written.
type tocEntry struct {
	alias string
}

// y is where the next line goes.
func (d *doc) y() float64 { return d.pdf.GetY() }

func (d *doc) style(s style) {
	key := "R"
	if s.bold {
		key = "B"
	}
	key += ftoa(s.size)
	if key != d.cur {
		if s.bold {
			d.pdf.SetFont(family, "B", s.size)
		} else {
			d.pdf.SetFont(family, "", s.size)
		}
		d.cur = key
	}
	d.pdf.SetTextColor(s.color.r, s.color.g, s.color.b)
}

func ftoa(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// newPage starts a page; a box being painted is closed with a little
// padding and carries on at the top of the next.
func (d *doc) newPage() {
	if d.in != nil && d.pdf.PageNo() > 0 {
		d.paint(min(boxPad/2, d.bottom-d.y()))
	}
	d.pdf.AddPage()
	d.cur = ""
	d.pdf.SetXY(d.left, d.top)
	if d.in != nil {
		d.paint(boxPad / 2)
		d.pdf.SetY(d.top + boxPad/2)
	}
}

// need starts a new page unless h millimetres fit on this one.
func (d *doc) need(h float64) {
	if d.pdf.PageNo() == 0 || d.y()+h > d.bottom {
		d.newPage()
	}
}

// atTop says whether nothing has been printed on this page yet.
func (d *doc) atTop() bool { return d.y() <= d.top+0.01 }

// space leaves h millimetres, painted when inside a box; at the top of a
// page it leaves nothing.
func (d *doc) space(h float64) {
	if d.atTop() && d.in == nil {
		return
	}
	if d.y()+h > d.bottom {
		d.newPage()
		return
	}
	d.paint(h)
	d.pdf.SetY(d.y() + h)
}

// paint fills the strip of the current box from y down h millimetres.
func (d *doc) paint(h float64) {
	if d.in == nil || h <= 0 {
		return
	}
	p, y := d.pdf, d.y()
	// A hair of overlap hides seams between strips in some viewers.
	p.SetFillColor(d.in.fill.r, d.in.fill.g, d.in.fill.b)
	p.Rect(d.left, y, d.width, h+0.12, "F")
	p.SetFillColor(d.in.bar.r, d.in.bar.g, d.in.bar.b)
	p.Rect(d.left, y, 1.6, h+0.12, "F")
}

// inset is how far text stands in from the margins.
func (d *doc) inset() float64 {
	if d.in != nil {
		return boxPad + 1.6
	}
	return 0
}

// open starts painting a box with a little padding; shut ends it.
func (d *doc) open(b box) {
	d.need(18)
	d.in = &b
	d.paint(boxPad)
	d.pdf.SetY(d.y() + boxPad)
}

func (d *doc) shut() {
	d.paint(boxPad)
	d.pdf.SetY(d.y() + boxPad)
	d.in = nil
}

// line prints one line that already fits, indent millimetres in.
func (d *doc) line(s style, indent float64, text string) {
	d.need(s.lh)
	d.paint(s.lh)
	d.style(s)
	x := d.left + d.inset() + indent
	d.pdf.SetXY(x, d.y())
	d.pdf.CellFormat(d.left+d.width-d.inset()-x, s.lh, text, "", 1, "L", false, 0, "")
}

// wrap splits text into lines that fit width millimetres in style s.
func (d *doc) wrap(s style, width float64, text string) []string {
	d.style(s)
	var out []string
	for _, l := range d.pdf.SplitText(text, width) {
		out = append(out, strings.TrimRight(l, " "))
	}
	return out
}

// text prints text, cleaned and wrapped, paragraph by paragraph, with a gap
// between paragraphs; list items keep a hanging indent.
func (d *doc) text(s style, indent float64, text string) {
	for i, para := range paragraphs(text) {
		if i > 0 {
			d.space(s.lh * 0.55)
		}
		for _, l := range strings.Split(para, "\n") {
			if mark, rest, ok := listMark(l); ok {
				d.hang(s, indent, 5, s, mark, rest)
				continue
			}
			for _, w := range d.wrap(s, d.avail(indent), l) {
				d.line(s, indent, w)
			}
		}
	}
}

// measure returns the height text would take, printed by text.
func (d *doc) measure(s style, indent float64, text string) float64 {
	h := 0.0
	for i, para := range paragraphs(text) {
		if i > 0 {
			h += s.lh * 0.55
		}
		for _, l := range strings.Split(para, "\n") {
			w := d.avail(indent)
			if _, rest, ok := listMark(l); ok {
				w, l = d.avail(indent+5), oneLine(rest)
			}
			h += float64(max(len(d.wrap(s, w, l)), 1)) * s.lh
		}
	}
	return h
}

// listMark splits a list item into its mark (a bullet for "-", "*" and
// "•", the number otherwise) and its text.
func listMark(l string) (mark, rest string, ok bool) {
	if !listItem(l) {
		return "", "", false
	}
	mark, rest, _ = strings.Cut(l, " ")
	switch mark {
	case "-", "*", "•", "–":
		mark = "•"
	}
	return mark, rest, true
}

// avail is the width left for text indent millimetres in.
func (d *doc) avail(indent float64) float64 {
	return d.width - 2*d.inset() - indent
}

// hang prints text with a mark (a bullet or a number) hanging in the
// margin before it: the mark at indent, the text at indent+gap.
func (d *doc) hang(s style, indent, gap float64, ms style, mark, text string) {
	lines := d.wrap(s, d.avail(indent+gap), oneLine(text))
	if len(lines) == 0 {
		lines = []string{""}
	}
	for i, l := range lines {
		d.need(s.lh)
		if i == 0 {
			d.paint(s.lh)
			d.style(ms)
			d.pdf.SetXY(d.left+d.inset()+indent, d.y())
			d.pdf.CellFormat(gap, s.lh, mark, "", 0, "L", false, 0, "")
			d.style(s)
			d.pdf.SetX(d.left + d.inset() + indent + gap)
			d.pdf.CellFormat(d.avail(indent+gap), s.lh, l, "", 1, "L", false, 0, "")
			continue
		}
		d.line(s, indent+gap, l)
	}
}

// bullet prints one bullet point.
func (d *doc) bullet(s style, indent float64, text string) {
	d.hang(s, indent, 4.5, s, "•", text)
}

// heading starts a section: on a new page when little room is left, with
// a bookmark, a hairline under it and room after.
func (d *doc) heading(title string) { d.headingWith(title, 30) }

// headingWith is heading, kept with the first next millimetres after it
// (at most half a page).
func (d *doc) headingWith(title string, next float64) {
	title = oneLine(title)
	d.need(9 + h1Style.lh + 6 + min(next, (d.bottom-d.top)/2))
	if !d.atTop() {
		d.space(9)
	}
	d.pdf.Bookmark(title, 0, d.y())
	if e := d.toc[title]; e != nil {
		d.pdf.RegisterAlias(e.alias, strconv.Itoa(d.pdf.PageNo()))
	}
	for _, l := range d.wrap(h1Style, d.width, title) {
		d.line(h1Style, 0, l)
	}
	y := d.y() + 1.5
	d.pdf.SetDrawColor(rule.r, rule.g, rule.b)
	d.pdf.SetLineWidth(0.3)
	d.pdf.Line(d.left, y, d.left+d.width, y)
	d.pdf.SetY(y + 4.5)
}

// subheading starts a part of a section, kept with the first next
// millimetres after it (at most half a page).
func (d *doc) subheading(title string, next float64) {
	title = oneLine(title)
	d.need(4 + h2Style.lh + 1.5 + min(max(next, 3*bodyStyle.lh), (d.bottom-d.top)/2))
	d.space(4)
	// No bookmark: gofpdf writes /Count 0 on an outline item with children,
	// which strict readers reject, so the outline stays one level deep.
	for _, l := range d.wrap(h2Style, d.avail(0), title) {
		d.line(h2Style, 0, l)
	}
	d.space(1.5)
}

// keepWhole keeps a block of height h on one page when it is no more than
// half a page; a longer one may break, after at least least millimetres.
func (d *doc) keepWhole(h, least float64) {
	if h <= (d.bottom-d.top)/2 {
		d.keep(h)
	} else {
		d.keep(least)
	}
}

// bulletHeight is the height bullet takes for text.
func (d *doc) bulletHeight(s style, text string) float64 {
	return float64(max(len(d.wrap(s, d.avail(4.5), oneLine(text))), 1)) * s.lh
}

// keep starts a new page unless h millimetres fit, so that a short block
// (a title and its first lines) is not split.
func (d *doc) keep(h float64) {
	if d.y()+h > d.bottom && !d.atTop() {
		d.newPage()
	}
}
