package report

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"amends/score"
)

// cover is the first page, which stands on its own: what this is, when,
// the verdict and why, and the disclaimer.
func (d *doc) cover(parts []part) {
	d.newPage()
	r := d.r
	if t := oneLine(r.Set.Title); t != "" {
		d.text(kickerStyle, 0, t)
		d.space(2.5)
	}
	d.line(titleStyle, 0, "Your report")
	d.space(1.5)
	meta := d.date.Format("2 January 2006")
	if r.Asked > 0 {
		meta += fmt.Sprintf(" · you answered %d of the %d questions asked", r.Answered, r.Asked)
	}
	d.line(smallStyle, 0, meta)
	d.space(10)
	if d.urgent {
		// The first page stands alone: the verdict, then the first
		// places to get help, then what the verdict means.
		d.verdict(false)
		d.space(5)
		// What comes after the box stays on this page too.
		reserve := 5 + d.measure(smallStyle, 0, privateNote)
		if disc := oneLine(r.Set.Disclaimer); disc != "" {
			reserve += d.measure(smallStyle, 0, disc) + 1.5
		}
		d.firstHelp(reserve)
	} else {
		d.verdict(true)
	}
	d.space(5)
	if disc := oneLine(r.Set.Disclaimer); disc != "" {
		d.text(smallStyle, 0, disc)
		d.space(1.5)
	}
	d.text(smallStyle, 0, privateNote)
	switch {
	case d.urgent:
	case len(r.Flags) > 0:
		// A flag raised asks for the help to be easy to find.
		d.space(6)
		d.pointHelp(tHelp, noteBox)
		d.contents(parts)
	default:
		d.contents(parts)
	}
}

// meaning prints the verdict's text, which in an urgent report follows
// the first page rather than push the help off it.
func (d *doc) meaning() {
	d.heading(tMeaning)
	d.text(bodyStyle, 0, d.r.Verdict.Text)
}

// privateNote closes the first page.
const privateNote = "Keep this file somewhere private: anyone who can open it can read it."

// firstHelp is the box on the first page of an urgent report: the first
// places to get help, as many as fit whole on the page with reserve
// millimetres left below the box, and a pointer to the rest.
func (d *doc) firstHelp(reserve float64) {
	help := d.r.Help
	if len(help) == 0 {
		help = d.r.Resources
	}
	const label = "First, where to get help"
	d.open(warmBox)
	d.line(labelStyle, 0, label)
	d.space(1.5)
	if len(help) == 0 {
		d.text(bodyStyle, 0, d.r.Words.T("help_fallback"))
	}
	shown := 0
	for i, res := range help {
		h := d.resourceHeight(res)
		if i > 0 {
			h += 3
		}
		// The first always; the rest while they fit whole on this page,
		// leaving room for the pointer and the box's end.
		if i > 0 && d.y()+h+2.5+smallStyle.lh*2+boxPad+reserve > d.bottom {
			break
		}
		if i > 0 {
			d.space(3)
		}
		d.resource(res)
		shown++
	}
	if shown < len(help) || len(d.r.Resources) > shown {
		d.space(2.5)
		d.text(smallStyle, 0, "More places to get help follow under “"+tHelpNow+"”. You don’t have to work this out alone.")
	}
	d.shut()
}

// pointHelp says on the first page where the help is. The page number is
// printed in the footer's font: it is an alias until the end (see contents).
func (d *doc) pointHelp(section string, b box) {
	e := d.toc[section]
	if e == nil {
		return
	}
	d.open(b)
	d.text(bodyStyle, 0, "The places to get help are under “"+section+"”, on page "+e.alias+". You don’t have to work this out alone.")
	d.shut()
}

