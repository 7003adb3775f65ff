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
	score.WriteTables(&b, s, p.Words, p.Values, false)
	return b.Bytes()
}

// SaveProgress writes p to path atomically with mode 0600, creating the
// directory (mode 0700) when needed. It does not sync to disk: a killed
// process or a closed terminal loses nothing, and the budget for saving
// after every answer is a millisecond.
func SaveProgress(path string, p *Progress, s *questions.Set) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("%s: cannot keep progress: %v", dir, file.Cause(err))
	}
	if err := file.Atomic(path, p.encode(s), 0o600, true, false); err != nil {
		return fmt.Errorf("%s: cannot keep progress: %v", path, err)
	}
	return nil
}

// LoadProgress reads the progress file at path. A missing file gives an
// error that wraps fs.ErrNotExist.
func LoadProgress(path string) (*Progress, error) {
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		return nil, fmt.Errorf("%s: cannot read: %v", path, file.Cause(err))
	}
	defer f.Close()
	var buf bytes.Buffer
	if _, err := buf.ReadFrom(io.LimitReader(f, maxProgressSize+1)); err != nil {
		return nil, fmt.Errorf("%s: cannot read: %v", path, file.Cause(err))
	}
	if buf.Len() > maxProgressSize {
		return nil, fmt.Errorf("%s: too large to be a progress file; delete it with \"amends forget\"", path)
	}
	var p Progress
	if _, err := toml.Decode(buf.String(), &p); err != nil {
		return nil, fmt.Errorf("%s: damaged (%s); delete it with \"amends forget\"", path, text.OneLine(strings.TrimPrefix(err.Error(), "toml: ")))
	}
	if p.Set == "" {
		return nil, fmt.Errorf("%s: not a progress file (no set id); delete it with \"amends forget\"", path)
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

// StateFiles lists the files amends keeps in dir: progress files and any
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
		if e.Type().IsRegular() && (strings.HasPrefix(name, "progress-") && strings.HasSuffix(name, ".toml") ||
			strings.HasPrefix(name, ".progress-") && strings.HasSuffix(name, ".tmp")) {
			out = append(out, filepath.Join(dir, name))
		}
	}
	return out, nil
}
