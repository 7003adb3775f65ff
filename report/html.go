package report

import (
	"bytes"
	"fmt"
	"html"
	"io"
	"strings"

	"amends/score"
)

// HTML writes the report of r to w as one self-contained HTML file: real
// headings, lists and links, the set's language, and styles for the
// screen and for print. It says what the PDF says.
func HTML(w io.Writer, r *score.Result, o Options) error {
	if r == nil {
		return fmt.Errorf("no result to report")
	}
	d := newBuilder(r, o).build()
	h := &htmlWriter{calls: strings.Fields(d.w.T("report_call_words"))}
	h.doc(d)
	_, err := w.Write(h.b.Bytes())
	return err
}

type htmlWriter struct {
	b      bytes.Buffer
	last   int      // the level of the last heading written
	calls  []string // words that make a short number a phone number
	phones []string // writing a resource's contact: its phone's numbers
}

func (h *htmlWriter) p(format string, a ...any) { fmt.Fprintf(&h.b, format, a...) }

// heading writes a heading at the level wanted, or one below the last if
// that would skip a level.
func (h *htmlWriter) heading(want int, id, text string) {
	lvl := min(want, h.last+1)
	h.last = lvl
	attr := ""
	if id != "" {
		attr = ` id="` + html.EscapeString(id) + `"`
	}
	h.p("<h%d%s>%s</h%d>\n", lvl, attr, h.inline(text), lvl)
}

