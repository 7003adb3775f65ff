package main

import (
	"fmt"
	"io"
	"strings"

	"amends/internal/text"
	"amends/questions"
	"amends/score"
)

func runCheck(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("check", stderr)
	lang := langFlag(fs)
	font := fontFlag(fs)
	reach := fs.Bool("reach", false, "also list every section, question, flag, verdict, step, resource and honest paragraph with a way to reach it, or why none can")
	cases := fs.String("cases", "", "write into `DIR` a case for each verdict, with answers that reach it, to start the set's cases")
	if err := parse(fs, args, stderr); err != nil {
		return err
	}
	if err := checkLang("check", *lang, ""); err != nil {
		return err
	}
	if _, _, err := readFont(*font); err != nil {
		return err
	}
	paths := fs.Args()
	if len(paths) == 0 {
		paths = []string{""}
	}
	if *cases != "" && len(paths) > 1 {
		return usagef("check -cases writes the cases of one set; name one")
	}
	failed := 0
	for _, p := range paths {
		var c *questions.Checked
		name := p
		if p == "" {
			// Check the built-in set from its source, as an author's set
			// is checked; Builtin itself trusts its snapshot.
			bname, src := questions.BuiltinSourceFor(chooseBuiltin(*lang, "").lang)
			c = questions.Check(bname, src)
			name = "the built-in set"
			if bname != questions.BuiltinName {
				name += " " + bname
			}
		} else {
			c = questions.CheckFile(p)
		}
		c.Logic(score.Outcome)
		checkGlyphs(c, *font)
		for _, pr := range c.Problems {
			printf(stderr, "amends: %s\n", pr)
		}
		if *reach {
			printReach(stdout, c)
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
		if *cases != "" {
			if err := writeCases(stdout, *cases, p, c); err != nil {
				return err
			}
		}
	}
	if failed > 0 {
		return exitError{code: exitFail}
	}
	return nil
}

// printReach lists what of a set can be reached, one line each: how, or
// why not.
func printReach(w io.Writer, c *questions.Checked) {
	for _, r := range c.Reach() {
		var how string
		switch {
		case r.Reached:
			how = "reached with " + r.Way
			if r.Way == "always" || strings.HasPrefix(r.Way, "when ") || strings.HasPrefix(r.Way, "whenever ") {
				how = "reached " + r.Way
			}
		case r.Never != "":
			how = "never: " + r.Never
		default:
			how = "not worked out"
		}
		fmt.Fprintf(w, "%s:%d: %s %q %s\n", c.Set.Name, r.Line, r.What, r.ID, how)
	}
}

// summary counts what a set holds, for a one-line report.
func summary(s *questions.Set) string {
	return fmt.Sprintf("%s, %s, %s, %s, %s",
		text.Plural(len(s.Sections), "section"), text.Plural(len(s.Questions()), "question"),
		text.Plural(len(s.Dimensions), "dimension"), text.Plural(len(s.Verdicts), "verdict"), text.Plural(len(s.Steps), "step"))
}