// contents lists the sections with their pages. They are not links:
// gofpdf writes link annotations inline, which strict readers reject; the
// outline does that job on screen.
func (d *doc) contents(parts []part) {
	h := labelStyle.lh + 2 + float64(len(parts))*bodyStyle.lh
	if d.y()+14+h > d.bottom {
		return
	}
	d.space(14)
	d.line(labelStyle, 0, "In this report")
	d.space(2)
	p := d.pdf
	for _, pt := range parts {
		e := d.toc[pt.title]
		y := d.y()
		// The page number first, in the footer's font: its digits are
		// an alias until the end, and only glyphs printed elsewhere in
		// the same font are in the subset (libraries.md §2.4).
		d.style(style{false, bodyStyle.size, bodyStyle.lh, muted})
		p.SetXY(d.left, y)
		p.CellFormat(10, bodyStyle.lh, e.alias, "", 0, "L", false, 0, "")
		d.style(bodyStyle)
		p.SetXY(d.left+10, y)
		p.CellFormat(d.width-10, bodyStyle.lh, pt.title, "", 1, "L", false, 0, "")
	}
}

// verdict prints the verdict box: its title, what it means (the text only
// when withText), and why it holds.
func (d *doc) verdict(withText bool) {
	v := d.r.Verdict
	b := calmBox
	if d.urgent {
		b = warmBox
	}
	title := oneLine(v.Title)
	if title == "" {
		title = "No verdict"
	}
	d.need(40)
	d.pdf.Bookmark("Verdict: "+title, 0, d.y())
	d.open(b)
	d.line(labelStyle, 0, "Where this leaves you")
	d.space(1)
	for _, l := range d.wrap(verdictStyle, d.avail(0), title) {
		d.line(verdictStyle, 0, l)
	}
	d.space(2.5)
	if s := oneLine(v.Summary); s != "" && s != oneLine(v.Text) {
		d.text(leadStyle, 0, s)
		d.space(2.5)
	}
	if v.Text != "" && withText {
		d.text(bodyStyle, 0, v.Text)
	}
	if len(v.Why) > 0 {
		if withText {
			d.space(4)
		}
		d.line(h3Style, 0, "Why")
		d.space(0.5)
		for _, w := range v.Why {
			d.bullet(bodyStyle, 0, w)
		}
	}
	d.shut()
}

// standing is "Where you stand": what the answers raised, the chart, the
// overall number and each part, strengths first.
func (d *doc) standing() {
	d.heading(tStanding)
	for _, f := range d.r.Flags {
		d.flag(f, noteBox)
	}
	dims := d.r.Dimensions
	if len(dims) == 0 {
		d.text(bodyStyle, 0, "This question set scores no parts of making amends, so there is no chart.")
		return
	}
	d.text(bodyStyle, 0, "Each bar is one part of making amends, scored from your answers on a scale of 0 to 100. "+
		fmt.Sprintf("The dashed lines at %s and %s mark where “needs work” becomes “developing”, and “developing” becomes “strong”.",
			ftoa(d.cuts[0]), ftoa(d.cuts[1])))
	d.space(5)

	var strong, work, unscored []score.DimensionScore
	for _, x := range dims {
		switch {
		case !x.Scored:
			unscored = append(unscored, x)
		case x.Band == score.BandStrong:
			strong = append(strong, x)
		default:
			work = append(work, x)
		}
	}
	sort.SliceStable(strong, func(i, j int) bool { return strong[i].Score > strong[j].Score })
	sort.SliceStable(work, func(i, j int) bool { return work[i].Score < work[j].Score })
	quiet := d.r.Verdict.QuietScores
	byScore := append([]score.DimensionScore(nil), dims...)
	sort.SliceStable(byScore, func(i, j int) bool {
		a, b := byScore[i], byScore[j]
		if a.Scored != b.Scored {
			return a.Scored
		}
		if quiet {
			return a.Score < b.Score // what needs work first
		}
		return a.Score > b.Score
	})
	d.chart(byScore)
	d.space(6)

	if quiet {
		// The verdict is not a matter of scores: no overall number to
		// read as a headline, and what needs work comes first.
		d.text(bodyStyle, 0, "With the verdict you reached, these scores do not change what comes next. They show where the work on yourself stands, for your own sake.")
	} else if d.r.HasComposite {
		c := d.r.Composite
		d.text(strongStyle, 0, fmt.Sprintf("Taken together: %d out of 100 (%s).", c, d.band(c)))
		d.space(1)
		d.text(bodyStyle, 0, "This number describes where your side of the repair stands today. "+
			"It is not a chance of getting back together: nobody can know that from one side, and it is not yours alone to decide.")
	} else {
		d.text(bodyStyle, 0, "There were not enough answers for an overall number, so the parts above are all there is to go on.")
	}

	strengths := func() {
		first := 2 * bodyStyle.lh
		if len(strong) > 0 {
			first = d.dimensionHeight(strong[0])
		}
		d.subheading("Your strengths", first)
		if len(strong) == 0 {
			d.text(bodyStyle, 0, "Nothing stands out as a strength yet. That is common early on, and it is where the next steps begin.")
		}
		for _, x := range strong {
			d.dimension(x)
		}
	}
	needsWork := func() {
		if len(work) > 0 {
			d.subheading("What needs work", d.dimensionHeight(work[0]))
			for _, x := range work {
				d.dimension(x)
			}
		}
	}
	if quiet {
		needsWork()
		if len(strong) > 0 {
			strengths()
		}
	} else {
		strengths()
		needsWork()
	}
	if len(unscored) > 0 {
		d.subheading("Not enough answers to say", bodyStyle.lh)
		for _, x := range unscored {
			if x.Asked == 0 {
				d.bullet(bodyStyle, 0, fmt.Sprintf("%s: not asked, since your earlier answers made its questions not apply.", oneLine(x.Title)))
				continue
			}
			d.bullet(bodyStyle, 0, fmt.Sprintf("%s: you answered %d of its %d questions.", oneLine(x.Title), x.Answered, x.Asked))
		}
	}
}

