package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"amends/questions"
)

// runAmends runs the command line in-process and returns its exit code,
// standard output and standard error.
func runAmends(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(args, strings.NewReader(""), &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

func TestCheckBuiltin(t *testing.T) {
	s, err := questions.Builtin()
	if err != nil {
		t.Fatalf("the built-in set does not load:\n%v", err)
	}
	code, out, errOut := runAmends(t, "check")
	if code != 0 || errOut != "" {
		t.Fatalf("amends check: exit %d, stderr %q", code, errOut)
	}
	want := `the built-in set: "` + s.ID + `" ` + s.Version + " is fine: "
	if !strings.HasPrefix(out, want) || strings.Count(out, "\n") != 1 {
		t.Errorf("stdout %q, want one line starting %q", out, want)
	}
	for _, part := range []string{"sections", "questions", "dimensions", "verdicts", "steps"} {
		if !strings.Contains(out, part) {
			t.Errorf("summary %q does not count %s", out, part)
		}
	}
}

func TestCheckSmall(t *testing.T) {
	code, out, errOut := runAmends(t, "check", "questions/testdata/small.toml")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	want := "questions/testdata/small.toml: \"small\" 0.1.0 is fine: 2 sections, 6 questions, 2 dimensions, 3 verdicts, 1 step\n"
	if out != want {
		t.Errorf("stdout %q, want %q", out, want)
	}
}

// writeBroken writes small.toml with one edit into dir.
func writeBroken(t *testing.T, dir, name, old, new string) string {
	t.Helper()
	b, err := os.ReadFile("questions/testdata/small.toml")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Count(string(b), old) != 1 {
		t.Fatalf("%q is not once in small.toml", old)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(strings.Replace(string(b), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestCheckBroken(t *testing.T) {
	dir := t.TempDir()
	a := writeBroken(t, dir, "a.toml", `dimension = "space"`, `dimension = "spaec"`)
	b := writeBroken(t, dir, "b.toml", `title = "A small set"`, `title = "A small set`)
	code, out, errOut := runAmends(t, "check", a, b, "questions/testdata/small.toml", filepath.Join(dir, "missing.toml"))
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	wantErr := strings.Join([]string{
		"amends: " + a + `:18: dimension "space": no question feeds this dimension; give a question dimension = "space" or option points`,
		"amends: " + a + `:92: question "texts": unknown dimension "spaec" (did you mean "space"?)`,
		"amends: " + b + `:3: not valid TOML: column 21: strings cannot contain newlines`,
		"amends: " + filepath.Join(dir, "missing.toml") + ": cannot read: no such file or directory",
		"",
	}, "\n")
	if errOut != wantErr {
		t.Errorf("stderr:\n%s\nwant:\n%s", errOut, wantErr)
	}
	// The good file among the bad ones is still said to be fine.
	if !strings.HasPrefix(out, "questions/testdata/small.toml: \"small\" 0.1.0 is fine") {
		t.Errorf("stdout %q", out)
	}
}

// TestCheckCorpus runs amends check on a handful of toml-test files: exit
// 1, and one line, naming the file, for each.
func TestCheckCorpus(t *testing.T) {
	dir := filepath.Join("questions", "testdata", "toml-test", "tests")
	if _, err := os.Stat(dir); err != nil {
		t.Fatalf("the toml-test corpus is missing from %s: %v", dir, err)
	}
	for _, f := range []string{
		"invalid/string/bad-escape-01.toml",
		"invalid/table/duplicate-key-01.toml",
		"invalid/control/bare-null.toml",
		"invalid/encoding/bad-utf8-in-string.toml",
		"invalid/inline-table/trailing-comma.toml",
		"valid/example.toml",
		"valid/empty-nothing.toml",
	} {
		path := filepath.Join(dir, f)
		if _, err := os.Stat(path); err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		code, out, errOut := runAmends(t, "check", path)
		if code != 1 || out != "" {
			t.Errorf("%s: exit %d, stdout %q; want 1 and nothing", f, code, out)
		}
		lines := strings.Split(strings.TrimSuffix(errOut, "\n"), "\n")
		for _, l := range lines {
			if !strings.HasPrefix(l, "amends: "+path+":") {
				t.Errorf("%s: line does not name the file: %q", f, l)
			}
		}
		if strings.Contains(f, "invalid/") && len(lines) != 1 {
			t.Errorf("%s: %d lines for invalid TOML, want 1:\n%s", f, len(lines), errOut)
		}
	}
}

func TestNewThenCheck(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "x.toml")
	code, out, errOut := runAmends(t, "new", path)
	if code != 0 || errOut != "" {
		t.Fatalf("amends new: exit %d, stderr %q", code, errOut)
	}
	if want := "Wrote the built-in set to " + path + ". Change its id, edit it, then run: amends check " + path + "\n"; out != want {
		t.Errorf("stdout %q, want %q", out, want)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, questions.BuiltinSource()) {
		t.Error("the file written is not the built-in set")
	}
	code, out, errOut = runAmends(t, "check", path)
	if code != 0 || errOut != "" || !strings.HasPrefix(out, path+": ") || !strings.Contains(out, " is fine: ") {
		t.Errorf("amends check %s: exit %d, stdout %q, stderr %q", path, code, out, errOut)
	}

	// new never overwrites: the file keeps what the author wrote.
	if err := os.WriteFile(path, []byte("# mine\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut = runAmends(t, "new", path)
	if code != 1 || out != "" || !strings.HasPrefix(errOut, "amends: "+path+": file exists") || strings.Count(errOut, "\n") != 1 {
		t.Errorf("amends new over a file: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if got, _ := os.ReadFile(path); string(got) != "# mine\n" {
		t.Errorf("the file was changed to %.40q", got)
	}
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		args       []string
		code       int
		stdout     string
		stderrHead string
	}{
		{[]string{"version"}, 0, "amends " + version + "\n", ""},
		{[]string{"version", "x"}, 2, "", "amends: version takes no arguments\nRun \"amends help\" for usage.\n"},
		{[]string{"frobnicate"}, 2, "", "amends: unknown command \"frobnicate\"\nRun \"amends help\" for usage.\n"},
		{[]string{"new"}, 2, "", "amends: new takes one file name, such as: amends new my-set.toml\nRun \"amends help\" for usage.\n"},
		{[]string{"new", "a.toml", "b.toml"}, 2, "", "amends: new takes one file name, such as: amends new my-set.toml\nRun \"amends help\" for usage.\n"},
		{[]string{"check", "-x"}, 2, "", "amends: check: flag provided but not defined: -x\nRun \"amends help\" for usage.\n"},
		{[]string{"check", "-h"}, 0, "", "usage: amends check [FILE ...]\n"},
		{[]string{"help"}, 0, manual(), ""},
	}
	for _, tt := range tests {
		code, out, errOut := runAmends(t, tt.args...)
		if code != tt.code || out != tt.stdout || !strings.HasPrefix(errOut, tt.stderrHead) || tt.stderrHead == "" && errOut != "" {
			t.Errorf("amends %s: exit %d, stdout %q, stderr %q; want %d, %q, %q", strings.Join(tt.args, " "), code, out, errOut, tt.code, tt.stdout, tt.stderrHead)
		}
	}
}
