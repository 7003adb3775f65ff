package quiz

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"amends/internal/text"
)

// PickUp looks for answers kept in the progress file at path from an
// earlier run of the same set and, when resume asks for it or when the
// person agrees, carries on from them. In private mode it only says that
// they are there.
func (s *Session) PickUp(path string, resume, private bool) error {
	if path == "" {
		return nil
	}
	if private {
		if _, err := os.Stat(path); err == nil {
			s.Asker.Say(fmt.Sprintf("Answers from an earlier run are still kept in %s; private mode leaves them alone (\"amends forget\" deletes them).", path))
		}
		return nil
	}
	p, err := LoadProgress(path)
	if errors.Is(err, fs.ErrNotExist) {
		if resume {
			s.Asker.Say("There is nothing to carry on from, so this starts at the beginning.")
		}
		return nil
	}
	if err != nil {
		s.Asker.Say("Earlier progress could not be read: " + err.Error())
		return nil
	}
	if p.Set != s.Set.ID {
		return nil
	}
	r := p.Restore(s.Set)
	n := len(r.Answers.Values)
	if !resume {
		if n == 0 {
			return nil
		}
		i, err := s.Asker.Choose(fmt.Sprintf("You stopped part-way through last time; %s %s kept.", text.Plural(n, "answer"), text.Agree(n, "is", "are")),
			[]string{"Carry on where I left off", "Start again (the kept answers are deleted)"}, 0)
		if err != nil {
			return err
		}
		if i == 1 {
			if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return err
			}
			return nil
		}
	}
	s.Answers, s.Resumed = r.Answers, true
	if !r.Changed {
		// Where the person was, which may be before the first unanswered
		// question if they had gone back; after a change, only the
		// answers that no longer fit are asked.
		s.Position = p.Position
	}
	if r.Changed {
		msg := "The question set has changed since you started"
		if p.Version != s.Set.Version && p.Version != "" {
			msg += fmt.Sprintf(" (it was version %s, it is now %s)", p.Version, s.Set.Version)
		}
		msg += "."
		if len(r.Dropped) == 0 {
			msg += fmt.Sprintf(" All %s still fit, so nothing needs asking again.", text.Plural(n, "answer"))
		} else {
			d := len(r.Dropped)
			msg += fmt.Sprintf(" %s no longer %s and will be asked again where the question is still there; the other %s %s kept.",
				text.Capital(text.Plural(d, "answer")), text.Agree(d, "fits", "fit"), text.Plural(n, "answer"), text.Agree(n, "is", "are"))
		}
		s.Notice = msg
	}
	return nil
}

// ResumeSource finds the set to resume in the state directory dir when no
// set is named: "" for the built-in set if it has progress, else the file
// of the only other set that does.
func ResumeSource(dir string) string {
	files, _ := StateFiles(dir)
	found := ""
	for _, f := range files {
		p, err := LoadProgress(f)
		if err != nil {
			continue
		}
		if p.Source == "" {
			return ""
		}
		if found != "" && found != p.Source {
			return ""
		}
		found = p.Source
	}
	return found
}