// band names a 0..100 score by the set's cut points.
func (d *doc) band(n int) string {
	switch {
	case float64(n) < d.cuts[0]:
		return score.BandWeak
	case float64(n) < d.cuts[1]:
		return score.BandDeveloping
	}
	return score.BandStrong
}

// dimension prints one part: its title and band, the set's words for it,
// and the answers that moved it most.
func (d *doc) dimension(x score.DimensionScore) {
	items := shownItems(x)
	d.keepWhole(d.dimensionHeight(x), h3Style.lh+smallStyle.lh+3*bodyStyle.lh)
	for _, l := range d.wrap(h3Style, d.avail(0), oneLine(x.Title)) {
		d.line(h3Style, 0, l)
	}
	d.need(smallStyle.lh)
	if c, ok := bandColor[x.Band]; ok {
		// The bar's colour, to tie the words to the chart.
		d.pdf.SetFillColor(c.r, c.g, c.b)
		d.pdf.Rect(d.left, d.y()+smallStyle.lh/2-1.1, 2.2, 2.2, "F")
	}
	d.line(smallStyle, 3.6, fmt.Sprintf("%s · %d of 100", x.Band, x.Score))
	d.space(1)
	if x.Text != "" {
		d.text(bodyStyle, 0, x.Text)
	}
	if len(items) > 0 {
		d.space(1.5)
		d.line(smallStyle, 0, "From your answers:")
		for _, it := range items {
			d.bullet(smallStyle, 0, quote(it.Text, it.Answer))
		}
	}
	d.space(5)
}

// maxItems is how many answers are shown under a dimension: the ones that
// moved it most. The appendix has them all.
const maxItems = 2

// shownItems are the answers shown under a dimension.
func shownItems(x score.DimensionScore) []score.Item {
	var items []score.Item
	for _, it := range x.Items {
		if oneLine(it.Answer) != "" && len(items) < maxItems {
			items = append(items, it)
		}
	}
	return items
}

// dimensionHeight is the height dimension prints.
func (d *doc) dimensionHeight(x score.DimensionScore) float64 {
	h := d.measure(h3Style, 0, x.Title) + smallStyle.lh + 1 + d.measure(bodyStyle, 0, x.Text)
	if items := shownItems(x); len(items) > 0 {
		h += 1.5 + smallStyle.lh
		for _, it := range items {
			h += d.bulletHeight(smallStyle, quote(it.Text, it.Answer))
		}
	}
	return h
}

// quote shows a question and its answer: “Question” — answer.
func quote(question, answer string) string {
	q, a := oneLine(question), oneLine(answer)
	if q == "" {
		return a
	}
	return "“" + q + "” — " + a
}