func (h *htmlWriter) doc(d *doc) {
	h.p("<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n", html.EscapeString(d.lang))
	h.p("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	h.p("<title>%s</title>\n<style>\n%s</style>\n</head>\n<body>\n<main>\n", html.EscapeString(d.title), css)
	h.blocks(d.cover, 1)
	for _, s := range d.sections {
		h.p("<section aria-labelledby=\"%s\">\n", html.EscapeString(s.id))
		h.heading(2, s.id, s.title)
		h.blocks(s.blocks, 2)
		h.p("</section>\n")
	}
	h.p("</main>\n</body>\n</html>\n")
}

// blocks writes a run of blocks under a heading of level base.
func (h *htmlWriter) blocks(bs []block, base int) {
	for i := 0; i < len(bs); i++ {
		switch x := bs[i].(type) {
		case step:
			// Steps in a row are one numbered list.
			h.p("<ol class=\"steps\" start=\"%d\">\n", x.n)
			for ; i < len(bs); i++ {
				if _, ok := bs[i].(gap); ok {
					continue
				}
				st, ok := bs[i].(step)
				if !ok {
					i--
					break
				}
				h.p("<li><p>%s</p>", h.inline(st.text))
				if st.because != "" {
					h.p("<p class=\"because\">%s</p>", h.inline(st.because))
				}
				h.p("</li>\n")
			}
			h.p("</ol>\n")
		case qa:
			h.p("<ol class=\"answers\">\n")
			for ; i < len(bs); i++ {
				if _, ok := bs[i].(gap); ok {
					continue
				}
				q, ok := bs[i].(qa)
				if !ok {
					i--
					break
				}
				cls := "a"
				if !q.answer {
					cls = "a none"
				}
				h.p("<li><p class=\"q\">%s</p>", h.inline(q.q))
				h.paras(q.a, cls)
				h.p("</li>\n")
			}
			h.p("</ol>\n")
		default:
			h.block(bs[i], base)
		}
	}
}

func (h *htmlWriter) block(b block, base int) {
	switch x := b.(type) {
	case gap:
	case para:
		switch x.tone {
		case title:
			h.heading(1, "", x.text)
		case verdictTone:
			h.heading(2, "verdict", x.text)
		default:
			h.paras(x.text, toneClass[x.tone])
		}
	case heading:
		h.heading(base+x.level-1, x.id, x.text)
	case bullets:
		h.list(x.items, toneClass[x.tone])
	case box:
		h.p("<section class=\"box %s\">\n", tintClass[x.tint])
		h.blocks(x.kids, base+1)
		h.p("</section>\n")
	case group:
		h.p("<div class=\"group\">\n")
		h.blocks(x.kids, base)
		h.p("</div>\n")
	case chart:
		h.chart(x)
	case dimension:
		h.p("<div class=\"part\">\n")
		h.heading(base+2, "", x.title)
		h.p("<p class=\"band\">%s</p>\n", h.inline(x.bandLine))
		if x.about != "" {
			h.paras(x.about, "about")
		}
		if x.text != "" {
			h.paras(x.text, "")
		}
		if len(x.items) > 0 {
			h.p("<p class=\"small\">%s</p>\n", h.inline(x.fromLabel))
			h.list(x.items, "small")
		}
		h.p("</div>\n")
	case ruler:
		h.paras(x.question, "small")
		if x.numeric {
			h.p("<p class=\"lead\"><meter min=\"0\" max=\"10\" value=\"%d\"></meter> %s</p>\n", x.value, h.inline(x.answerLine))
		} else {
			h.paras(x.answer, "lead")
		}
	case contents:
		h.p("<nav aria-label=\"%s\">\n<p class=\"label\">%s</p>\n<ol>\n", html.EscapeString(x.label), h.inline(x.label))
		for _, e := range x.entries {
			h.p("<li><a href=\"#%s\">%s</a></li>\n", html.EscapeString(e.id), h.inline(e.title))
		}
		h.p("</ol>\n</nav>\n")
	case pointer:
		h.p("<p>%s<a href=\"#%s\">%s</a>%s%s</p>\n", h.inline(x.before), html.EscapeString(x.id), h.inline(x.section), h.inline(x.mid), h.inline(x.after))
	case contact:
		h.phones = x.phones
		h.paras(x.text, "strong")
		h.phones = nil
	case compare:
		h.p("<table class=\"compare\">\n<thead><tr><th scope=\"col\"><span class=\"hidden\">%s</span></th><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
			h.inline(x.part), h.inline(x.then), h.inline(x.now))
		for _, r := range x.rows {
			h.p("<tr><th scope=\"row\">%s</th><td>%s</td><td>%s</td></tr>\n", h.inline(r.title), h.inline(r.then), h.inline(r.now))
		}
		h.p("</tbody>\n</table>\n")
	}
}

// paras writes text as paragraphs and lists.
func (h *htmlWriter) paras(t, class string) {
	attr := ""
	if class != "" {
		attr = ` class="` + class + `"`
	}
	for _, p := range paragraphs(t) {
		var items []string
		flush := func() {
			if len(items) > 0 {
				h.list(items, class)
				items = nil
			}
		}
		var text []string
		for _, ln := range strings.Split(p, "\n") {
			if _, rest, ok := listMark(ln); ok {
				if len(text) > 0 {
					h.p("<p%s>%s</p>\n", attr, h.inline(strings.Join(text, " ")))
					text = nil
				}
				items = append(items, rest)
				continue
			}
			flush()
			text = append(text, ln)
		}
		if len(text) > 0 {
			h.p("<p%s>%s</p>\n", attr, h.inline(strings.Join(text, " ")))
		}
		flush()
	}
}

func (h *htmlWriter) list(items []string, class string) {
	attr := ""
	if class != "" {
		attr = ` class="` + class + `"`
	}
	h.p("<ul%s>\n", attr)
	for _, it := range items {
		h.p("<li>%s</li>\n", h.inline(oneLine(it)))
	}
	h.p("</ul>\n")
}

func (h *htmlWriter) chart(c chart) {
	h.p("<ul class=\"chart\">\n")
	for _, r := range c.rows {
		if !r.scored {
			h.p("<li><span class=\"name\">%s</span> <span class=\"track\" aria-hidden=\"true\"></span> <span class=\"score\">%s</span></li>\n",
				h.inline(r.title), h.inline(c.unscored))
			continue
		}
		h.p("<li><span class=\"name\">%s</span> <span class=\"track\" aria-hidden=\"true\"><span class=\"bar %s\" style=\"width:%d%%\"></span>"+
			"<span class=\"cut\" style=\"left:%s%%\"></span><span class=\"cut\" style=\"left:%s%%\"></span></span> <span class=\"score\">%s</span></li>\n",
			h.inline(r.title), bandClass(r.band), min(max(r.score, 0), 100), ftoa(c.cuts[0]), ftoa(c.cuts[1]), h.inline(r.line))
	}
	h.p("</ul>\n")
}

var toneClass = map[tone]string{body: "", lead: "lead", small: "small", strong: "strong", label: "label", kicker: "kicker", title: "", verdictTone: ""}

var tintClass = map[tint]string{calm: "calm", soft: "soft", warm: "warm", note: "note"}

func bandClass(band string) string {
	switch band {
	case score.BandWeak:
		return "b-weak"
	case score.BandDeveloping:
		return "b-developing"
	case score.BandStrong:
		return "b-strong"
	}
	return "b-unscored"
}

// inline escapes text and makes its addresses and numbers links.
func (h *htmlWriter) inline(t string) string {
	t = bindNumbers(t)
	var b strings.Builder
	at := 0
	for _, s := range (linker{h.calls, h.phones}).find(t) {
		b.WriteString(html.EscapeString(t[at:s.start]))
		cls := ""
		if strings.HasPrefix(s.uri, "tel:") {
			cls = ` class="tel"`
		}
		b.WriteString(`<a href="` + html.EscapeString(s.uri) + `"` + cls + `>` + html.EscapeString(t[s.start:s.end]) + `</a>`)
		at = s.end
	}
	b.WriteString(html.EscapeString(t[at:]))
	return b.String()
}

// css is the report's one style sheet: calm colours, a readable measure,
// and print rules that keep boxes, headings and steps whole.
const css = `:root { --ink: #212529; --muted: #585f67; --accent: #2b5876; --rule: #dadee2; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff; font: 17px/1.55 "Noto Sans", "Open Sans", system-ui, -apple-system, "Segoe UI", sans-serif; }
main { max-width: 42rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
h1 { font-size: 2.2rem; line-height: 1.15; margin: .2rem 0 .3rem; }
h2 { color: var(--accent); font-size: 1.45rem; margin: 2.6rem 0 .8rem; padding-bottom: .3rem; border-bottom: 1px solid var(--rule); }
.box h2, #verdict { color: var(--ink); border: 0; font-size: 1.6rem; margin: .2rem 0 .6rem; padding: 0; }
h3 { font-size: 1.15rem; margin: 1.6rem 0 .5rem; }
h4 { font-size: 1rem; margin: 1.1rem 0 .2rem; }
p { margin: 0 0 .7rem; }
a { color: var(--accent); }
a.tel { white-space: nowrap; }
.kicker, .label { color: var(--accent); font-weight: bold; font-size: .85rem; margin: 0 0 .2rem; }
.small, .about, .because { color: var(--muted); font-size: .9rem; }
.lead { font-size: 1.1rem; }
.strong { font-weight: bold; }
.box { border-left: 5px solid; padding: 1rem 1.25rem .5rem; margin: 1.2rem 0; border-radius: 2px; }
.calm { background: #eef3f7; border-color: #2b5876; }
.soft { background: #f5f6f8; border-color: #bcc4cc; }
.warm { background: #fbf0e9; border-color: #b0543a; }
.note { background: #faf5e8; border-color: #be923c; }
.steps li, .answers li { margin-bottom: .6rem; }
.steps li p, .answers li p { margin: 0; }
.answers .q { color: var(--muted); font-size: .9rem; }
.none { color: var(--muted); }
nav ol { padding-left: 1.2rem; }
.chart { list-style: none; padding: 0; }
.chart li { display: grid; grid-template-columns: 14rem 1fr 12rem; gap: .75rem; align-items: center; margin: .35rem 0; }
.chart .track { position: relative; height: .9rem; background: #eaedf0; }
.chart .bar { position: absolute; left: 0; top: 0; bottom: 0; }
.chart .cut { position: absolute; top: -.2rem; bottom: -.2rem; border-left: 1px dashed var(--muted); }
.chart .score { font-size: .9rem; color: var(--muted); }
.b-weak { background: #c47e64; } .b-developing { background: #d6ac5c; } .b-strong { background: #62967a; }
p.band { color: var(--muted); font-size: .9rem; margin-bottom: .3rem; }
.compare { border-collapse: collapse; width: 100%; }
.compare th, .compare td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid var(--rule); }
.hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
meter { width: 8rem; }
@media (max-width: 40rem) { .chart li { grid-template-columns: 1fr; gap: .2rem; } }
@media print {
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  .box, .group, .part, .steps li, .answers li, .chart, table { break-inside: avoid; }
  h2, h3, h4, .label { break-after: avoid; }
  section[aria-labelledby] { break-before: auto; }
  .box, .chart .track, .chart .bar { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
@page { margin: 20mm 18mm; }
`
