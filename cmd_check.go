package main

import (
	"fmt"
	"io"

	"amends/internal/text"
	"amends/questions"
)

// loadSet loads the set at path, or the built-in set when path is "".
func loadSet(path string) (*questions.Set, error) {
	if path == "" {
		return questions.Builtin()
	}
	return questions.LoadFile(path)
}

func runCheck(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("check", stderr)
	if err := parse(fs, args, stderr); err != nil {
		return err
	}
	paths := fs.Args()
	if len(paths) == 0 {
		paths = []string{""}
	}
	failed := 0
	for _, p := range paths {
		var c *questions.Checked
		name := p
		if p == "" {
			// Check the built-in set from its source, as an author's set
			// is checked; Builtin itself trusts its snapshot.
			c = questions.Check(questions.BuiltinName, questions.BuiltinSource())
			name = "the built-in set"
		} else {
			c = questions.CheckFile(p)
		}
		for _, pr := range c.Problems {
			printf(stderr, "amends: %s\n", pr)
		}
		if c.Errors() > 0 {
			failed++
			continue
		}
		fine := "is fine"
		if n := c.Warnings(); n > 0 {
			fine = "works, with " + text.Plural(n, "warning")
		}
		s := c.Set
		printf(stdout, "%s: %q %s %s: %s\n", name, s.ID, s.Version, fine, summary(s))
	}
	if failed > 0 {
		return exitError{code: exitFail}
	}
	return nil
}

// summary counts what a set holds, for a one-line report.
func summary(s *questions.Set) string {
	return fmt.Sprintf("%s, %s, %s, %s, %s",
		text.Plural(len(s.Sections), "section"), text.Plural(len(s.Questions()), "question"),
		text.Plural(len(s.Dimensions), "dimension"), text.Plural(len(s.Verdicts), "verdict"), text.Plural(len(s.Steps), "step"))
}
