package report

import (
	"sort"
	"time"

	"amends/internal/words"

	"amends/score"
)

// Section ids, for links and anchors.
const (
	idStanding  = "standing"
	idRaised    = "raised"
	idReadiness = "readiness"
	idSteps     = "steps"
	idHonest    = "honest"
	idHelp      = "help"
	idMeaning   = "meaning"
	idCompare   = "compare"
	idAbout     = "about"
	idAnswers   = "answers"
)

// firstSteps is how many steps the first page shows.
const firstSteps = 3

// firstHelp is how many places to get help the first page of an urgent
// report shows.
const firstHelp = 3

// maxItems is how many answers are shown under a dimension: the ones that
// moved it most. The appendix has them all.
const maxItems = 2

// builder makes the blocks of one report.
type builder struct {
	r      *score.Result
	o      Options
	date   time.Time
	cuts   [2]float64
	urgent bool
	quiet  bool // the verdict asks that scores come last
	// When the first page has no room for everything, what does not fit
	// moves on, in this order: the contents (the outline has them too), the
	// verdict's reasons, then its text, to a section "What this means"
	// right after the first page; then a step and a place to get help
	// fewer.
	w         *words.Book // the engine's words in the set's language
	helpTitle string      // the help section's title, which the set's texts point to

	noContents, whyApart, textApart, tight bool
	fewerSteps, fewerHelp                  int
}

func newBuilder(r *score.Result, o Options) *builder {
	date := o.Date
	if date.IsZero() {
		date = time.Now()
	}
	cuts := [2]float64{40, 70}
	bands := o.Bands
	if len(bands) == 0 {
		bands = r.Set.Bands
	}
	if len(bands) == 2 && bands[0] > 0 && bands[0] < bands[1] && bands[1] < 100 {
		cuts = [2]float64{bands[0], bands[1]}
	}
	return &builder{
		r: r, o: o, date: date.UTC().Truncate(time.Second), cuts: cuts,
		urgent: urgent(r), quiet: r.Verdict.QuietScores,
		w: r.Words.Or(), helpTitle: r.Words.Or().T("help_heading"),
		// An urgent report's first page is for the verdict and the help;
		// what the verdict means follows it.
		textApart: urgent(r),
	}
}

// urgent reports whether the report is about safety rather than repair:
// the set marked the verdict, or a raised flag, as urgent.
func urgent(r *score.Result) bool {
	for _, f := range r.Flags {
		if f.Urgent {
			return true
		}
	}
	return r.Verdict.Urgent
}

// prose is a text from the result, ready to print: cleaned, with one style
// of quotes.
func prose(s string) string { return smartQuotes(clean(s)) }

func line(s string) string { return smartQuotes(oneLine(s)) }

// build makes the whole report.
func (b *builder) build() *doc {
	d := &doc{lang: "en", title: b.w.T("report_doc_title"), w: b.w}
	if t := line(b.r.Set.Title); b.o.FullTitle && t != "" {
		d.title = b.w.T("report_full_title", "title", t)
	} else if b.o.FullTitle {
		d.title = b.w.T("report_title")
	}
	if l := oneLine(b.r.Set.Language); l != "" {
		d.lang = l
	}
	d.mark = b.w.T("report_verdict_mark", "title", b.verdictTitle())
	d.sections = b.sections()
	d.cover = b.cover(d.sections)
	if b.noContents {
		// No room on the first page: the contents open the second.
		d.later = []block{b.contents(d.sections), gap(4)}
	}
	return d
}

