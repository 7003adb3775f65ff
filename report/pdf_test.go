package report

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"amends/internal/file"
	"amends/score"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

var testDate = time.Date(2026, 11, 25, 9, 30, 0, 0, time.UTC)

func render(t testing.TB, r *score.Result, o Options) []byte {
	t.Helper()
	if o.Date.IsZero() {
		o.Date = testDate
	}
	var b bytes.Buffer
	if err := PDF(&b, r, o); err != nil {
		t.Fatalf("PDF: %v", err)
	}
	return b.Bytes()
}

func mustContain(t *testing.T, where, text string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(text, fold(w)) {
			t.Errorf("%s does not say %q", where, w)
		}
	}
}

func mustNotContain(t *testing.T, where, text string, unwanted ...string) {
	t.Helper()
	for _, w := range unwanted {
		if strings.Contains(text, fold(w)) {
			t.Errorf("%s says %q, and should not", where, w)
		}
	}
}

func TestHopefulReport(t *testing.T) {
	r := hopefulResult()
	b := render(t, r, Options{})
	p := read(t, b)
	text := p.text()

	// The first page stands on its own.
	mustContain(t, "page 1", p.page(1),
		"Your report", "25 November 2026", "Possible, slowly",
		"There is real ground to stand on, and real work left.",
		"one sincere apology — with no request attached — is reasonable",
		"Why", "Taken together your answers come to about 70, between 50 and 70.",
		r.Set.Disclaimer, "In this report")
	mustNotContain(t, "page 1", p.page(1), tStanding+" Each bar")
	for _, h := range []string{tStanding, tReadiness, tSteps, tHonest, tHelp, tAbout} {
		mustContain(t, "the report", text, h)
	}
	mustContain(t, "the report", text,
		// the chart and the parts, strengths first
		"needs work developing strong", "0 40 70 100",
		"Taken together: 68 out of 100 (developing).",
		"It is a reflection, not a prediction",
		"Your strengths Taking responsibility strong · 82 out of 100",
		"“Part of me thinks he brought this on himself.” — Disagree",
		"What needs work Avoiding pressure and games needs work · 38 out of 100",
		"Not enough answers to say • Hearing what he needs: you answered 1 of its 3 questions.",
		// readiness
		"I’m actively changing", "9 out of 10", "6 out of 10", "To think about",
		// steps by phase, numbered, with their reasons
		"Now 1 Stop the gifts", "2 Write the apology",
		"Because: you sent gifts “a few times”; you asked his friends about him “often”.",
		"In the coming weeks 1 Keep your counselling", "If he opens the door 1 Choose a calm",
		// the honest look and help
		"Forgiveness is not getting back together", "Forgiving yourself",
		"findahelpline.com",
		// privacy
		"Your answers are kept nowhere", "This report quotes some of your answers where they explain a result, but not the full list",
		"Made by amends from the question set “Hurt him? An honest look at making amends”, version 1.0.0 ("+r.Set.Hash+")",
	)
	// Scores are whole numbers, the same ones the reasons give; never a chance.
	mustNotContain(t, "the report", text, "68.", "chance of getting him back", "Checked first")
	// The answers are left out unless asked for.
	mustNotContain(t, "the report", text, tAnswers+" You asked", "you’re nothing without me")

	// A footer on every page says only page N of M; the set's hash is in
	// "About" and nowhere else.
	for n := 1; n <= len(p.pages); n++ {
		pg := p.page(n)
		mustContain(t, fmt.Sprintf("page %d", n), pg, fmt.Sprintf("Page %d of %d", n, len(p.pages)))
		if strings.Contains(pg, "sha256:") != strings.Contains(pg, "Made by amends") {
			t.Errorf("page %d: the hash is where it should not be, or missing from %q", n, tAbout)
		}
	}
	// The contents' page numbers agree with the outline.
	outline := bookmarks(t, b)
	for _, bm := range outline[1:] {
		title, page, _ := strings.Cut(bm, " (page ")
		mustContain(t, "page 1", p.page(1), strings.TrimSuffix(page, ")")+" "+title)
	}
	want := []string{"Verdict: Possible, slowly (page 1)", "Where you stand (page 2)"}
	if len(outline) < 2 || outline[0] != want[0] || outline[1] != want[1] {
		t.Errorf("outline starts %q, want %q", outline, want)
	}
	// The document's title, which shows in window titles, is neutral
	// unless the full one is asked for.
	if got := p.ctx.Title; got != "Report" {
		t.Errorf("title is %q", got)
	}
	if got := read(t, render(t, r, Options{FullTitle: true})).ctx.Title; got != "Your report — Hurt him? An honest look at making amends" {
		t.Errorf("full title is %q", got)
	}
}

