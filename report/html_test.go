package report

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"amends/internal/words"
	"amends/score"
)

// parsedHTML is an HTML report as a browser's parser reads it.
type parsedHTML struct {
	lang     string
	title    string
	headings []string // "h2 Where you stand", in document order
	links    map[string]string
	ids      map[string]bool
	text     string
	external []string // src or href attributes that fetch something
}

func parseHTML(t *testing.T, b []byte) *parsedHTML {
	t.Helper()
	root, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	p := &parsedHTML{links: map[string]string{}, ids: map[string]bool{}}
	var text strings.Builder
	var walk func(n *html.Node)
	textOf := func(n *html.Node) string {
		var b strings.Builder
		var f func(*html.Node)
		f = func(n *html.Node) {
			if n.Type == html.TextNode {
				b.WriteString(n.Data)
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				f(c)
			}
		}
		f(n)
		return fold(b.String())
	}
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			attr := map[string]string{}
			for _, a := range n.Attr {
				attr[a.Key] = a.Val
			}
			if id := attr["id"]; id != "" {
				p.ids[id] = true
			}
			switch n.Data {
			case "html":
				p.lang = attr["lang"]
			case "title":
				p.title = textOf(n)
			case "h1", "h2", "h3", "h4", "h5", "h6":
				p.headings = append(p.headings, n.Data+" "+textOf(n))
			case "a":
				p.links[textOf(n)] = attr["href"]
			case "img", "script", "link", "iframe":
				p.external = append(p.external, n.Data)
			}
		}
		if n.Type == html.TextNode && (n.Parent == nil || (n.Parent.Data != "style" && n.Parent.Data != "title")) {
			text.WriteString(n.Data + " ")
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	p.text = fold(text.String())
	return p
}