// sections are the report's sections after the first page, in order.
func (b *builder) sections() []section {
	var ss []section
	add := func(id, title string, blocks []block) {
		ss = append(ss, section{id: id, title: title, blocks: blocks})
	}
	r := b.r
	if b.whyApart || b.textApart {
		var bs []block
		if x := prose(r.Verdict.Text); b.textApart && oneLine(x) != "" {
			bs = append(bs, para{body, x})
		}
		if why := b.why(); b.whyApart && len(why) > 0 {
			if len(bs) > 0 {
				bs = append(bs, gap(4), heading{level: 3, text: b.w.T("report_why")}, gap(0.5))
			}
			bs = append(bs, why...)
		}
		if len(bs) > 0 {
			add(idMeaning, b.w.T("report_meaning"), bs)
		}
	}
	switch {
	case b.urgent:
		// Help first; then what the answers raised and the steps. No
		// scores and nothing about getting back together.
		add(idHelp, b.helpTitle, b.help())
		add(idRaised, b.w.T("report_raised"), b.raised())
		if hasReadiness(r.Readiness) {
			add(idReadiness, b.w.T("report_readiness"), b.readiness())
		}
		add(idSteps, b.w.T("report_safe_steps"), b.steps())
	case b.quiet:
		// What to do first; the scores after everything else, so that
		// none of them seems to argue with the verdict.
		add(idSteps, b.w.T("report_steps"), b.steps())
		if hasReadiness(r.Readiness) {
			add(idReadiness, b.w.T("report_readiness"), b.readiness())
		}
	default:
		// A set that scores nothing and raised nothing has no standing
		// to show, and one that asks nothing of readiness no readiness.
		if b.standingShown() {
			add(idStanding, b.w.T("report_standing"), b.standing())
		}
		if hasReadiness(r.Readiness) || r.Set.HasReadiness {
			add(idReadiness, b.w.T("report_readiness"), b.readiness())
		}
		add(idSteps, b.w.T("report_steps"), b.steps())
	}
	if len(r.Honest) > 0 {
		add(idHonest, b.w.T("report_honest"), b.honest())
	}
	if !b.urgent && len(r.Resources) > 0 {
		// Where to find help, when the set names any; a report about
		// safety has it first, whatever the set names.
		add(idHelp, b.helpTitle, b.help())
	}
	if b.quiet && b.standingShown() {
		add(idStanding, b.w.T("report_standing"), b.standing())
	}
	if b.o.Compare != nil && !b.urgent {
		add(idCompare, b.w.T("report_compare"), b.compare())
	}
	add(idAbout, b.w.T("report_about"), b.about())
	if b.o.Appendix {
		add(idAnswers, b.w.T("report_answers"), b.appendix())
	}
	return ss
}

// standingShown says whether "Where you stand" has anything to show: parts
// scored, or flags raised.
func (b *builder) standingShown() bool { return len(b.r.Dimensions) > 0 || len(b.r.Flags) > 0 }

// cover is the first page, which stands on its own: what this is, the
// verdict and what it means, the first steps and, when safety comes first,
// who to call.
func (b *builder) cover(ss []section) []block {
	r := b.r
	var bs []block
	if t := line(r.Set.Title); t != "" {
		bs = append(bs, para{kicker, t}, gap(2.5))
	}
	between := gap(5)
	if b.tight {
		between = 3
	}
	meta := b.w.T("report_meta", "date", b.w.Date(b.date))
	if r.Asked > 0 {
		meta = b.w.T("report_meta_answered", "date", b.w.Date(b.date), "answered", r.Answered, "n", r.Asked)
	}
	bs = append(bs, para{title, b.w.T("report_title")}, gap(1.5), para{small, meta}, between+3)
	bs = append(bs, b.verdict())
	if b.urgent {
		bs = append(bs, between, b.callFirst())
	}
	if st := b.start(); st != nil {
		bs = append(bs, between, st)
	}
	if !b.urgent && len(r.Flags) > 0 && len(r.Resources) > 0 {
		// A flag raised asks for the help to be easy to find.
		bs = append(bs, between, box{note, []block{pointerTo(b.w, idHelp, "report_help_pointer", b.helpTitle)}})
	}
	bs = append(bs, between)
	if disc := line(r.Set.Disclaimer); disc != "" {
		bs = append(bs, para{small, disc}, gap(1.5))
	}
	bs = append(bs, para{small, b.w.T("report_private")})
	if !b.noContents {
		bs = append(bs, gap(10), b.contents(ss))
	}
	return bs
}

func (b *builder) contents(ss []section) contents {
	c := contents{label: b.w.T("report_contents")}
	for _, s := range ss {
		c.entries = append(c.entries, entry{s.id, s.title})
	}
	return c
}