func TestSafetyReport(t *testing.T) {
	r := safetyResult()
	p := read(t, render(t, r, Options{}))
	text := p.text()

	// The verdict and the help, both on the first page.
	mustContain(t, "page 1", p.page(1),
		"Safety first", "This tool can’t help you reconcile",
		"You answered “Yes” to “Has he ever seemed afraid of you?”",
		r.Set.Disclaimer, "First, where to get help", "If anyone is in danger now", "0808 802 4040",
		"National Domestic Violence Hotline (US) 1-800-799-7233")
	for _, h := range []string{tHelp, tRaised, tReadiness, tSafeSteps, tHonest, tAbout} {
		mustContain(t, "the report", text, h)
	}
	mustContain(t, "the report", text,
		"He may not be safe with you", "From your answers: • “Has he ever seemed afraid of you?” — Yes",
		"leaves out the scores", "Don’t contact him about the relationship")
	// Nothing about scores or getting back together.
	mustNotContain(t, "the report", text, tStanding, "Taken together", "Your strengths",
		"Taking responsibility", "needs work", "getting back together:")
}

func TestLanguages(t *testing.T) {
	r := greekResult()
	p := read(t, render(t, r, Options{Appendix: true}))
	mustContain(t, "page 1", p.page(1),
		"Zraniłeś go? Szczera ocena — Μια ειλικρινής ματιά",
		"Możliwe, powoli — Ίσως, σιγά σιγά",
		"Zażółć gęślą jaźń. Η εμπιστοσύνη χτίζεται αργά. Доверие строится медленно.",
		"Odpowiedziałeś „Zdecydowanie się zgadzam” na pytanie o odpowiedzialność.",
		"To refleksja, nie diagnoza ani terapia; nie zna jego strony.")
	text := p.text()
	mustContain(t, "the report", text, "Branie odpowiedzialności", tAnswers,
		"Что вы хотите сказать? Прости меня — я был неправ.",
		"I said things I can’t take back — “you’re nothing without me” — and I want to own that.")
	if got, want := read(t, render(t, r, Options{FullTitle: true})).ctx.Title, "Your report — "+r.Set.Title; got != want {
		t.Errorf("title is %q, want %q", got, want)
	}
	if bm := bookmarks(t, render(t, r, Options{})); bm[0] != "Verdict: "+r.Verdict.Title+" (page 1)" {
		t.Errorf("first bookmark is %q", bm[0])
	}
}

// TestHostileText renders emoji, control characters, escapes and very long
// texts: sanitised, wrapped and broken across pages, never an error.
func TestHostileText(t *testing.T) {
	r := longResult()
	p := read(t, render(t, r, Options{Appendix: true}))
	if len(p.pages) < 10 {
		t.Errorf("%d pages; the long report should run to many", len(p.pages))
	}
	text := strings.Join(p.pages, "\n")
	for _, r := range text {
		if r > 0xFFFF || r == 0x1b || (r < 0x20 && r != '\n') || r == '\u200d' {
			t.Fatalf("the text holds %U", r)
		}
	}
	mustContain(t, "the report", fold(text), "Emoji � and red in a title", "tab here, bell, NUL, emoji ���, flags ��",
		"• a list item • another � 1. numbered")
	if strings.Contains(text, "[31m") {
		t.Error("an escape sequence was printed")
	}
	// Long texts were wrapped: no run of text is wider than a line.
	for _, line := range strings.Split(text, "\n") {
		if n := len([]rune(line)); n > 130 {
			t.Fatalf("a line of %d characters was not wrapped: %q", n, line)
		}
	}
	if !strings.Contains(text, strings.Repeat("x", 60)) || strings.Contains(text, strings.Repeat("x", 131)) {
		t.Error("the 400-character word was not broken across lines")
	}
}

