package quiz

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"

	"amends/internal/file"
	"amends/internal/text"
	"amends/questions"
	"amends/score"
)

// StateDir returns the directory amends keeps progress in:
// $XDG_STATE_HOME/amends, else ~/.local/state/amends. It does not create it.
func StateDir() (string, error) {
	if d := os.Getenv("XDG_STATE_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "amends"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil || home == "" {
		return "", errors.New("cannot find your home directory to keep progress in; set XDG_STATE_HOME, or pass -private to keep nothing")
	}
	return filepath.Join(home, ".local", "state", "amends"), nil
}

// ProgressPath returns the progress file of the set with the given id in dir.
func ProgressPath(dir, setID string) string {
	return filepath.Join(dir, "progress-"+setID+".toml")
}

// Progress is a quiz under way, as kept in a progress file.
type Progress struct {
	Set      string            `toml:"set"`
	Version  string            `toml:"version"`
	Hash     string            `toml:"hash"`
	Source   string            `toml:"source"`   // the set file's absolute path; "" for the built-in set
	Language string            `toml:"language"` // the set's language: which built-in set, for one
	Position string            `toml:"position"` // the id of the question to ask next; "" at the end
	Review   string            `toml:"review"`   // the review on screen: the id of the last section it goes over
	Words    questions.Picked  `toml:"words"`
	Partner  questions.Partner `toml:"partner"` // the old form of Words
	Values   map[string]any    `toml:"answers"`
}

// maxProgressSize bounds a progress file read; a real one is a few kilobytes.
const maxProgressSize = 1 << 20

// encode writes p as TOML, answers in the set's order when s is given.
func (p *Progress) encode(s *questions.Set) []byte {
	var b bytes.Buffer
	b.WriteString("# Progress of an amends quiz, kept so that nothing is lost if it stops.\n")
	b.WriteString("# Private: delete it with \"amends forget\".\n")
	fmt.Fprintf(&b, "set = %s\nversion = %s\nhash = %s\nsource = %s\n",
		score.Quote(p.Set), score.Quote(p.Version), score.Quote(p.Hash), score.Quote(p.Source))
	if p.Language != "" {
		fmt.Fprintf(&b, "language = %s\n", score.Quote(p.Language))
	}
	fmt.Fprintf(&b, "position = %s\n", score.Quote(p.Position))
	if p.Review != "" {
		fmt.Fprintf(&b, "review = %s\n", score.Quote(p.Review))
	}
	score.WriteTables(&b, s, p.Words, p.Values, false)
	return b.Bytes()
}

// SaveProgress writes p to path atomically with mode 0600, creating the
// directory (mode 0700) when needed. It does not sync to disk: a killed
// process or a closed terminal loses nothing, and the budget for saving
// after every answer is a millisecond.
func SaveProgress(path string, p *Progress, s *questions.Set) error {
	if target, ok := linkTarget(path); ok {
		// A progress file that is a link to another place is kept there.
		path = target
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("%s: cannot keep progress: %v", dir, file.Cause(err))
	}
	if err := file.Atomic(path, p.encode(s), 0o600, true, false); err != nil {
		return fmt.Errorf("%s: cannot keep progress: %v", path, err)
	}
	return nil
}

// ProgressError is what is wrong with a progress file that is there but
// cannot be used: unreadable, damaged, too large, or not one at all.
type ProgressError struct {
	Path   string
	Reason string // "damaged (...)", in a few words
}

func (e *ProgressError) Error() string { return e.Path + ": " + e.Reason }