// verdict is the verdict box: its title, what it means and why it holds.
func (b *builder) verdict() block {
	v := b.r.Verdict
	t := calm
	if b.urgent {
		t = warm
	}
	title := b.verdictTitle()
	kids := []block{para{label, b.w.T("report_verdict_label")}, gap(1), para{verdictTone, title}, gap(2.5)}
	if s := line(v.Summary); s != "" && s != line(v.Text) {
		kids = append(kids, para{lead, s}, gap(2.5))
	}
	if x := prose(v.Text); oneLine(x) != "" && !b.textApart {
		kids = append(kids, para{body, x})
	}
	if !b.whyApart && len(v.Why) > 0 {
		kids = append(kids, gap(4), heading{level: 3, text: b.w.T("report_why")}, gap(0.5))
		kids = append(kids, b.why()...)
	}
	return box{t, kids}
}

func (b *builder) verdictTitle() string {
	if t := line(b.r.Verdict.Title); t != "" {
		return t
	}
	return b.w.T("report_no_verdict")
}

// why is the verdict's reasons as a list.
func (b *builder) why() []block {
	var items []string
	for _, w := range b.r.Verdict.Why {
		if w = line(w); w != "" {
			items = append(items, w)
		}
	}
	if len(items) == 0 {
		return nil
	}
	return []block{bullets{body, items}}
}

// callFirst is, in an urgent report, the first places to get help: those
// the raised flags name, the first to call first.
func (b *builder) callFirst() block {
	kids := []block{para{label, b.w.T("report_call_label")}, gap(1)}
	rs := b.r.Help
	if len(rs) == 0 {
		rs = b.r.Resources
	}
	if len(rs) == 0 {
		kids = append(kids, para{body, b.w.T("help_fallback")})
	}
	shown := 0
	for i, res := range rs {
		if i == firstHelp-b.fewerHelp {
			break
		}
		if i > 0 {
			kids = append(kids, gap(2.5))
		}
		kids = append(kids, resource(res))
		shown++
	}
	if len(rs) > shown || len(b.r.Resources) > shown {
		kids = append(kids, gap(2.5), pointerTo(b.w, idHelp, "report_help_more", b.helpTitle))
	}
	return box{warm, kids}
}

// resource is one place to get help: its name, what it is for, and how to
// reach it.
func resource(res score.Resource) block {
	var g group
	if t := line(res.Title); t != "" {
		g.kids = append(g.kids, heading{level: 3, text: t})
	}
	if x := prose(res.Text); oneLine(x) != "" {
		g.kids = append(g.kids, para{body, x})
	}
	if c := line(res.Contact()); c != "" {
		g.kids = append(g.kids, contact{c, phoneNumbers(line(res.Phone))})
	}
	return g
}

// start is the first steps, for the first page.
func (b *builder) start() block {
	var first []score.Step
	n := 0
	for _, ph := range b.r.Phases {
		for _, st := range ph.Steps {
			if len(first) < firstSteps-b.fewerSteps {
				first = append(first, st)
			}
			n++
		}
	}
	if len(first) == 0 {
		return nil
	}
	kids := []block{para{label, b.w.T("report_start_label")}, gap(1)}
	for i, st := range first {
		if i > 0 {
			kids = append(kids, gap(1.5))
		}
		kids = append(kids, step{n: i + 1, text: line(st.Text)})
	}
	all := b.w.T("report_steps")
	if b.urgent {
		all = b.w.T("report_safe_steps")
	}
	if n > 1 {
		kids = append(kids, gap(2), para{small, b.w.T("report_see_steps", "n", n, "section", all)})
	}
	return box{soft, kids}
}

