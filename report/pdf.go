// Package report turns a score.Result into a report someone can read once
// and act on: a PDF, one self-contained HTML file, or plain text, all with
// the same words. It never parses TOML and never links a prompt library.
//
// Imports go one way: questions ← score ← report ← quiz ← main.
package report

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/jung-kurt/gofpdf"

	"amends/internal/file"
	"amends/score"
)

// Options say how a report is made.
type Options struct {
	Paper    string    // "a4" (the default) or "letter"
	Date     time.Time // the date printed on the first page and in the PDF; zero means now
	Appendix bool      // add the answers themselves at the end
	Kept     string    // where the answers are kept, for the privacy note; "" when nowhere
	// Bands are the set's two cut points on 0..100 between "needs work",
	// "developing" and "strong"; nil means the Result's, or 40 and 70.
	Bands []float64
	// FullTitle gives the document the set's title, which shows in window
	// titles, tabs and lists of recent files; by default it is neutral.
	FullTitle bool
	// Compare is an earlier result of the same set, to show each part then
	// and now; CompareDate is when it was answered, if known.
	Compare     *score.Result
	CompareDate time.Time

	// Font is a TrueType font to set the report in, in place of Noto
	// Sans, for a script that lacks (ReadFont reads one); FontName is its
	// name, for the note on where the report comes from. Without it, the
	// font the set names (score.SetInfo.Font), if any.
	Font     []byte
	FontName string

	rules rules // for tests: pagination rules turned off
}

// The text face: Noto Sans, made for reading, with plain zeros and short
// hyphens (fonts/OFL.txt).
var (
	//go:embed fonts/NotoSans-Regular.ttf
	regularTTF []byte
	//go:embed fonts/NotoSans-Bold.ttf
	boldTTF []byte
)

// The family name the fonts are registered under.
const family = "Noto"

// PDF writes the report of r to w. The same Result and Options give the
// same bytes.
func PDF(w io.Writer, r *score.Result, o Options) (err error) {
	defer func() {
		// gofpdf panics on input it cannot handle; clean() removes what is
		// known to, and this keeps anything else a one-line error.
		if p := recover(); p != nil {
			err = fmt.Errorf("cannot make the PDF: %v", p)
		}
	}()
	b, _, err := makePDF(r, o)
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

// makePDF makes the PDF and returns, for tests, the layout it came from.
func makePDF(r *score.Result, o Options) ([]byte, *layout, error) {
	pdf, d, l, err := layOut(r, o)
	if err != nil {
		return nil, nil, err
	}
	pdf.SetTitle(d.title, true)
	paint(pdf, l, d)
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return nil, nil, fmt.Errorf("cannot make the PDF: %v", err)
	}
	_, ph := pdf.GetPageSize()
	out, err := withLinks(buf.Bytes(), l.links, l.anchors, ph, d.lang)
	if err != nil {
		return nil, nil, fmt.Errorf("cannot make the PDF: %v", err)
	}
	return out, l, nil
}

// layOut builds the report of r and lays it out on a new document with
// its fonts, ready to be painted: all of the PDF but the painting and the
// writing, which the layout tests need not wait for.
func layOut(r *score.Result, o Options) (*gofpdf.Fpdf, *doc, *layout, error) {
	if r == nil {
		return nil, nil, nil, fmt.Errorf("no result to report")
	}
	size := "A4"
	switch strings.ToLower(o.Paper) {
	case "", "a4":
	case "letter":
		size = "Letter"
	default:
		return nil, nil, nil, fmt.Errorf("unknown paper %q; use a4 or letter", o.Paper)
	}
	if err := setFont(r, &o); err != nil {
		return nil, nil, nil, err
	}
	bd := newBuilder(r, o)
	pdf := gofpdf.New("P", "mm", size, "")
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(bd.date)
	pdf.SetModificationDate(bd.date)
	// Fresh copies: gofpdf writes into the font bytes it is given
	// (libraries.md §2.7), which would make later documents differ.
	regular, bold := regularTTF, boldTTF
	if len(o.Font) > 0 {
		regular, bold = o.Font, o.Font // one face: bold as regular
	}
	pdf.AddUTF8FontFromBytes(family, "", bytes.Clone(regular))
	pdf.AddUTF8FontFromBytes(family, "B", bytes.Clone(bold))
	pdf.SetFont(family, "", 10) // a UTF-8 font before any bookmark or metadata
	if err := pdf.Error(); err != nil {
		return nil, nil, nil, fmt.Errorf("cannot load the fonts: %v", err)
	}
	pdf.SetCreator("amends", true)
	pdf.SetDisplayMode("fullwidth", "OneColumn")
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(marginX, marginTop, marginX)
	pdf.SetCellMargin(0)

	d, l := fit(pdf, bd, o.rules)
	return pdf, d, l, nil
}

