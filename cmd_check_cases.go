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
	"amends/score"
)

// writeCases writes, for each verdict the logic check reached with
// answers, a case that reaches it into dir: the answers, as amends take
// keeps them, and an expectation of the verdict alone, to start a set's
// cases from. A case already there is left as it is.
func writeCases(w io.Writer, dir, set string, c *questions.Checked) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	s := c.Set
	wrote, kept := 0, 0
	for _, r := range c.Reach() {
		if r.What != "verdict" || !r.Reached || r.Answers == nil {
			continue
		}
		a := score.NewAnswers(s)
		a.Values = r.Answers
		var answers bytes.Buffer
		if err := a.Encode(&answers, s); err != nil {
			return err
		}
		expect := "# Answers amends check found that reach this verdict (" + r.Way + ").\n" +
			"# Say what else they must give (flags, steps, bands), then run: amends test\n" +
			"verdict = " + score.Quote(r.ID) + "\n"
		base := filepath.Join(dir, r.ID)
		if _, err := os.Stat(base + ".expect.toml"); err == nil {
			kept++
			continue
		} else if !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		if err := file.Write(base+".toml", answers.Bytes(), 0o644, false); err != nil {
			return err
		}
		if err := file.Write(base+".expect.toml", []byte(expect), 0o644, false); err != nil {
			return err
		}
		wrote++
	}
	printf(w, "Wrote %d new cases to %s", wrote, dir)
	if kept > 0 {
		printf(w, " (%d there already left as they were)", kept)
	}
	if set != "" {
		set = " " + set
	}
	printf(w, "; run: amends test -cases %s%s\n", dir, set)
	return nil
}
