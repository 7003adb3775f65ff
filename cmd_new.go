package main

import (
	"io"

	"amends/internal/file"
	"amends/questions"
)

func runNew(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("new", stderr)
	force := fs.Bool("force", false, "replace FILE if it exists")
	if err := parse(fs, args, stderr); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usagef("new takes one file name, such as: amends new my-set.toml")
	}
	path := fs.Arg(0)
	if err := file.Write(path, questions.BuiltinSource(), 0o644, *force); err != nil {
		return err
	}
	printf(stdout, "Wrote the built-in set to %s. Change its id, edit it, then run: amends check %s\n", path, path)
	return nil
}
