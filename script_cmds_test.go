package main

import (
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/rogpeppe/go-internal/testscript"

	"amends/internal/pdftext"
)

// scriptCmds are the commands the scripts have besides testscript's own.
var scriptCmds = map[string]func(ts *testscript.TestScript, neg bool, args []string){
	// exits CODE PROGRAM [ARG...] runs PROGRAM, as exec does, and
	// checks that it exits with CODE.
	"exits": func(ts *testscript.TestScript, neg bool, args []string) {
		if neg || len(args) < 2 {
			ts.Fatalf("usage: exits CODE PROGRAM [ARG...]")
		}
		want, err := strconv.Atoi(args[0])
		ts.Check(err)
		got := 0
		var ee *exec.ExitError
		if err := ts.Exec(args[1], args[2:]...); errors.As(err, &ee) {
			got = ee.ExitCode()
		} else if err != nil {
			ts.Fatalf("%v", err)
		}
		if got != want {
			ts.Fatalf("exit status %d, want %d", got, want)
		}
	},
	// edit SRC DST OLD NEW writes SRC to DST with OLD, which must be in it
	// once, replaced by NEW.
	"edit": func(ts *testscript.TestScript, neg bool, args []string) {
		if neg || len(args) != 4 {
			ts.Fatalf("usage: edit SRC DST OLD NEW")
		}
		src := ts.ReadFile(args[0])
		if n := strings.Count(src, args[2]); n != 1 {
			ts.Fatalf("%q is %d times in %s, not once", args[2], n, args[0])
		}
		ts.Check(os.WriteFile(ts.MkAbs(args[1]), []byte(strings.Replace(src, args[2], args[3], 1)), 0o600))
	},
	// perm MODE FILE checks that FILE's permission bits are MODE (octal).
	"perm": func(ts *testscript.TestScript, neg bool, args []string) {
		if len(args) != 2 {
			ts.Fatalf("usage: perm MODE FILE")
		}
		want, err := strconv.ParseUint(args[0], 8, 32)
		ts.Check(err)
		fi, err := os.Stat(ts.MkAbs(args[1]))
		ts.Check(err)
		if got := fi.Mode().Perm(); (got == fs.FileMode(want)) == neg {
			ts.Fatalf("%s has mode %#o", args[1], got)
		}
	},
	// pdf FILE checks that FILE is a PDF by pdfcpu's strict validation.
	"pdf": func(ts *testscript.TestScript, neg bool, args []string) {
		if neg || len(args) != 1 {
			ts.Fatalf("usage: pdf FILE")
		}
		if _, err := pdfPages(ts.MkAbs(args[0])); err != nil {
			ts.Fatalf("%s is not a valid PDF: %v", args[0], err)
		}
	},
	// pdftext FILE TEXT checks that the text the PDF FILE shows, as a
	// viewer copies it with runs of white space as one space, has TEXT.
	"pdftext": func(ts *testscript.TestScript, neg bool, args []string) {
		if len(args) != 2 {
			ts.Fatalf("usage: pdftext FILE TEXT")
		}
		b, err := os.ReadFile(ts.MkAbs(args[0]))
		ts.Check(err)
		d, err := pdftext.Read(b)
		if err != nil {
			ts.Fatalf("%s: %v", args[0], err)
		}
		if strings.Contains(d.Text(), args[1]) == neg {
			ts.Fatalf("%s has %q: %v, want %v\n%s", args[0], args[1], !neg, neg, d.Text())
		}
	},
	// lines stdout|stderr PREFIX checks that every line of the last
	// command's output starts with PREFIX.
	"lines": func(ts *testscript.TestScript, neg bool, args []string) {
		if neg || len(args) != 2 || args[0] != "stdout" && args[0] != "stderr" {
			ts.Fatalf("usage: lines stdout|stderr PREFIX")
		}
		for _, l := range strings.Split(strings.TrimSuffix(ts.ReadFile(args[0]), "\n"), "\n") {
			if !strings.HasPrefix(l, args[1]) {
				ts.Fatalf("%s line does not start with %q: %q", args[0], args[1], l)
			}
		}
	},
	// files DIR [NAME...] checks that the regular files under DIR, which
	// may not exist, are the NAMEs (paths below DIR), and no others.
	"files": func(ts *testscript.TestScript, neg bool, args []string) {
		if neg || len(args) < 1 {
			ts.Fatalf("usage: files DIR [NAME...]")
		}
		dir := ts.MkAbs(args[0])
		var got []string
		filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err == nil && d.Type().IsRegular() {
				rel, _ := filepath.Rel(dir, p)
				got = append(got, filepath.ToSlash(rel))
			}
			return nil
		})
		if strings.Join(got, " ") != strings.Join(args[1:], " ") {
			ts.Fatalf("files in %s: %q, want %q", args[0], got, args[1:])
		}
	},
}

// scriptCondition knows [root], for what root may do anyway.
func scriptCondition(cond string) (bool, error) {
	if cond == "root" {
		return os.Getuid() == 0, nil
	}
	return false, errors.New("unknown condition " + cond)
}

// pdfPages validates a PDF strictly and counts its pages.
func pdfPages(path string) (int, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0, err
	}
	d, err := pdftext.Read(b)
	if err != nil {
		return 0, err
	}
	return len(d.Pages), nil
}