// standing is "Where you stand": what the answers raised, the chart, the
// overall number and each part. Strengths come first, unless the verdict
// asks that scores come last: then what needs work does.
func (b *builder) standing() []block {
	var bs []block
	r := b.r
	if !b.urgent {
		for _, f := range r.Flags {
			bs = append(bs, b.flag(f, note), gap(4))
		}
	}
	if len(r.Dimensions) == 0 {
		return append(bs, para{body, b.w.T("report_no_chart")})
	}
	bs = append(bs, para{body, b.w.T("report_scale", "weak", b.w.T("band_weak"), "developing", b.w.T("band_developing"), "strong", b.w.T("band_strong"),
		"low", ftoa(b.cuts[0]), "high", ftoa(b.cuts[1]))}, gap(5))

	var strongs, work, unscored []score.DimensionScore
	for _, x := range r.Dimensions {
		switch {
		case !x.Scored:
			unscored = append(unscored, x)
		case x.Band == score.BandStrong:
			strongs = append(strongs, x)
		default:
			work = append(work, x)
		}
	}
	sort.SliceStable(strongs, func(i, j int) bool { return strongs[i].Score > strongs[j].Score })
	sort.SliceStable(work, func(i, j int) bool { return work[i].Score < work[j].Score })
	byScore := append([]score.DimensionScore(nil), r.Dimensions...)
	sort.SliceStable(byScore, func(i, j int) bool {
		a, c := byScore[i], byScore[j]
		if a.Scored != c.Scored {
			return a.Scored
		}
		if b.quiet {
			return a.Score < c.Score
		}
		return a.Score > c.Score
	})
	ch := chart{cuts: b.cuts, bands: [3]string{b.w.T("band_weak"), b.w.T("band_developing"), b.w.T("band_strong")}, unscored: b.w.T("band_unscored")}
	for _, x := range byScore {
		ch.rows = append(ch.rows, chartRow{title: line(x.Title), scored: x.Scored, score: x.Score, band: x.Band, bandName: bandName(b.w, x.Band), line: bandLine(b.w, x.Band, x.Score)})
	}
	bs = append(bs, ch, gap(6))

	switch {
	case b.quiet:
		// The verdict is not a matter of scores: no overall number to
		// read as a headline.
		bs = append(bs, para{body, b.w.T("report_quiet_scores")})
	case r.HasComposite:
		bs = append(bs, para{strong, b.w.T("report_together", "score", scoreWords(b.w, r.Composite), "band", bandName(b.w, b.band(r.Composite)))}, gap(1), para{body, b.w.T("report_composite")})
	default:
		bs = append(bs, para{body, b.w.T("report_no_composite")})
	}
	strengths := func() {
		bs = append(bs, gap(4), heading{level: 2, text: b.w.T("report_strengths")}, gap(1.5))
		if len(strongs) == 0 {
			bs = append(bs, para{body, b.w.T("report_no_strengths")})
		}
		for _, x := range strongs {
			bs = append(bs, b.dimension(x), gap(5))
		}
	}
	needs := func() {
		if len(work) == 0 {
			return
		}
		bs = append(bs, gap(4), heading{level: 2, text: b.w.T("report_work")}, gap(1.5))
		for _, x := range work {
			bs = append(bs, b.dimension(x), gap(5))
		}
	}
	if b.quiet {
		needs()
		strengths()
	} else {
		strengths()
		needs()
	}
	if len(unscored) > 0 {
		var items []string
		for _, x := range unscored {
			if x.Asked == 0 {
				items = append(items, b.w.T("report_not_asked", "part", line(x.Title)))
			} else {
				items = append(items, b.w.T("report_part_answered", "part", line(x.Title), "answered", x.Answered, "n", x.Asked))
			}
		}
		bs = append(bs, gap(4), heading{level: 2, text: b.w.T("report_unscored")}, gap(1.5), bullets{body, items})
	}
	return bs
}

// band names a 0..100 score by the set's cut points.
func (b *builder) band(n int) string {
	switch {
	case float64(n) < b.cuts[0]:
		return score.BandWeak
	case float64(n) < b.cuts[1]:
		return score.BandDeveloping
	}
	return score.BandStrong
}

func (b *builder) dimension(x score.DimensionScore) block {
	d := dimension{title: line(x.Title), about: prose(x.About), band: x.Band, score: x.Score, scored: x.Scored, text: prose(x.Text),
		bandLine: bandLine(b.w, x.Band, x.Score), fromLabel: b.w.T("report_from_answers")}
	for _, it := range x.Items {
		if oneLine(it.Answer) != "" && len(d.items) < maxItems {
			d.items = append(d.items, quote(it.Text, it.Answer))
		}
	}
	return d
}