// flag prints a raised flag in a box: what it means and the answers behind it.
func (d *doc) flag(f score.RaisedFlag, b box) {
	d.in = &b
	h := 2*boxPad + d.measure(h3Style, 0, f.Title) + 1 + d.measure(bodyStyle, 0, f.Text)
	if len(f.By) > 0 {
		h += 1.5 + smallStyle.lh
		for _, a := range f.By {
			h += float64(len(d.wrap(smallStyle, d.avail(4.5), quote(a.Text, a.Answer)))) * smallStyle.lh
		}
	}
	d.in = nil
	d.keep(h)
	d.open(b)
	title := oneLine(f.Title)
	if title == "" {
		title = oneLine(f.ID)
	}
	for _, l := range d.wrap(h3Style, d.avail(0), title) {
		d.line(h3Style, 0, l)
	}
	if f.Text != "" {
		d.space(1)
		d.text(bodyStyle, 0, f.Text)
	}
	if len(f.By) > 0 {
		d.space(1.5)
		d.line(smallStyle, 0, "From your answers:")
		for _, a := range f.By {
			d.bullet(smallStyle, 0, quote(a.Text, a.Answer))
		}
	}
	d.shut()
	d.space(4)
}

// raised takes the place of "Where you stand" when safety comes first: the
// flags and the answers behind them, and no scores.
func (d *doc) raised() {
	d.heading(tRaised)
	for _, f := range d.r.Flags {
		d.flag(f, warmBox)
	}
	d.text(bodyStyle, 0, "This report leaves out the scores for repairing the relationship. "+
		"With what your answers raised, they are not what matters now. Safety is.")
}

// readiness prints the stage, the two rulers and the reflection.
func (d *doc) readiness() {
	rd := d.r.Readiness
	d.heading(tReadiness)
	if !hasReadiness(rd) {
		d.text(bodyStyle, 0, "No readiness questions were answered, so there is nothing to show here.")
		return
	}
	if a := rd.Stage; a != nil {
		d.keep(20)
		d.text(smallStyle, 0, a.Text)
		d.space(0.5)
		d.text(leadStyle, 0, a.Answer)
		d.space(5)
	}
	for _, a := range []*score.Answer{rd.Importance, rd.Confidence} {
		if a != nil {
			d.ruler(a)
		}
	}
	if oneLine(rd.Reflection) != "" {
		d.space(1)
		d.open(softBox)
		d.line(labelStyle, 0, "To think about")
		d.space(1)
		d.text(bodyStyle, 0, rd.Reflection)
		d.shut()
	}
}

// hasReadiness says whether any readiness question was answered. The
// reflection speaks of those answers, so it is not shown without them.
func hasReadiness(rd score.Readiness) bool {
	return rd.Stage != nil || rd.Importance != nil || rd.Confidence != nil
}

// ruler prints a 0..10 answer as a ruler with a mark; other answers as words.
func (d *doc) ruler(a *score.Answer) {
	d.keep(24)
	d.text(smallStyle, 0, a.Text)
	v, ok := intValue(a.Value)
	if !ok || v < 0 || v > 10 {
		d.text(leadStyle, 0, a.Answer)
		d.space(5)
		return
	}
	p := d.pdf
	d.need(15)
	y := d.y() + 4.5
	x0, w := d.left+2, 96.0
	p.SetDrawColor(rule.r, rule.g, rule.b)
	p.SetLineWidth(0.7)
	p.Line(x0, y, x0+w, y)
	p.SetLineWidth(0.3)
	d.style(style{false, 7.5, 3, faint})
	for i := 0; i <= 10; i++ {
		tx := x0 + w*float64(i)/10
		p.Line(tx, y-1.3, tx, y+1.3)
		p.SetXY(tx-3, y+2)
		p.CellFormat(6, 3, fmt.Sprint(i), "", 0, "C", false, 0, "")
	}
	p.SetFillColor(accent.r, accent.g, accent.b)
	p.Circle(x0+w*float64(v)/10, y, 1.9, "F")
	d.style(strongStyle)
	p.SetXY(x0+w+7, y-bodyStyle.lh/2)
	p.CellFormat(30, bodyStyle.lh, fmt.Sprintf("%d of 10", v), "", 0, "L", false, 0, "")
	p.SetXY(d.left, y+7.5)
}

