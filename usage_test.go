package main

import (
	"os"
	"strings"
	"testing"
)

func TestManual(t *testing.T) {
	m := manual()
	for _, want := range []string{
		"Amends is an honest look, in the terminal,",
		"\nUsage:\n\n  amends                         take the built-in set",
		"\n  amends version\n\nRun \"amends help COMMAND\" (or \"amends COMMAND -h\") for a command's flags,\n\"amends --version\" for the version.\n",
		"Kept: your report in report.pdf (only you can read it). Nothing else is kept: the progress file is deleted.\n",
	} {
		if !strings.Contains(m, want) {
			t.Errorf("the manual lacks %q:\n%s", want, m)
		}
	}
	if strings.Contains(m, "//") || strings.Contains(m, "This comment is the manual") {
		t.Errorf("the manual has the comment's markup:\n%s", m)
	}
	for name, want := range map[string]string{
		"take":   "[-set FILE | -lang LANG] [-o REPORT.pdf] [-plain] [-resume] [-private] [-force] [-compare OLD]",
		"check":  "[-reach] [-cases DIR] [-lang LANG] [FILE ...]",
		"new":    "[-force] [-minimal] [-lang LANG] FILE",
		"test":   "[-cases DIR] [SET]",
		"schema": "",
		"score":  "-answers FILE [-set FILE | -lang LANG] [-json]",
		"report": "-answers FILE [-set FILE | -lang LANG] -o REPORT.pdf|.html|.txt [-force] [-paper a4|letter] [-answers-appendix] [-full-title] [-compare OLD]",
		"forget": "",
	} {
		if got := synopsis(name); got != want {
			t.Errorf("synopsis(%q) = %q, want %q", name, got, want)
		}
	}
}

// The README shows the manual's usage block; this keeps the two the same.
func TestReadmeUsage(t *testing.T) {
	b, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	m := manual()
	block := m[strings.Index(m, "\n  amends ")+1 : strings.Index(m, "\n\nRun ")]
	block = strings.ReplaceAll("\n"+block, "\n  ", "\n")[1:]
	if !strings.Contains(string(b), "```\n"+block+"\n```\n") {
		t.Errorf("README.md should show the usage block of main.go's doc comment:\n%s", block)
	}
}

func TestHelpIsTheManual(t *testing.T) {
	var out, errb strings.Builder
	if code := run([]string{"help"}, strings.NewReader(""), &out, &errb); code != 0 || out.String() != manual() || errb.Len() > 0 {
		t.Errorf("amends help: exit %d, stderr %q, stdout\n%s", code, errb.String(), out.String())
	}
}
