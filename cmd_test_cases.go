package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"

	"amends/cases"
	"amends/questions"
)

// runTest runs the cases kept beside a set (SET.cases/ for SET.toml; the
// built-in set's own without SET) and prints each difference; exit 1 when
// any case fails.
func runTest(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("test", stderr)
	dir := fs.String("cases", "", "the `folder` the cases are in (default: SET's name with .cases for .toml, beside it)")
	if err := parse(fs, args, stderr); err != nil {
		return err
	}
	if fs.NArg() > 1 {
		return usagef("test takes at most one set, such as: amends test my-set.toml")
	}
	var s *questions.Set
	var found []cases.Case
	var err error
	if fs.NArg() == 0 && *dir == "" {
		if s, err = questions.Builtin(); err != nil {
			return err
		}
		found, err = cases.Find(questions.BuiltinCases(), ".", "builtin.cases")
	} else {
		if fs.NArg() == 0 {
			s, err = questions.Builtin()
		} else {
			s, err = questions.LoadFile(fs.Arg(0))
		}
		if err != nil {
			return err
		}
		folder := *dir
		if folder == "" {
			folder = strings.TrimSuffix(fs.Arg(0), ".toml") + ".cases"
		}
		found, err = cases.Find(os.DirFS(folder), ".", filepath.ToSlash(folder))
	}
	if err != nil {
		return err
	}
	if failed := cases.Report(stdout, stderr, s, found); failed > 0 {
		return exitError{code: exitFail}
	}
	return nil
}