// fit builds the report and lays it out until it keeps the rules: a first
// page that holds the verdict, page numbers that agree with where the
// sections start, and a last page that is not a scrap.
func fit(m *gofpdf.Fpdf, bd *builder, rs rules) (*doc, *layout) {
	d := bd.build()
	run := func(pageOf map[string]int, breakAt map[int]bool) *layout {
		l := newLayout(m)
		l.rules = rs
		l.pageOf = pageOf
		if breakAt != nil {
			l.breakAt = breakAt
		}
		l.render(d)
		return l
	}
	// The first page stands alone: what does not fit moves on.
	cover := func() int {
		l := newLayout(m)
		l.w = d.w
		l.newPage()
		l.flow(d.cover)
		return len(l.pages)
	}
	pages := cover()
	for _, less := range []func() bool{
		func() bool { bd.noContents = true; return true },
		func() bool { bd.whyApart = true; return len(bd.r.Verdict.Why) > 0 },
		func() bool { bd.textApart = true; return oneLine(bd.r.Verdict.Text) != "" },
		func() bool { bd.tight = true; return true },
		func() bool { bd.fewerSteps = 1; return true },
		func() bool { bd.fewerHelp = 1; return true },
		func() bool { bd.fewerSteps = 2; return true },
		func() bool { bd.fewerHelp = 2; return true },
		// Last, the first steps leave the first page: they are under
		// "Next steps" all the same.
		func() bool { bd.fewerSteps = firstSteps; return true },
	} {
		if pages == 1 {
			break
		}
		if less() {
			d = bd.build()
			pages = cover()
		}
	}
	l := run(nil, nil)
	// Page numbers printed must be where the sections start: written in
	// when they can be, or laid out again.
	if !samePages(l.pageOf, l.anchors) && l.patch() {
		l.refs = nil
	}
	for range 3 {
		if samePages(l.pageOf, l.anchors) {
			break
		}
		l = run(pagesOf(l.anchors), nil)
	}
	// No last page with fewer than five lines: start the last page earlier.
	if !rs.noLastPage && len(l.pages) > 1 && l.pages[len(l.pages)-1].lines < minLastLines {
		pages := len(l.pages)
		for _, u := range l.lastUnitsOn(pages - 1) {
			try := run(l.pageOf, map[int]bool{u: true})
			if len(try.pages) == pages && try.pages[pages-1].lines >= minLastLines && samePages(try.pageOf, try.anchors) {
				l = try
				break
			}
		}
	}
	return d, l
}

// minLastLines is the fewest lines a last page may hold.
const minLastLines = 5

func samePages(pageOf map[string]int, anchors map[string]anchor) bool {
	if len(pageOf) != len(anchors) {
		return false
	}
	for id, a := range anchors {
		if pageOf[id] != a.page {
			return false
		}
	}
	return true
}

func pagesOf(anchors map[string]anchor) map[string]int {
	m := map[string]int{}
	for id, a := range anchors {
		m[id] = a.page
	}
	return m
}

// lastUnitsOn returns the units that start on page p, the last first,
// except the first on the page.
func (l *layout) lastUnitsOn(p int) []int {
	var us []int
	for i := len(l.rec) - 1; i >= 0; i-- {
		r := l.rec[i]
		if r.p0 == p && r.y0 > l.top+0.01 {
			us = append(us, r.unit)
		}
		if r.p0 < p {
			break
		}
	}
	return us
}

// render lays out the whole report: the first page, then the sections.
func (l *layout) render(d *doc) {
	l.verdictMark = d.mark
	l.w = d.w
	l.newPage()
	l.flow(d.cover)
	l.coverPages = len(l.pages)
	if len(d.later) > 0 {
		l.newPage()
		l.flow(d.later)
	}
	for _, s := range d.sections {
		if l.pageNo() == 1 {
			// The first page stands on its own.
			l.newPage()
		}
		bs := append([]block{heading{level: 1, text: s.title, id: s.id}}, s.blocks...)
		l.flow(bs)
	}
}