func renderHTML(t *testing.T, r *score.Result, o Options) []byte {
	t.Helper()
	if o.Date.IsZero() {
		o.Date = testDate
	}
	var b bytes.Buffer
	if err := HTML(&b, r, o); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// checkHeadings says what is wrong with a run of headings: one h1 first,
// and never a level skipped on the way down.
func checkHeadings(t *testing.T, hs []string) {
	t.Helper()
	if len(hs) == 0 || !strings.HasPrefix(hs[0], "h1 ") {
		t.Fatalf("the headings do not start with an h1: %q", hs)
	}
	prev := 1
	for _, h := range hs[1:] {
		lvl := int(h[1] - '0')
		if lvl == 1 {
			t.Errorf("a second h1: %q", h)
		}
		if lvl > prev+1 {
			t.Errorf("%q skips a level after an h%d", h, prev)
		}
		prev = lvl
	}
}

func TestHTMLReport(t *testing.T) {
	r := hopefulResult()
	p := parseHTML(t, renderHTML(t, r, Options{}))
	if p.lang != "en" {
		t.Errorf("lang is %q", p.lang)
	}
	if p.title != "Report" {
		t.Errorf("title is %q", p.title)
	}
	if len(p.external) > 0 {
		t.Errorf("the file is not self-contained: it has %q", p.external)
	}
	checkHeadings(t, p.headings)
	// The headings a person navigates by, in the order of the PDF.
	want := []string{"h1 Your report", "h2 Possible, slowly", "h3 Why",
		"h2 " + tStanding, "h3 " + wStrengths, "h4 Taking responsibility", "h3 " + wWork,
		"h2 " + tReadiness, "h2 " + tSteps, "h3 Now", "h2 " + tHonest, "h2 " + tHelp, "h2 " + tAbout}
	at := 0
	for _, h := range p.headings {
		if at < len(want) && h == want[at] {
			at++
		}
	}
	if at < len(want) {
		t.Errorf("the headings %q do not hold %q in order", p.headings, want[at:])
	}
	// The same words as the PDF.
	pdfText := read(t, render(t, r, Options{})).text()
	for _, w := range []string{
		"There is real ground to stand on, and real work left.",
		"Taken together: 68 out of 100 (developing).",
		"strong · 82 out of 100", "9 out of 10",
		"Because: you sent gifts “a few times”; you asked his friends about him “often”.",
		en.T("report_scale", "weak", "needs work", "developing", "developing", "strong", "strong", "low", 40, "high", 70),
	} {
		mustContain(t, "the HTML", p.text, w)
		mustContain(t, "the PDF", pdfText, w)
	}
	// Links: the contents to their sections, addresses to the web.
	for _, s := range []string{tStanding, tSteps, tHelp, tAbout} {
		href := p.links[s]
		if !strings.HasPrefix(href, "#") || !p.ids[href[1:]] {
			t.Errorf("the contents entry %q links to %q, which is no section", s, href)
		}
	}
	if got := p.links["findahelpline.com"]; got != "https://findahelpline.com" {
		t.Errorf("findahelpline.com links to %q", got)
	}
}

func TestHTMLSafety(t *testing.T) {
	r := safetyResult()
	b := renderHTML(t, r, Options{FullTitle: true})
	p := parseHTML(t, b)
	checkHeadings(t, p.headings)
	if p.title != "Your report — "+r.Set.Title {
		t.Errorf("full title is %q", p.title)
	}
	for number, tel := range map[string]string{"0808 802 4040": "tel:08088024040", "1-800-799-7233": "tel:18007997233"} {
		if got := p.links[number]; got != tel {
			t.Errorf("%s links to %q, want %q", number, got, tel)
		}
	}
	// Help before anything else; no scores.
	if i, j := strings.Index(p.text, wCallLabel), strings.Index(p.text, wStartLabel); i < 0 || j < 0 || i > j {
		t.Errorf("who to call does not come before the steps")
	}
	mustNotContain(t, "the HTML", p.text, tStanding, "out of 100", wStrengths)
	// Print styles keep boxes and steps whole.
	if !regexp.MustCompile(`@media print[^@]*break-inside: avoid`).Match(b) {
		t.Error("no print styles that keep boxes whole")
	}
}

func TestHTMLLanguage(t *testing.T) {
	r := greekResult()
	r.Set.Language = "pl"
	p := parseHTML(t, renderHTML(t, r, Options{Appendix: true}))
	if p.lang != "pl" {
		t.Errorf("lang is %q, want the set's", p.lang)
	}
	mustContain(t, "the HTML", p.text, "Zażółć gęślą jaźń. Η εμπιστοσύνη χτίζεται αργά. Доверие строится медленно.")
}

// TestHTMLHostile: text from a set or an answer cannot become markup.
func TestHTMLHostile(t *testing.T) {
	r := hopefulResult()
	r.Verdict.Title = `<script>alert(1)</script> & "quotes"`
	r.Answers[0].Answer = `<img src=x onerror=alert(1)>`
	b := renderHTML(t, r, Options{Appendix: true})
	p := parseHTML(t, b)
	if len(p.external) > 0 {
		t.Fatalf("text became markup: %q", p.external)
	}
	mustContain(t, "the HTML", p.text, `<script>alert(1)</script> & “quotes”`, `<img src=x onerror=alert(1)>`)
}

func TestTextReport(t *testing.T) {
	r := hopefulResult()
	var b bytes.Buffer
	if err := PlainText(&b, r, Options{Date: testDate}); err != nil {
		t.Fatal(err)
	}
	s := b.String()
	for _, ln := range strings.Split(s, "\n") {
		if n := len([]rune(ln)); n > textCols {
			t.Errorf("a line of %d characters: %q", n, ln)
		}
		if strings.ContainsAny(ln, "\x1b#█") {
			t.Errorf("a line a screen reader would read oddly: %q", ln)
		}
	}
	mustContain(t, "the text", fold(s), "Your report", "Possible, slowly", tStanding, tSteps,
		"Taking responsibility: strong · 82 out of 100", "Taken together: 68 out of 100 (developing).",
		"1. Stop the gifts", "Because: you sent gifts “a few times”", "findahelpline.com")
	// A phone number is never split at a line end.
	var sb bytes.Buffer
	PlainText(&sb, safetyResult(), Options{Date: testDate})
	mustContain(t, "the safety text", sb.String(), "0808 802 4040", "1-800-799-7233")
}

// TestSpanishReport: a set in Spanish gets the engine's words in Spanish in
// every form, numbers and dates as Spanish writes them.
func TestSpanishReport(t *testing.T) {
	r := hopefulResult()
	r.Words = words.New("es", nil)
	r.Set.Language = "es"
	pdf := read(t, render(t, r, Options{})).text()
	h := parseHTML(t, renderHTML(t, r, Options{}))
	var tb bytes.Buffer
	if err := PlainText(&tb, r, Options{Date: testDate}); err != nil {
		t.Fatal(err)
	}
	for where, text := range map[string]string{"the PDF": pdf, "the HTML": h.text, "the text": fold(tb.String())} {
		mustContain(t, where, text, "Tu informe", "25 de noviembre de 2026", "Dónde te deja esto", "Dónde estás",
			"Próximos pasos", "Tus puntos fuertes", "82 de 100", "Sobre este informe")
		mustNotContain(t, where, text, "Your report", "out of 100", "Where you stand")
	}
	if h.lang != "es" || h.title != "Informe" {
		t.Errorf("lang %q, title %q", h.lang, h.title)
	}
}
