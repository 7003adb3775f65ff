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
	w := s.words()
	if a, ok := s.Asker.(Worded); ok {
		a.SetWords(w)
	}
	if private {
		if _, err := os.Stat(path); err == nil {
			s.Asker.Say(w.T("resume_private_kept", "path", path))
		}
		return nil
	}
	p, err := LoadProgress(path)
	if errors.Is(err, fs.ErrNotExist) {
		if resume {
			s.Asker.Say(w.T("resume_nothing"))
		}
		return nil
	}
	var bad *ProgressError
	switch {
	case errors.As(err, &bad):
		return s.setAside(path, bad.Reason)
	case err != nil:
		s.Asker.Say(w.T("resume_unreadable", "error", err.Error()))
		return nil
	case p.Set != s.Set.ID:
		return s.setAside(path, fmt.Sprintf("it holds progress of set %q", p.Set))
	}
	r := p.Restore(s.Set)
	n := len(r.Answers.Values)
	if !resume {
		if n == 0 {
			return nil
		}
		i, err := s.Asker.Choose(w.T("resume_ask", "n", n), []string{w.T("resume_carry_on"), w.T("resume_start_again")}, 0)
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
		s.Position, s.Review = p.Position, p.Review
	}
	if r.Changed {
		msg := w.T("resume_changed")
		if p.Version != s.Set.Version && p.Version != "" {
			msg = w.T("resume_changed_version", "old", p.Version, "new", s.Set.Version)
		}
		if len(r.Dropped) == 0 {
			msg += " " + w.T("resume_all_fit", "n", n)
		} else {
			msg += " " + text.Capital(w.T("resume_dropped", "n", len(r.Dropped))) + " " + w.T("resume_others_kept", "n", n)
		}
		s.Notice = msg
	}
	return nil
}

// setAside moves a progress file that cannot be used out of the way,
// rather than let the next save overwrite what may be recovered by hand,
// and says where it went. If it cannot be moved, the quiz does not start.
func (s *Session) setAside(path, reason string) error {
	aside, err := SetAside(path)
	if err != nil {
		return fmt.Errorf("%s: %s, and it cannot be set aside (%v); move it away or delete it (\"amends forget\"), then start again", path, reason, err)
	}
	s.Asker.Say(s.words().T("resume_set_aside", "path", path, "error", reason, "aside", aside))
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
