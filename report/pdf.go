// Package report turns a score.Result into what a person reads: a PDF
// someone can read once and act on (PDF, WriteFile), and the same result
// as plain text for a terminal or a screen reader (Text). It never parses
// TOML and never links a prompt library.
//
// Imports go one way: questions ← score ← report ← quiz ← main.
package report

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/jung-kurt/gofpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"

	"amends/internal/file"
	"amends/score"
)

// Options say how a report is printed.
type Options struct {
	Paper    string    // "a4" (the default) or "letter"
	Date     time.Time // the date printed on the first page and in the PDF; zero means now
	Appendix bool      // add the answers themselves at the end
	Kept     string    // where the answers are kept, for the privacy note; "" when nowhere
	// Bands are the set's two cut points on 0..100 between "needs work",
	// "developing" and "strong", marked on the chart; nil means 40 and 70.
	Bands []float64
}

// PDF writes the report of r to w. The same Result and Options give the
// same bytes.
func PDF(w io.Writer, r *score.Result, o Options) (err error) {
	d, err := newDoc(r, o)
	if err != nil {
		return err
	}
	defer func() {
		// gofpdf panics on input it cannot handle; clean() removes what is
		// known to, and this keeps anything else a one-line error.
		if p := recover(); p != nil {
			err = fmt.Errorf("cannot make the PDF: %v", p)
		}
	}()
	d.render()
	var buf bytes.Buffer
	if err := d.pdf.Output(&buf); err != nil {
		return fmt.Errorf("cannot make the PDF: %v", err)
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// WriteFile writes the report of r to path atomically with mode 0600; an
// existing file is replaced only when overwrite is set, and otherwise the
// error wraps file.ErrExists. Nothing is written when the PDF cannot be made.
func WriteFile(path string, r *score.Result, o Options, overwrite bool) error {
	var buf bytes.Buffer
	if err := PDF(&buf, r, o); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return file.Write(path, buf.Bytes(), 0o600, overwrite)
}

// The family name the Go fonts are registered under.
const family = "Go"

func newDoc(r *score.Result, o Options) (*doc, error) {
	if r == nil {
		return nil, fmt.Errorf("no result to report")
	}
	size := "A4"
	switch strings.ToLower(o.Paper) {
	case "", "a4":
	case "letter":
		size = "Letter"
	default:
		return nil, fmt.Errorf("unknown paper %q; use a4 or letter", o.Paper)
	}
	date := o.Date
	if date.IsZero() {
		date = time.Now()
	}
	date = date.UTC().Truncate(time.Second)
	cuts := [2]float64{40, 70}
	if len(o.Bands) == 0 {
		o.Bands = r.Set.Bands
	}
	if len(o.Bands) == 2 && o.Bands[0] > 0 && o.Bands[0] < o.Bands[1] && o.Bands[1] < 100 {
		cuts = [2]float64{o.Bands[0], o.Bands[1]}
	}

	pdf := gofpdf.New("P", "mm", size, "")
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(date)
	pdf.SetModificationDate(date)
	// Fresh copies: gofpdf writes into the font bytes it is given
	// (libraries.md §2.7), which would make later documents differ.
	pdf.AddUTF8FontFromBytes(family, "", bytes.Clone(goregular.TTF))
	pdf.AddUTF8FontFromBytes(family, "B", bytes.Clone(gobold.TTF))
	pdf.SetFont(family, "", 10) // a UTF-8 font before any bookmark or metadata
	if err := pdf.Error(); err != nil {
		return nil, fmt.Errorf("cannot load the fonts: %v", err)
	}
	pdf.SetTitle("Your report — "+oneLine(r.Set.Title), true)
	pdf.SetCreator("amends", true)
	pdf.SetDisplayMode("fullwidth", "OneColumn")
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(marginX, marginTop, marginX)
	pdf.SetCellMargin(0)
	pdf.AliasNbPages("{nb}")

	pw, ph := pdf.GetPageSize()
	d := &doc{
		pdf:    pdf,
		r:      r,
		o:      o,
		date:   date,
		cuts:   cuts,
		left:   marginX,
		width:  pw - 2*marginX,
		top:    marginTop,
		bottom: ph - marginBottom,
		urgent: urgent(r),
	}
	pdf.SetFooterFunc(d.footer)
	return d, nil
}

// urgent reports whether the report is about safety rather than repair:
// the set marked the verdict, or a raised flag, as urgent.
func urgent(r *score.Result) bool { return r.Urgent() }

// Section titles.
const (
	tStanding  = "Where you stand"
	tMeaning   = "What this means"
	tRaised    = "What your answers raised"
	tReadiness = "Readiness to change"
	tSteps     = "Next steps"
	tSafeSteps = "Next steps: safety first"
	tHonest    = "The honest look"
	tHelp      = "Where to find help"
	tHelpNow   = tHelp // the set's texts point to help by this heading, urgent or not
	tAbout     = "About this report"
	tAnswers   = "Your answers"
)

// part is one section of the report.
type part struct {
	title string
	draw  func()
}

// parts are the report's sections after the first page, in order.
func (d *doc) parts() []part {
	var ps []part
	add := func(title string, draw func()) { ps = append(ps, part{title, draw}) }
	if d.urgent {
		// The first places to get help are on the first page; then what
		// the verdict means, all the help, and what the answers raised.
		// No scores and nothing about getting back together.
		if oneLine(d.r.Verdict.Text) != "" {
			add(tMeaning, d.meaning)
		}
		add(tHelpNow, d.resources)
		add(tRaised, d.raised)
		if hasReadiness(d.r.Readiness) {
			add(tReadiness, d.readiness)
		}
		add(tSafeSteps, d.steps)
	} else if d.r.Verdict.QuietScores {
		// What to do comes before any score.
		add(tSteps, d.steps)
		add(tStanding, d.standing)
		add(tReadiness, d.readiness)
	} else {
		add(tStanding, d.standing)
		add(tReadiness, d.readiness)
		add(tSteps, d.steps)
	}
	if len(d.r.Honest) > 0 {
		add(tHonest, d.honest)
	}
	if !d.urgent {
		add(tHelp, d.resources)
	}
	add(tAbout, d.about)
	if d.o.Appendix {
		add(tAnswers, d.appendix)
	}
	return ps
}

// render lays out the whole report.
func (d *doc) render() {
	ps := d.parts()
	d.toc = map[string]*tocEntry{}
	for i, p := range ps {
		d.toc[p.title] = &tocEntry{alias: fmt.Sprintf("{p%d}", i)}
	}
	d.cover(ps)
	for i, p := range ps {
		if i == 0 && !d.urgent {
			// The first page stands on its own.
			d.newPage()
		}
		p.draw()
	}
}

// footer prints the page number, the set and its short hash on every page.
func (d *doc) footer() {
	p := d.pdf
	p.SetY(-footerY)
	d.style(footerStyle)
	set := oneLine(d.r.Set.Title)
	if v := oneLine(d.r.Set.Version); v != "" {
		set += " · version " + v
	}
	if h := shortHash(d.r.Set.Hash); h != "" {
		set += " · " + h
	}
	page := fmt.Sprintf("Page %d of {nb}", p.PageNo())
	pw := p.GetStringWidth(fmt.Sprintf("Page %d of %d", p.PageNo(), p.PageNo()))
	if lines := p.SplitText(set, d.width-pw-8); len(lines) > 1 {
		set = ellipsis(d, footerStyle, d.width-pw-8, lines[0])
	}
	p.SetDrawColor(rule.r, rule.g, rule.b)
	p.SetLineWidth(0.2)
	p.Line(d.left, p.GetY()-2.5, d.left+d.width, p.GetY()-2.5)
	p.SetX(d.left)
	p.CellFormat(d.width-pw-4, footerStyle.lh, set, "", 0, "L", false, 0, "")
	// {nb} in the same font as the page number, so its digits are in the
	// font subset (libraries.md §2.4).
	p.SetX(d.left + d.width - pw - 4)
	p.CellFormat(pw+4, footerStyle.lh, page, "", 0, "R", false, 0, "")
	d.cur = ""
}

// shortHash returns the first 12 hex digits of a "sha256:..." hash.
func shortHash(h string) string {
	h = oneLine(h)
	algo, hex, ok := strings.Cut(h, ":")
	if !ok {
		algo, hex = "", h
	}
	if r := []rune(hex); len(r) > 12 {
		hex = string(r[:12])
	}
	if hex == "" {
		return ""
	}
	if algo == "" {
		return hex
	}
	return algo + ":" + hex
}