// quote shows a question and its answer: “Question” — answer.
func quote(question, answer string) string {
	q, a := line(question), line(answer)
	if q == "" {
		return a
	}
	return "“" + q + "” — " + a
}

// flag is a raised flag in a box: what it means and the answers behind it.
func (b *builder) flag(f score.RaisedFlag, t tint) block {
	title := line(f.Title)
	if title == "" {
		title = line(f.ID)
	}
	kids := []block{heading{level: 3, text: title}}
	if x := prose(f.Text); oneLine(x) != "" {
		kids = append(kids, gap(1), para{body, x})
	}
	if len(f.By) > 0 {
		var items []string
		for _, a := range f.By {
			items = append(items, quote(a.Text, a.Answer))
		}
		kids = append(kids, gap(1.5), para{small, b.w.T("report_from_answers")}, bullets{small, items})
	}
	return box{t, kids}
}

// raised takes the place of "Where you stand" when safety comes first.
func (b *builder) raised() []block {
	var bs []block
	for _, f := range b.r.Flags {
		bs = append(bs, b.flag(f, warm), gap(4))
	}
	return append(bs, para{body, b.w.T("report_raised_note")})
}

// hasReadiness says whether any readiness question was answered. The
// reflection speaks of those answers, so it is not shown without them.
func hasReadiness(rd score.Readiness) bool {
	return rd.Stage != nil || rd.Importance != nil || rd.Confidence != nil
}

func (b *builder) readiness() []block {
	rd := b.r.Readiness
	if !hasReadiness(rd) {
		return []block{para{body, b.w.T("report_no_readiness")}}
	}
	var bs []block
	if a := rd.Stage; a != nil {
		bs = append(bs, group{[]block{para{small, prose(a.Text)}, gap(0.5), para{lead, line(a.Answer)}}}, gap(5))
	}
	for _, a := range []*score.Answer{rd.Importance, rd.Confidence} {
		if a == nil {
			continue
		}
		v, ok := intValue(a.Value)
		bs = append(bs, ruler{question: prose(a.Text), value: v, answer: line(a.Answer), numeric: ok && v >= 0 && v <= 10, answerLine: nbsp(b.w.T("report_out_of_10", "n", v))}, gap(4))
	}
	if x := prose(rd.Reflection); oneLine(x) != "" {
		bs = append(bs, gap(1), box{soft, []block{para{label, b.w.T("report_think")}, gap(1), para{body, x}}})
	}
	return bs
}

// steps are the next steps by phase, numbered, each with what it answers.
func (b *builder) steps() []block {
	n, reasons := 0, 0
	for _, ph := range b.r.Phases {
		for _, st := range ph.Steps {
			n++
			if because(b.w, st.Because) != "" {
				reasons++
			}
		}
	}
	if n == 0 {
		if b.urgent {
			return []block{para{body, b.w.T("report_safe_none")}}
		}
		return []block{para{body, b.w.T("report_steps_none")}}
	}
	intro := b.w.T("report_steps_intro")
	if reasons > 0 {
		intro = b.w.T("report_steps_why")
	}
	bs := []block{para{small, intro}}
	for _, ph := range b.r.Phases {
		if len(ph.Steps) == 0 {
			continue
		}
		bs = append(bs, gap(4), heading{level: 2, text: line(ph.Title)}, gap(1.5))
		for i, st := range ph.Steps {
			bs = append(bs, step{n: i + 1, text: line(st.Text), because: line(because(b.w, st.Because))}, gap(3.5))
		}
	}
	return bs
}

func (b *builder) honest() []block {
	var bs []block
	for _, p := range b.r.Honest {
		var g group
		if t := line(p.Title); t != "" {
			g.kids = append(g.kids, heading{level: 3, text: t}, gap(0.5))
		}
		g.kids = append(g.kids, para{body, prose(p.Text)})
		bs = append(bs, g, gap(4.5))
	}
	return bs
}