func intValue(v any) (int, bool) {
	switch n := v.(type) {
	case int:
		return n, true
	case int64:
		return int(n), true
	case float64:
		if n == math.Trunc(n) {
			return int(n), true
		}
	}
	return 0, false
}

// steps prints the next steps by phase, numbered, each with its because.
func (d *doc) steps() {
	n := 0
	first := 0.0
	for _, ph := range d.r.Phases {
		if n == 0 && len(ph.Steps) > 0 {
			// The words under the heading, the phase's title and its first step.
			first = smallStyle.lh + 4 + h2Style.lh + 1.5 + d.stepHeight(ph.Steps[0])
		}
		n += len(ph.Steps)
	}
	if d.urgent {
		d.headingWith(tSafeSteps, first)
	} else {
		d.headingWith(tSteps, first)
	}
	if n == 0 {
		if d.urgent {
			d.text(bodyStyle, 0, "The next step is the help at the start of this report.")
		} else {
			d.text(bodyStyle, 0, "None of the next steps in this question set applies to your answers.")
		}
		return
	}
	d.text(smallStyle, 0, "Most important first. Under each step is what in your answers it comes from.")
	num := style{true, 10.5, 5.4, accent}
	for _, ph := range d.r.Phases {
		if len(ph.Steps) == 0 {
			continue
		}
		d.subheading(ph.Title, d.stepHeight(ph.Steps[0]))
		for i, st := range ph.Steps {
			d.keepWhole(d.stepHeight(st), 2*bodyStyle.lh+smallStyle.lh)
			d.hang(bodyStyle, 0, 7, num, fmt.Sprint(i+1), st.Text)
			if b := because(st.Because); b != "" {
				d.space(0.8)
				for _, l := range d.wrap(smallStyle, d.avail(7), b) {
					d.line(smallStyle, 7, l)
				}
			}
			d.space(3.5)
		}
	}
}

// stepHeight is the height a step prints, without the space after it.
func (d *doc) stepHeight(st score.Step) float64 {
	h := float64(len(d.wrap(bodyStyle, d.avail(7), oneLine(st.Text)))) * bodyStyle.lh
	if b := because(st.Because); b != "" {
		h += 0.8 + float64(len(d.wrap(smallStyle, d.avail(7), b)))*smallStyle.lh
	}
	return h
}

// because joins a step's reasons into one short sentence.
func because(reasons []string) string {
	var rs []string
	for i, r := range reasons {
		if i < len(reasons)-1 {
			r = strings.TrimRight(r, ". ")
		}
		if r = strings.TrimRight(oneLine(r), ";"); r != "" {
			rs = append(rs, r)
		}
	}
	if len(rs) == 0 {
		return ""
	}
	b := "Because: " + strings.Join(rs, "; ")
	if !endsSentence(b) {
		b += "."
	}
	return b
}

// endsSentence says whether s ends with a full stop, a question or an
// exclamation mark, perhaps inside closing quotes or brackets.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, "\"'”’»)]")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "…")
}

// honest prints the honest look, paragraph by paragraph.
func (d *doc) honest() {
	if len(d.r.Honest) == 0 {
		return
	}
	d.heading(tHonest)
	for _, p := range d.r.Honest {
		d.keepWhole(d.measure(h3Style, 0, p.Title)+0.5+d.measure(bodyStyle, 0, p.Text), h3Style.lh+3*bodyStyle.lh)
		if t := oneLine(p.Title); t != "" {
			for _, l := range d.wrap(h3Style, d.avail(0), t) {
				d.line(h3Style, 0, l)
			}
			d.space(0.5)
		}
		d.text(bodyStyle, 0, p.Text)
		d.space(4.5)
	}
}