func TestEmptyResult(t *testing.T) {
	p := read(t, render(t, &score.Result{}, Options{}))
	// Nothing scored, nothing raised, no readiness asked, no help named:
	// no section for any of them, rather than empty ones.
	mustContain(t, "the report", p.text(), "Your report", "No verdict", "None of the next steps", "Page 1 of")
	mustNotContain(t, "the report", p.text(), tStanding, tReadiness, tHelp)
}

func TestAppendix(t *testing.T) {
	r := hopefulResult()
	p := read(t, render(t, r, Options{Appendix: true, Kept: "answers.toml"}))
	mustContain(t, "the report", p.text(), tAnswers, "You asked for your answers to be included.",
		"1 I can say what I did in one sentence, without explaining it away. Strongly agree",
		"4 Anything you want to remember? I said things I can’t take back",
		"Your answers are kept in answers.toml.", "This report includes your answers, at the end.")
}

func TestPaper(t *testing.T) {
	for _, c := range []struct {
		paper string
		w, h  float64
	}{{"", 595.28, 841.89}, {"a4", 595.28, 841.89}, {"letter", 612, 792}, {"Letter", 612, 792}} {
		p := read(t, render(t, hopefulResult(), Options{Paper: c.paper}))
		dims, err := p.ctx.PageDims()
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range dims {
			if fmt.Sprintf("%.2f×%.2f", d.Width, d.Height) != fmt.Sprintf("%.2f×%.2f", c.w, c.h) {
				t.Errorf("paper %q: a page is %.2f×%.2f pt, want %.2f×%.2f", c.paper, d.Width, d.Height, c.w, c.h)
			}
		}
	}
	if err := PDF(&bytes.Buffer{}, hopefulResult(), Options{Paper: "a3"}); err == nil || err.Error() != `unknown paper "a3"; use a4 or letter` {
		t.Errorf("paper a3: %v", err)
	}
	if err := PDF(&bytes.Buffer{}, nil, Options{}); err == nil {
		t.Error("a nil result gave no error")
	}
}

func TestBands(t *testing.T) {
	p := read(t, render(t, hopefulResult(), Options{Bands: []float64{50, 80}}))
	mustContain(t, "the report", p.text(), "needs work below 50, developing from 50, strong from 80", "0 50 80 100")
	p = read(t, render(t, hopefulResult(), Options{Bands: []float64{80, 50}}))
	mustContain(t, "the report", p.text(), "0 40 70 100")
}

func TestDates(t *testing.T) {
	date := time.Date(2031, 2, 3, 23, 59, 0, 0, time.FixedZone("x", -5*3600))
	b := render(t, hopefulResult(), Options{Date: date})
	mustContain(t, "page 1", read(t, b).page(1), "4 February 2031")
	if !bytes.Contains(b, []byte("/CreationDate (D:20310204045900)")) || !bytes.Contains(b, []byte("/ModDate (D:20310204045900)")) {
		t.Error("the PDF's dates are not the report's date in UTC")
	}
}

