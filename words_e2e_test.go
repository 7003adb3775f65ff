package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"amends/internal/pdftext"
	"amends/internal/text"
)

// Two sets that are not the built-in one, in testdata/sets, go through the
// plain mode, the terminal (words_pty_test.go) and the report: one in
// Spanish about a neighbour, one in English about a friend. What a person
// sees, and what a PDF gives when its text is copied, must hold none of the
// built-in set's domain, and the Spanish one none of the engine's English.

const (
	spanishSet    = "testdata/sets/vecinos_es.toml"
	friendshipSet = "testdata/sets/friendship.toml"
)

// englishEngine are words and phrases of the engine's English that a
// Spanish set's person must never read; commands, file names and paths
// are taken out first (see seen).
var englishEngine = regexp.MustCompile(`\b(question|questions|Question|answer|answers|answered|Your|your|report|Report|Next steps|Where you stand|Continue|Page|Verdict|Why|Because|Type a|Type your|press Enter|Save|File name|Stopped|Private mode|Welcome|none|back|help|Yes|out of|of 100|strong|developing|needs work|not enough|Use arrows|for more help|Sorry|Keep this file|Made by|Set in|Readiness|honest look|Taken together|From your|In this report|Where to|Most important|This week)\b`)

// builtinDomain are words of the built-in set's domain (a partner hurt,
// amends, getting back together), in English and Spanish, that no other
// set's person should read from the engine.
var builtinDomain = regexp.MustCompile(`(?i)\b(partner|partners|him|his|relationship|apolog\w*|reconcil\w*|back together|future together|making amends|repair\w*|safety first|pareja|reconcilia\w*|volver con|enmendar\w*|reparación)\b`)

// missingMessage is how the catalogue shows an id it lacks.
var missingMessage = regexp.MustCompile(`\[[a-z]+(_[a-z0-9]+)+\]`)

// seen is what a person reads of out: escapes, commands in quotes, paths
// and the files offered by name taken out, so that only words are left.
func seen(out string) string {
	out = text.Clean(out)
	out = regexp.MustCompile(`"amends [^"]*"|amends (take|report|forget|check)( -[a-z]+( [^\s"»]+)?)*`).ReplaceAllString(out, " ")
	out = regexp.MustCompile(`\S*/\S*|amends-[a-z]+-\d{4}-\d\d-\d\d\S*`).ReplaceAllString(out, " ")
	return out
}

// noLeaks fails for every word of the patterns found in what.
func noLeaks(t *testing.T, where, what string, patterns ...*regexp.Regexp) {
	t.Helper()
	for _, p := range patterns {
		for _, m := range p.FindAllStringIndex(what, -1) {
			a, b := max(m[0]-50, 0), min(m[1]+50, len(what))
			t.Errorf("%s says %q: …%s…", where, what[m[0]:m[1]], strings.ReplaceAll(what[a:b], "\n", " "))
		}
	}
}

func mustSay(t *testing.T, where, what string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(what, w) {
			t.Errorf("%s does not say %q:\n%s", where, w, what)
		}
	}
}

// takePlain takes the set at path in plain mode with the given lines, in
// a home of its own, and returns what it printed (both streams) and the
// text of the report it saved.
func takePlain(t *testing.T, path, input string) (string, *pdftext.Doc) {
	t.Helper()
	h := newHome(t)
	abs, err := filepath.Abs(path)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(amendsBin(t), "take", "-set", abs, "-plain")
	cmd.Dir, cmd.Env = h.work, h.env()
	cmd.Stdin = strings.NewReader(input)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("take: %v\n%s", err, out)
	}
	pdfs, _ := filepath.Glob(filepath.Join(h.work, "*.pdf"))
	if len(pdfs) != 1 {
		t.Fatalf("reports %v\n%s", pdfs, out)
	}
	return string(out), readReport(t, pdfs[0])
}

func readReport(t *testing.T, path string) *pdftext.Doc {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d, err := pdftext.Read(b)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return d
}

// A name, a choice, no pick, a scale, a scale, a choice, a number, a line
// of text, the last look (the result), the report saved under the name
// offered, the answers not kept.
const spanishPlain = "Ana\n1\nninguna\n4\n4\n2\n7\nHola, Ana\n\n\n\n"
