package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"amends/report"
)

// A report exact in any script: check says which characters a set uses
// that the report's font cannot draw; a font named with -font or the set's
// font = is embedded, and the PDF then draws them (the font has every one)
// and gives them back when its text is copied. testdata/fonts holds a
// subset of DejaVu Sans that draws Hebrew.

const hebrewFont = "testdata/fonts/DejaVuSans-Hebrew.ttf"

func runIn(t *testing.T, h *home, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(amendsBin(t), args...)
	cmd.Dir, cmd.Env = h.work, h.env()
	var o, e strings.Builder
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return o.String(), e.String(), code
}

func abs(t *testing.T, p string) string {
	a, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestCheckSaysWhichFontIsMissing(t *testing.T) {
	h := newHome(t)
	for set, script := range map[string]string{"testdata/sets/hebrew.toml": "Hebrew: א ח ר י", "testdata/sets/chinese.toml": "Han: 和 朋 友"} {
		_, stderr, code := runIn(t, h, "check", abs(t, set))
		if code != 0 {
			t.Errorf("%s: exit %d\n%s", set, code, stderr)
		}
		mustSay(t, set, stderr, "warning: the report's font, Noto Sans, cannot draw", script,
			`name a TrueType font that draws them with font = "FILE.ttf" in the set`)
	}
	// With a font that draws Hebrew, nothing is missing: neither the
	// set's words nor the engine's (English, for a language it has none of).
	_, stderr, _ := runIn(t, h, "check", "-font", abs(t, hebrewFont), abs(t, "testdata/sets/hebrew.toml"))
	if strings.Contains(stderr, "cannot draw") {
		t.Errorf("with the Hebrew font:\n%s", stderr)
	}
	// Not a font: one line, and exit 1.
	_, stderr, code := runIn(t, h, "check", "-font", abs(t, "testdata/sets/hebrew.toml"), abs(t, "testdata/sets/hebrew.toml"))
	if code != 1 || !strings.Contains(stderr, "hebrew.toml: not a TrueType font (.ttf)") || strings.Count(stderr, "\n") != 1 {
		t.Errorf("exit %d:\n%s", code, stderr)
	}
}

func TestReportInAFontOfTheSets(t *testing.T) {
	h := newHome(t)
	answers := filepath.Join(h.work, "a.toml")
	if err := os.WriteFile(answers, []byte("set = \"siblings_he\"\nversion = \"1.0.0\"\n[answers]\nown_it = 3\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	font, err := os.ReadFile(hebrewFont)
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile("testdata/sets/hebrew.toml")
	if err != nil {
		t.Fatal(err)
	}
	// The set names the font beside it, as an author would.
	dir := filepath.Join(h.work, "set")
	os.MkdirAll(filepath.Join(dir, "fonts"), 0o700)
	os.WriteFile(filepath.Join(dir, "fonts", "hebrew.ttf"), font, 0o600)
	withFont := strings.Replace(string(src), "language = \"he\"\n", "language = \"he\"\nfont = \"fonts/hebrew.ttf\"\n", 1)
	os.WriteFile(filepath.Join(dir, "set.toml"), []byte(withFont), 0o600)

	for name, args := range map[string][]string{
		"-font":  {"report", "-set", abs(t, "testdata/sets/hebrew.toml"), "-font", abs(t, hebrewFont)},
		"font =": {"report", "-set", filepath.Join(dir, "set.toml")},
	} {
		out := filepath.Join(h.work, map[string]string{"-font": "flag.pdf", "font =": "set.pdf"}[name])
		_, stderr, code := runIn(t, h, append(args, "-answers", answers, "-o", out)...)
		if code != 0 {
			t.Fatalf("%s: exit %d\n%s", name, code, stderr)
		}
		pdf := readReport(t, out)
		mustSay(t, name, pdf.Text(), "אחרי ריב עם אח או אחות", "לקחת אחריות", "Set in DejaVu Sans.")
		if pdf.Lang != "he" {
			t.Errorf("%s: /Lang %q", name, pdf.Lang)
		}
		// The font embedded draws every character the report shows.
		missing, err := report.Coverage(font)
		if err != nil {
			t.Fatal(err)
		}
		if m := missing(pdf.Text()); len(m) > 0 {
			t.Errorf("%s: the font lacks %q", name, string(m))
		}
	}
	// Noto Sans lacks them: check says so, above.
	missing, _ := report.Coverage(report.DefaultFont())
	if len(missing("אחרי ריב")) == 0 {
		t.Error("Noto Sans draws Hebrew now: the tests need another script")
	}
}