// paint draws what the layout placed.
func paint(pdf *gofpdf.Fpdf, l *layout, d *doc) {
	cur := ""
	font := func(s style) {
		key := fmt.Sprint(s.bold, s.size)
		if key != cur {
			if s.bold {
				pdf.SetFont(family, "B", s.size)
			} else {
				pdf.SetFont(family, "", s.size)
			}
			cur = key
		}
		pdf.SetTextColor(s.color.r, s.color.g, s.color.b)
	}
	draw := func(o op) {
		switch o.kind {
		case opText:
			font(o.s)
			pdf.SetXY(o.x, o.y)
			pdf.CellFormat(o.w, o.h, o.text, "", 0, o.align, false, 0, "")
		case opRect:
			pdf.SetFillColor(o.color.r, o.color.g, o.color.b)
			pdf.Rect(o.x, o.y, o.w, o.h+0.12, "F")
		case opLine:
			pdf.SetDrawColor(o.color.r, o.color.g, o.color.b)
			pdf.SetLineWidth(o.width)
			pdf.Line(o.x, o.y, o.x+o.w, o.y+o.h)
		case opDash:
			pdf.SetDrawColor(o.color.r, o.color.g, o.color.b)
			pdf.SetLineWidth(o.width)
			pdf.SetDashPattern([]float64{0.9, 0.9}, 0)
			pdf.Line(o.x, o.y, o.x+o.w, o.y+o.h)
			pdf.SetDashPattern(nil, 0)
		case opCircle:
			pdf.SetFillColor(o.color.r, o.color.g, o.color.b)
			pdf.Circle(o.x, o.y, o.w, "F")
		}
	}
	n := len(l.pages)
	for i, p := range l.pages {
		pdf.AddPage()
		cur = ""
		font(bodyStyle)
		if i == 0 {
			pdf.Bookmark(l.verdictMark, 0, marginTop)
		}
		for _, m := range p.marks {
			pdf.Bookmark(m.title, 0, m.y)
		}
		for _, o := range p.bg {
			draw(o)
		}
		for _, o := range p.fg {
			draw(o)
		}
		// The footer: the page number, and nothing that says what the
		// report is about.
		y := l.pageH - footerY
		draw(op{kind: opLine, x: l.left, y: y - 2.5, w: l.width, color: rule, width: 0.2})
		if d.footer != "" {
			draw(op{kind: opText, x: l.left, y: y, w: l.width / 2, h: footerStyle.lh, s: footerStyle, text: d.footer, align: "L"})
		}
		draw(op{kind: opText, x: l.left + l.width/2, y: y, w: l.width / 2, h: footerStyle.lh, s: footerStyle, text: l.w.T("report_page", "page", i+1, "n", n), align: "R"})
	}
}

// WriteFile writes the report of r to path atomically with mode 0600, as
// a PDF, as HTML when the path ends in ".html" or ".htm", or as text when
// it ends in ".txt"; an existing file is replaced only when overwrite is
// set, and otherwise the error wraps file.ErrExists. Nothing is written
// when the report cannot be made.
func WriteFile(path string, r *score.Result, o Options, overwrite bool) error {
	var buf bytes.Buffer
	var err error
	switch FormatOf(path) {
	case "html":
		err = HTML(&buf, r, o)
	case "text":
		err = PlainText(&buf, r, o)
	default:
		err = PDF(&buf, r, o)
	}
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return file.Write(path, buf.Bytes(), 0o600, overwrite)
}

// FormatOf names the form a report file takes by its extension: "html",
// "text" or "pdf".
func FormatOf(path string) string {
	p := strings.ToLower(path)
	switch {
	case strings.HasSuffix(p, ".html"), strings.HasSuffix(p, ".htm"):
		return "html"
	case strings.HasSuffix(p, ".txt"):
		return "text"
	}
	return "pdf"
}

// setFont reads the font the set names into o, unless o has one.
func setFont(r *score.Result, o *Options) error {
	if len(o.Font) > 0 || r.Set.Font == "" {
		return nil
	}
	b, name, err := ReadFont(r.Set.Font)
	if err != nil {
		return err
	}
	o.Font, o.FontName = b, name
	return nil
}