// TestSameBytes renders the same result many times, at once, and expects
// the same bytes every time (gofpdf writes into its font bytes; each
// document gets its own copy).
func TestSameBytes(t *testing.T) {
	want := render(t, hopefulResult(), Options{Appendix: true})
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var b bytes.Buffer
			if err := PDF(&b, hopefulResult(), Options{Date: testDate, Appendix: true}); err != nil {
				errs <- err
				return
			}
			if !bytes.Equal(b.Bytes(), want) {
				errs <- errors.New("the same result gave different bytes")
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// TestGolden compares two reports, a safety case and a hopeful one, with
// the bytes in testdata; go test ./report -update rewrites them.
func TestGolden(t *testing.T) {
	for _, c := range goldenCases(t) {
		t.Run(c.name, func(t *testing.T) {
			got := render(t, c.r, c.o)
			path := filepath.Join("testdata", c.name+".pdf.golden")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./report -update to write it)", err)
			}
			if !bytes.Equal(got, want) {
				out := filepath.Join(t.TempDir(), c.name+".pdf")
				os.WriteFile(out, got, 0o644)
				t.Errorf("the %s report differs from %s (%d bytes, now %d; the new one is in %s). "+
					"If the change is meant, look at it and run go test ./report -update", c.name, path, len(want), len(got), out)
			}
			read(t, got)
		})
	}
}