// resources prints where to find help: after the steps usually, and on the
// first page, in a box, when safety comes first.
func (d *doc) resources() {
	const intro = "These come before anything else in this report. You don’t have to work this out alone."
	if d.urgent {
		// The heading, its words and the first place to get help go
		// on one page.
		first := 0.0
		if len(d.r.Resources) > 0 {
			d.in = &warmBox
			first = d.resourceHeight(d.r.Resources[0])
			d.in = nil
		}
		d.keep(9 + h1Style.lh + 6 + d.measure(bodyStyle, 0, intro) + 4 + boxPad + first)
		d.heading(tHelpNow)
		d.text(bodyStyle, 0, intro)
		d.space(4)
		d.open(warmBox)
	} else {
		d.heading(tHelp)
	}
	if len(d.r.Resources) == 0 {
		d.text(bodyStyle, 0, d.r.Words.T("help_fallback"))
	}
	for i, res := range d.r.Resources {
		if i > 0 {
			d.space(4)
		}
		// Each place to get help is kept whole on a page, so a phone
		// number is never split from its name.
		d.keep(d.resourceHeight(res))
		d.resource(res)
	}
	if d.urgent {
		d.shut()
	}
}

// resource prints one place to get help: its name, what it is for, and
// how to reach it.
func (d *doc) resource(res score.Resource) {
	if t := oneLine(res.Title); t != "" {
		for _, l := range d.wrap(h3Style, d.avail(0), t) {
			d.line(h3Style, 0, l)
		}
	}
	if oneLine(res.Text) != "" {
		d.text(bodyStyle, 0, res.Text)
	}
	if c := oneLine(res.Contact()); c != "" {
		d.text(strongStyle, 0, c)
	}
}

// resourceHeight is the height resource prints.
func (d *doc) resourceHeight(res score.Resource) float64 {
	h := 0.0
	if oneLine(res.Text) != "" {
		h += d.measure(bodyStyle, 0, res.Text)
	}
	if c := oneLine(res.Contact()); c != "" {
		h += d.measure(strongStyle, 0, c)
	}
	if t := oneLine(res.Title); t != "" {
		h += float64(len(d.wrap(h3Style, d.avail(0), t))) * h3Style.lh
	}
	return h
}

// about is the privacy note and where the report comes from.
func (d *doc) about() {
	d.heading(tAbout)
	if kept := oneLine(d.o.Kept); kept != "" {
		d.text(bodyStyle, 0, "Your answers are kept in "+kept+". Anyone who can open that file can read them; delete it when you no longer need it.")
	} else {
		d.text(bodyStyle, 0, "Your answers are kept nowhere: amends saved nothing but this report.")
	}
	d.space(2)
	if d.o.Appendix {
		d.text(bodyStyle, 0, "This report includes your answers, at the end. Anyone who can open this file can read everything in it, on this device or wherever it is copied, sent or printed.")
	} else {
		d.text(bodyStyle, 0, "This report quotes some of your answers where they explain a result, but not the full list. Anyone who can open this file can read it, on this device or wherever it is copied, sent or printed.")
	}
	d.space(2)
	src := "Made by amends"
	if t := oneLine(d.r.Set.Title); t != "" {
		src += " from the question set “" + t + "”"
		if v := oneLine(d.r.Set.Version); v != "" {
			src += ", version " + v
		}
	}
	if h := oneLine(d.r.Set.Hash); h != "" {
		src += " (" + h + ")"
	}
	src += ", on " + d.date.Format("2 January 2006") + "."
	d.text(smallStyle, 0, src)
	if disc := oneLine(d.r.Set.Disclaimer); disc != "" {
		d.space(1)
		d.text(smallStyle, 0, disc)
	}
}

// appendix prints every answer, numbered, in asking order.
func (d *doc) appendix() {
	d.heading(tAnswers)
	d.text(smallStyle, 0, "You asked for your answers to be included. They are in the order they were asked.")
	d.space(3)
	num := style{false, 9, 4.6, faint}
	for i, a := range d.r.Answers {
		d.keep(smallStyle.lh + bodyStyle.lh + 2)
		d.hang(smallStyle, 0, 8, num, fmt.Sprint(i+1), a.Text)
		ans := a.Answer
		if oneLine(ans) == "" {
			ans = "(no answer)"
		}
		d.text(bodyStyle, 8, ans)
		d.space(2.5)
	}
}