// help is where to find help.
func (b *builder) help() []block {
	var bs []block
	if b.urgent {
		bs = append(bs, para{body, b.w.T("report_help_intro")}, gap(4))
	}
	if len(b.r.Resources) == 0 {
		return append(bs, para{body, b.w.T("help_fallback")})
	}
	for i, res := range b.r.Resources {
		if i > 0 {
			bs = append(bs, gap(4))
		}
		bs = append(bs, resource(res))
	}
	return bs
}

// compare is each part then and now, said without judgement.
func (b *builder) compare() []block {
	then := b.o.Compare
	bs := []block{para{body, b.w.T("report_compare_intro")}, gap(3)}
	byID := map[string]score.DimensionScore{}
	for _, x := range then.Dimensions {
		byID[x.ID] = x
	}
	say := func(x score.DimensionScore, ok bool) string {
		if !ok || !x.Scored {
			return b.w.T("band_unscored")
		}
		return bandLine(b.w, x.Band, x.Score)
	}
	c := compare{part: b.w.T("report_part"), then: b.w.T("report_then"), now: b.w.T("report_now")}
	row := func(title, t, n string) {
		c.rows = append(c.rows, compareRow{title: title, then: t, now: n, line: b.w.T("report_then_now", "then", t, "now", n)})
	}
	for _, x := range b.r.Dimensions {
		old, ok := byID[x.ID]
		row(line(x.Title), say(old, ok), say(x, true))
	}
	if b.r.HasComposite || then.HasComposite {
		t, n := b.w.T("band_unscored"), b.w.T("band_unscored")
		if then.HasComposite {
			t = scoreWords(b.w, then.Composite)
		}
		if b.r.HasComposite {
			n = scoreWords(b.w, b.r.Composite)
		}
		row(b.w.T("report_overall"), t, n)
	}
	if len(b.r.Dimensions) == 0 {
		return []block{para{body, b.w.T("report_compare_none")}}
	}
	return append(bs, c)
}

// about is the privacy note and where the report comes from.
func (b *builder) about() []block {
	var bs []block
	if kept := oneLine(b.o.Kept); kept != "" {
		bs = append(bs, para{body, b.w.T("report_kept", "path", kept)})
	} else {
		bs = append(bs, para{body, b.w.T("report_kept_nowhere")})
	}
	if b.o.Appendix {
		bs = append(bs, gap(2), para{body, b.w.T("report_with_answers")})
	} else {
		bs = append(bs, gap(2), para{body, b.w.T("report_some_answers")})
	}
	r := b.r
	version := ""
	if v := line(r.Set.Version); v != "" {
		version = b.w.T("report_made_version", "version", v)
	}
	made := b.w.T("report_made_by", "title", line(r.Set.Title), "version", version, "hash", oneLine(r.Set.Hash), "date", b.w.Date(b.date))
	bs = append(bs, gap(2), para{small, made + " " + b.fontNote()})
	if disc := line(r.Set.Disclaimer); disc != "" {
		bs = append(bs, gap(1), para{small, disc})
	}
	return bs
}

// appendix is every answer, numbered, in asking order.
func (b *builder) appendix() []block {
	bs := []block{para{small, b.w.T("report_answers_intro")}, gap(3)}
	for i, a := range b.r.Answers {
		ans, ok := prose(a.Answer), true
		if oneLine(ans) == "" {
			ans, ok = b.w.T("report_no_answer"), false
		}
		bs = append(bs, qa{n: i + 1, q: line(a.Text), a: ans, answer: ok}, gap(2.5))
	}
	return bs
}

func intValue(v any) (int, bool) {
	switch n := v.(type) {
	case int:
		return n, true
	case int64:
		return int(n), true
	case float64:
		if n == float64(int(n)) {
			return int(n), true
		}
	}
	return 0, false
}

// fontNote says what the report is set in.
func (b *builder) fontNote() string {
	if len(b.o.Font) > 0 {
		return b.w.T("report_font_own", "font", b.o.FontName)
	}
	return b.w.T("report_font")
}
