package main

import (
	"encoding/json"
	"fmt"
	"io"

	"amends/report"
	"amends/score"
)

func runScore(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("score", stderr)
	answersPath := fs.String("answers", "", "the answers `file` to score (written by amends take)")
	setPath := fs.String("set", "", "the question set `file` the answers belong to (default: the built-in set)")
	asJSON := fs.Bool("json", false, "print the result as JSON, for scripts")
	lang := langFlag(fs)
	if err := parse(fs, args, stderr); err != nil {
		return err
	}
	if err := checkLang("score", *lang, *setPath); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("score takes no arguments besides its flags; answers come from a file, never the command line")
	}
	if *answersPath == "" {
		return usagef("score needs -answers FILE")
	}
	r, err := scoreFile(*setPath, *lang, *answersPath, "result", stderr)
	if err != nil {
		return err
	}
	if *asJSON {
		b, err := json.MarshalIndent(r, "", "  ")
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(stdout, "%s\n", b)
		return err
	}
	return report.Text(stdout, r)
}

// scoreFile loads the set at setPath ("" for the built-in one: in
// language lang, else the one the answers were given to) and the answers
// at answersPath, and scores them. When the answers were given to an
// earlier text of the set, it says on stderr that the result (what) may
// differ from before.
func scoreFile(setPath, lang, answersPath, what string, stderr io.Writer) (*score.Result, error) {
	if setPath == "" {
		lang = chooseBuiltin(lang, answersLanguage(answersPath)).lang
	}
	s, err := loadSet(setPath, lang)
	if err != nil {
		return nil, err
	}
	a, err := score.ReadAnswersFile(answersPath, s)
	if err != nil {
		return nil, err
	}
	switch {
	case a.Carried != "":
		printf(stderr, "amends: note: %s was answered with version %s of set %q; every question it answers asks the same in %s, which scores it, so the %s may differ from before\n", answersPath, a.Carried, s.ID, s.Version, what)
	case a.Changed(s):
		printf(stderr, "amends: note: %s was answered with an earlier text of set %q %s; the %s may differ from before\n", answersPath, s.ID, s.Version, what)
	}
	return score.Score(s, a), nil
}
