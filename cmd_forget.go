package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"amends/internal/file"
	"amends/internal/text"
	"amends/quiz"
)

// runForget deletes everything amends keeps by itself: the progress files
// in its state directory, and the directory when it is left empty. It says
// what it deletes first. Reports and answers files the person saved are
// theirs, and are left alone.
func runForget(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	flags := newFlags("forget", stderr)
	if err := parse(flags, args, stderr); err != nil {
		return err
	}
	if flags.NArg() > 0 {
		return usagef("forget takes no arguments")
	}
	dir, err := quiz.StateDir()
	if err != nil {
		return err
	}
	files, err := quiz.StateFiles(dir)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		printf(stdout, "amends has nothing saved in %s.\n", dir)
	} else {
		printf(stdout, "Deleting what amends saved in %s:\n", dir)
		for _, f := range files {
			printf(stdout, "  %s\n", describe(f))
		}
	}
	failed := 0
	for _, f := range files {
		if held, pid := quiz.Held(quiz.ProgressOf(f)); held {
			// Deleting under a running quiz would only make it write again.
			printf(stderr, "amends: %s: left alone: a quiz of this set is running (process %d); stop it, then forget again\n", f, pid)
			failed++
			continue
		}
		if err := quiz.RemoveProgress(f); err != nil {
			printf(stderr, "amends: %s: cannot delete: %v\n", f, file.Cause(err))
			failed++
		}
	}
	// The directory goes too when nothing else is in it.
	if err := os.Remove(dir); err != nil && !errors.Is(err, fs.ErrNotExist) && len(files) > 0 {
		if entries, _ := os.ReadDir(dir); len(entries) > 0 {
			printf(stdout, "Other files in %s were left alone.\n", dir)
		}
	}
	if failed > 0 {
		return exitError{code: exitFail}
	}
	if len(files) > 0 {
		printf(stdout, "Done.\n")
	}
	printf(stdout, "Reports and answers files you saved yourself are yours: amends does not track them; delete them like any other file.\n")
	return nil
}

// describe names a state file and what it holds, in a few words.
func describe(path string) string {
	link := ""
	if target, err := os.Readlink(path); err == nil {
		link = ", a link to " + target + ", which goes too"
	}
	switch {
	case strings.HasSuffix(path, ".lock"):
		return path + " (a lock left by a quiz that stopped)"
	case strings.Contains(filepath.Base(path), ".damaged"):
		return path + " (progress set aside as damaged" + link + ")"
	}
	p, err := quiz.LoadProgress(path)
	if err != nil && link != "" {
		return path + " (" + strings.TrimPrefix(link, ", ") + ")"
	} else if err != nil {
		return path
	}
	return fmt.Sprintf("%s (progress of %q: %s%s)", path, p.Set, text.Plural(len(p.Values), "answer"), link)
}
