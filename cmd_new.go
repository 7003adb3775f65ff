package main

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"amends/internal/file"
	"amends/questions"
)

func runNew(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("new", stderr)
	force := fs.Bool("force", false, "replace FILE if it exists")
	minimal := fs.Bool("minimal", false, "write the smallest set that checks clean, each part explained, rather than the built-in set")
	lang := langFlag(fs)
	if err := parse(fs, args, stderr); err != nil {
		return err
	}
	if err := checkLang("new", *lang, ""); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usagef("new takes one file name, such as: amends new my-set.toml")
	}
	path := fs.Arg(0)
	_, src := questions.BuiltinSourceFor(chooseBuiltin(*lang, "").lang)
	what := "the built-in set"
	if *minimal {
		src, what = questions.MinimalSource(), "a minimal set"
	}
	if err := file.Write(path, questions.WithSchemaLine(src), 0o644, *force); err != nil {
		return err
	}
	schema := filepath.Join(filepath.Dir(path), questions.SchemaFile)
	note, err := writeSchema(schema)
	if err != nil {
		return err
	}
	printf(stdout, "Wrote %s to %s%s. Change its id, edit it, then run: amends check %s\n", what, path, note, path)
	return nil
}

// writeSchema writes the set schema at path for editors to find by the
// #:schema line, replacing an older one amends wrote but never a file of
// someone else's; it returns what to add to the message.
func writeSchema(path string) (string, error) {
	b, err := os.ReadFile(path)
	switch {
	case err == nil && bytes.Equal(b, questions.Schema()):
		return "", nil
	case err == nil && !bytes.Contains(b, []byte(questions.SchemaID)):
		return " (" + path + " is not amends's, so it was left as it is)", nil
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return "", err
	}
	if err := file.Write(path, questions.Schema(), 0o644, true); err != nil {
		return "", err
	}
	return ", and its schema to " + path + " for editors that read it", nil
}

func runSchema(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("schema", stderr)
	if err := parse(fs, args, stderr); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("schema takes no arguments; it prints the JSON Schema of the question-set format")
	}
	_, err := stdout.Write(questions.Schema())
	return err
}