func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "report.pdf")
	r := hopefulResult()
	o := Options{Date: testDate}
	if err := WriteFile(path, r, o, false); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", fi.Mode().Perm())
	}
	want := render(t, r, o)
	if got, _ := os.ReadFile(path); !bytes.Equal(got, want) {
		t.Error("the file holds other bytes than PDF writes")
	}

	// An existing file is left alone without overwrite.
	os.WriteFile(path, []byte("old"), 0o600)
	err = WriteFile(path, r, o, false)
	if !errors.Is(err, file.ErrExists) || !strings.Contains(err.Error(), path) {
		t.Errorf("writing over a file: %v", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "old" {
		t.Error("the old file was changed")
	}
	if err := WriteFile(path, r, o, true); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, want) {
		t.Error("overwrite did not replace the file")
	}

	// A PDF that cannot be made writes nothing.
	bad := filepath.Join(dir, "bad.pdf")
	if err := WriteFile(bad, r, Options{Paper: "a0"}, false); err == nil || !strings.HasPrefix(err.Error(), bad+": ") {
		t.Errorf("bad paper: %v", err)
	}
	if _, err := os.Stat(bad); !errors.Is(err, fs.ErrNotExist) {
		t.Error("a file was written for a PDF that could not be made")
	}

	// A directory that cannot be written to: one line naming the path.
	if os.Getuid() != 0 && runtime.GOOS != "windows" {
		ro := filepath.Join(dir, "ro")
		os.Mkdir(ro, 0o500)
		p := filepath.Join(ro, "report.pdf")
		err := WriteFile(p, r, o, false)
		if err == nil || !strings.HasPrefix(err.Error(), p+": ") || strings.Contains(err.Error(), "\n") {
			t.Errorf("read-only directory: %v", err)
		}
	}
	missing := filepath.Join(dir, "no", "such", "report.pdf")
	if err := WriteFile(missing, r, o, false); err == nil || !strings.HasPrefix(err.Error(), missing+": ") {
		t.Errorf("missing directory: %v", err)
	}

	// No temporary files are left behind.
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.Name() != "report.pdf" && e.Name() != "ro" {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

// TestClean checks what clean adds to text.Clean (whose own test has the
// escapes and controls): what the fonts cannot draw.
func TestClean(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"“quotes” — dash, Zażółć, Ελληνικά, Русский", "“quotes” — dash, Zażółć, Ελληνικά, Русский"},
		{"emoji 😀 here", "emoji \uFFFD here"},
		{"👍🏽", "\uFFFD\uFFFD"},
		{"no-break\u00a0space, selector\ufe0f", "no-break space, selector"},
		{"\x1b[31mred\x1b[0m\ttab\r\nzero\u200dwidth\u202eoverride\xff", "red tab\nzerowidthoverride\uFFFD"},
	} {
		if got := clean(c.in); got != c.want {
			t.Errorf("clean(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestParagraphs(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"one\ntwo", []string{"one two"}},
		{"one\n\n\ntwo  three ", []string{"one", "two three"}},
		{"Steps:\n- first\n- second\n1. third", []string{"Steps:\n- first\n- second\n1. third"}},
		{"1.5 is not a list\nitem", []string{"1.5 is not a list item"}},
	} {
		got := paragraphs(c.in)
		if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", c.want) {
			t.Errorf("paragraphs(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestUrgent(t *testing.T) {
	for _, c := range []struct {
		flags   []bool // whether each raised flag is urgent
		verdict bool
		want    bool
	}{
		{nil, false, false},
		{[]bool{false}, false, false},
		{[]bool{true}, true, true},
		{[]bool{false, true}, false, true},
		{nil, true, true},
	} {
		r := &score.Result{Verdict: score.Verdict{ID: "v", Urgent: c.verdict}}
		for _, u := range c.flags {
			r.Flags = append(r.Flags, score.RaisedFlag{ID: "f", Urgent: u})
		}
		if got := urgent(r); got != c.want {
			t.Errorf("urgent(flags %v, verdict %v) = %v", c.flags, c.verdict, got)
		}
	}
}

// BenchmarkReport renders a report the size of the built-in set's.
func BenchmarkReport(b *testing.B) { benchReport(b, Options{Date: testDate}) }

// BenchmarkReportAppendix renders the same report with every answer at the end.
func BenchmarkReportAppendix(b *testing.B) {
	benchReport(b, Options{Date: testDate, Appendix: true})
}

// BenchmarkReportHTML writes the same report as HTML.
func BenchmarkReportHTML(b *testing.B) {
	r := benchResult(b)
	var size int
	b.ReportAllocs()
	for b.Loop() {
		var buf bytes.Buffer
		if err := HTML(&buf, r, Options{Date: testDate}); err != nil {
			b.Fatal(err)
		}
		size = buf.Len()
	}
	b.ReportMetric(float64(size), "html-bytes")
}

// benchReport renders a report the size of the built-in set's and reports,
// besides the time, its size and the CPU time the process spent per report
// (all threads, the garbage collector's too), which a busy machine changes
// less than the wall-clock time.
func benchReport(b *testing.B, o Options) {
	r := benchResult(b)
	var size int
	b.ReportAllocs()
	before := cpuTime()
	for b.Loop() {
		var buf bytes.Buffer
		if err := PDF(&buf, r, o); err != nil {
			b.Fatal(err)
		}
		size = buf.Len()
	}
	b.ReportMetric(float64(cpuTime()-before)/float64(b.N)/1e6, "cpu-ms/op")
	b.ReportMetric(float64(size), "pdf-bytes")
}

// TestMemoryBudget checks that one built-in-sized report allocates less
// than the 50 MB budget in all, so its peak can be no higher.
func TestMemoryBudget(t *testing.T) {
	r := benchResult(t)
	render(t, r, Options{}) // warm up package-level state
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	b := render(t, r, Options{})
	runtime.ReadMemStats(&after)
	if n := after.TotalAlloc - before.TotalAlloc; n > 50<<20 {
		t.Errorf("one report allocated %d MB; the budget is 50 MB", n>>20)
	}
	if len(b) > 150<<10 {
		t.Errorf("the report is %d KB; the budget is 150 KB", len(b)>>10)
	}
}

// TestFlagPointsToHelp: a raised flag that is not about safety first
// still makes the first page say where the help is.
func TestFlagPointsToHelp(t *testing.T) {
	r := hopefulResult()
	r.Flags = []score.RaisedFlag{{ID: "unsaid", Title: "Safety questions left unanswered", Text: "You chose not to answer a safety question."}}
	p := read(t, render(t, r, Options{}))
	help := 0
	for n := range p.pages {
		if strings.Contains(p.page(n+1), tHelp+" ") {
			help = n + 1
		}
	}
	mustContain(t, "page 1", p.page(1), fmt.Sprintf("The places to get help are under “%s”, on page %d.", tHelp, help))
	mustContain(t, "the report", p.text(), tStanding+" Safety questions left unanswered You chose not to answer")
	mustNotContain(t, "page 1", read(t, render(t, hopefulResult(), Options{})).page(1), "The places to get help")
}