// LoadProgress reads the progress file at path, following a link. A
// missing file gives an error that wraps fs.ErrNotExist; one that cannot
// be used, a *ProgressError.
func LoadProgress(path string) (*Progress, error) {
	bad := func(format string, a ...any) error {
		return &ProgressError{Path: path, Reason: fmt.Sprintf(format, a...)}
	}
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		return nil, bad("cannot read: %v", file.Cause(err))
	}
	defer f.Close()
	var buf bytes.Buffer
	if _, err := buf.ReadFrom(io.LimitReader(f, maxProgressSize+1)); err != nil {
		return nil, bad("cannot read: %v", file.Cause(err))
	}
	if buf.Len() > maxProgressSize {
		return nil, bad("too large to be a progress file")
	}
	var p Progress
	if _, err := toml.Decode(buf.String(), &p); err != nil {
		return nil, bad("damaged (%s)", text.OneLine(strings.TrimPrefix(err.Error(), "toml: ")))
	}
	if p.Set == "" {
		return nil, bad("not a progress file (no set id)")
	}
	if p.Values == nil {
		p.Values = map[string]any{}
	}
	return &p, nil
}

// Restored is what a progress file gives back for a set.
type Restored struct {
	Answers *score.Answers
	// Changed says the set is not the one the answers were given to.
	Changed bool
	// Dropped are the ids of answers that no longer fit the set (their
	// question is gone, or the answer is no longer one it takes); they
	// will be asked again where their questions still exist.
	Dropped []string
}

// Restore checks the kept answers against s and returns those that still fit.
func (p *Progress) Restore(s *questions.Set) *Restored {
	a := score.NewAnswers(s)
	a.Words = score.PickedWords(s, p.Words, p.Partner)
	r := &Restored{Answers: a, Changed: !s.SameText(p.Hash) || p.Version != s.Version}
	for _, id := range slices.Sorted(maps.Keys(p.Values)) {
		q := s.Question(id)
		if q == nil {
			r.Dropped = append(r.Dropped, id)
			continue
		}
		v, err := s.Normalize(q, p.Values[id])
		if err != nil {
			r.Dropped = append(r.Dropped, id)
			continue
		}
		a.Values[id] = v
	}
	return r
}

// SetAside renames the progress file at path, which cannot be used, to a
// name of its own beside it (progress-ID.damaged.toml, or -2 and so on),
// so that nothing in it is lost and the next save does not overwrite it.
// It returns the new name; an error is its bare cause.
func SetAside(path string) (string, error) {
	base := strings.TrimSuffix(path, ".toml") + ".damaged"
	aside := base + ".toml"
	for i := 2; ; i++ {
		if _, err := os.Lstat(aside); errors.Is(err, fs.ErrNotExist) {
			break
		}
		if i > 1000 {
			return "", errors.New("too many set aside already")
		}
		aside = fmt.Sprintf("%s-%d.toml", base, i)
	}
	// Link, then remove: a name taken meanwhile is never replaced.
	if err := os.Link(path, aside); err != nil {
		if err := os.Rename(path, aside); err != nil {
			return "", file.Cause(err)
		}
		return aside, nil
	}
	if err := os.Remove(path); err != nil {
		os.Remove(aside)
		return "", file.Cause(err)
	}
	return aside, nil
}

// linkTarget returns where the link at path points, when it is a link to
// a file that exists.
func linkTarget(path string) (string, bool) {
	fi, err := os.Lstat(path)
	if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		return "", false
	}
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		return "", false
	}
	if fi, err := os.Stat(target); err != nil || !fi.Mode().IsRegular() {
		return "", false
	}
	return target, true
}

// RemoveProgress deletes the progress file at path and, when it is a link,
// the file it points to, which is where the progress was kept.
func RemoveProgress(path string) error {
	if target, ok := linkTarget(path); ok {
		if err := os.Remove(target); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}

// StateFiles lists the files amends keeps in dir: progress files (links
// to one among them), progress set aside as damaged, lock files, and any
// temporary files a stopped save left behind.
func StateFiles(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		return nil, fmt.Errorf("%s: cannot read: %v", dir, file.Cause(err))
	}
	var out []string
	for _, e := range entries {
		name := e.Name()
		ours := strings.HasPrefix(name, "progress-") && (strings.HasSuffix(name, ".toml") || strings.HasSuffix(name, ".lock")) ||
			strings.HasPrefix(name, ".progress-") && strings.HasSuffix(name, ".tmp")
		if ours && (e.Type().IsRegular() || e.Type()&fs.ModeSymlink != 0) {
			out = append(out, filepath.Join(dir, name))
		}
	}
	return out, nil
}
