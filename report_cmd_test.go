package main

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
)

// reportAnswers are answers to questions/testdata/small.toml.
const reportAnswers = `set = "small"
version = "0.1.0"
[answers]
afraid = "no"
hurt = ["trust", "words"]
trust_detail = "told"
blame = 2
texts = 4
note = "I said things I can’t take back — Zażółć"
`

func reportCmd(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(append([]string{"report"}, args...), strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func validPDF(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	model.ConfigPath = "disable" // pdfcpu would otherwise write a config directory under $HOME
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationStrict
	if err := api.Validate(bytes.NewReader(b), conf); err != nil {
		t.Fatalf("%s is not a valid PDF: %v", path, err)
	}
	return b
}

func TestReportCommand(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1764000000") // 24 November 2025, 16:00 UTC
	dir := t.TempDir()
	answers := filepath.Join(dir, "answers.toml")
	os.WriteFile(answers, []byte(reportAnswers), 0o600)
	out := filepath.Join(dir, "report.pdf")

	code, stdout, stderr := reportCmd("-set", smallSet, "-answers", answers, "-o", out)
	if code != 0 || stderr != "" || stdout != "Your report is in "+out+" (only you can read it).\n" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	first := validPDF(t, out)
	if fi, _ := os.Stat(out); runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", fi.Mode().Perm())
	}
	if !bytes.Contains(first, []byte("/CreationDate (D:20251124160000)")) || !bytes.Contains(first, []byte("/MediaBox [0 0 595.28 841.89]")) {
		t.Error("the report is not dated by SOURCE_DATE_EPOCH on A4 paper")
	}

	// An existing report is left alone without -force.
	code, _, stderr = reportCmd("-set", smallSet, "-answers", answers, "-o", out)
	if code != 1 || stderr != "amends: "+out+": file exists; choose another name, or pass -force to replace it\n" {
		t.Errorf("writing over: exit %d, stderr %q", code, stderr)
	}
	// With -force it is replaced, by the same bytes for the same answers.
	os.WriteFile(out, []byte("old"), 0o600)
	if code, _, stderr = reportCmd("-set", smallSet, "-answers", answers, "-o", out, "-force"); code != 0 {
		t.Fatalf("-force: exit %d, stderr %q", code, stderr)
	}
	if again := validPDF(t, out); !bytes.Equal(again, first) {
		t.Error("the same answers and SOURCE_DATE_EPOCH gave different bytes")
	}

	// Letter paper, and the answers in an appendix: another page.
	letter := filepath.Join(dir, "letter.pdf")
	if code, _, stderr = reportCmd("-set", smallSet, "-answers", answers, "-o", letter, "-paper", "letter", "-answers-appendix"); code != 0 {
		t.Fatalf("letter: exit %d, stderr %q", code, stderr)
	}
	b := validPDF(t, letter)
	if !bytes.Contains(b, []byte("/MediaBox [0 0 612.00 792.00]")) {
		t.Error("-paper letter did not give Letter pages")
	}
	n1, _ := api.PageCount(bytes.NewReader(first), nil)
	n2, _ := api.PageCount(bytes.NewReader(b), nil)
	if n2 <= n1 {
		t.Errorf("with the appendix %d pages, without %d", n2, n1)
	}
}

func TestReportCommandErrors(t *testing.T) {
	dir := t.TempDir()
	answers := filepath.Join(dir, "answers.toml")
	os.WriteFile(answers, []byte(reportAnswers), 0o600)
	out := filepath.Join(dir, "r.pdf")
	missing := filepath.Join(dir, "no", "such", "r.pdf")
	hint := "Run \"amends help\" for usage.\n"
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"-set", smallSet, "-answers", answers}, 2, "amends: report needs -o REPORT.pdf, the file to write\n" + hint},
		{[]string{"-set", smallSet, "-o", out}, 2, "amends: report needs -answers FILE\n" + hint},
		{[]string{"-set", smallSet, "-answers", answers, "-o", out, "-paper", "a3"}, 2, "amends: report: -paper is a4 or letter, not \"a3\"\n" + hint},
		{[]string{"-set", smallSet, "-answers", answers, "-o", out, "extra"}, 2,
			"amends: report takes no arguments besides its flags; answers come from a file, never the command line\n" + hint},
		{[]string{"-bogus"}, 2, "amends: report: flag provided but not defined: -bogus\n" + hint},
		{[]string{"-set", smallSet, "-answers", filepath.Join(dir, "none.toml"), "-o", out}, 1,
			"amends: " + filepath.Join(dir, "none.toml") + ": cannot read: no such file or directory\n"},
		{[]string{"-set", smallSet, "-answers", answers, "-o", missing}, 1,
			"amends: " + missing + ": cannot write: the folder " + filepath.Dir(missing) + " does not exist\n"},
		{[]string{"-set", smallSet, "-answers", answers, "-o", dir, "-force"}, 1,
			"amends: " + dir + ": is a folder; give a file name, such as " + filepath.Join(dir, "report.pdf") + "\n"},
		{[]string{"-set", smallSet, "-answers", answers, "-o", filepath.Join(answers, "r.pdf")}, 1,
			"amends: " + filepath.Join(answers, "r.pdf") + ": cannot write: not a directory\n"},
	}
	for _, tt := range tests {
		code, stdout, stderr := reportCmd(tt.args...)
		if code != tt.code || stderr != tt.want || stdout != "" {
			t.Errorf("%q: exit %d, stdout %q, stderr\n%s\nwant exit %d, stderr\n%s", tt.args, code, stdout, stderr, tt.code, tt.want)
		}
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a report was written despite the errors")
	}

	if os.Getuid() != 0 && runtime.GOOS != "windows" {
		ro := filepath.Join(dir, "ro")
		os.Mkdir(ro, 0o500)
		p := filepath.Join(ro, "r.pdf")
		code, _, stderr := reportCmd("-set", smallSet, "-answers", answers, "-o", p)
		if code != 1 || !strings.HasPrefix(stderr, "amends: "+p+": cannot write: ") || strings.Count(stderr, "\n") != 1 {
			t.Errorf("read-only directory: exit %d, stderr %q", code, stderr)
		}
	}
}
