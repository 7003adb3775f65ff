package questions

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// corpusDir is the toml-test corpus, kept in the repository (MIT, with
// its LICENSE) so that every clone tests it.
var corpusDir = filepath.Join("testdata", "toml-test")

// corpusFiles lists the corpus; its absence is a failure, never a skip.
func corpusFiles(t testing.TB) []string {
	t.Helper()
	if _, err := os.Stat(corpusDir); err != nil {
		t.Fatalf("the toml-test corpus is missing from %s: %v", corpusDir, err)
	}
	var files []string
	err := filepath.WalkDir(corpusDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(path, ".toml") {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestCorpus loads every file of the toml-test corpus: valid TOML that is
// not a question set, and invalid TOML. Each must give an *Error whose
// every line names the file, and never a panic.
func TestCorpus(t *testing.T) {
	files := corpusFiles(t)
	if len(files) < 700 {
		t.Fatalf("found %d corpus files, want the 777 of toml-test", len(files))
	}
	valid, invalid := 0, 0
	var accepted []string // invalid files the toml package takes for valid
	for _, path := range files {
		s, err := LoadFile(path)
		if err == nil {
			t.Errorf("%s: loaded as set %q", path, s.ID)
			continue
		}
		var e *Error
		if !errors.As(err, &e) || len(e.Problems) == 0 {
			t.Errorf("%s: error %T %v, want *Error with problems", path, err, err)
			continue
		}
		for _, line := range strings.Split(err.Error(), "\n") {
			if !strings.HasPrefix(line, path+":") {
				t.Errorf("%s: line does not name the file: %q", path, line)
			}
			if strings.ContainsFunc(line, func(r rune) bool { return r < ' ' || r == 0x7f }) {
				t.Errorf("%s: control character in %q", path, line)
			}
		}
		if strings.Contains(path, string(filepath.Separator)+"invalid"+string(filepath.Separator)) {
			invalid++
			// An invalid file is refused for its TOML (or its encoding),
			// in one message, unless the toml package takes it for valid.
			src, _ := os.ReadFile(path)
			var m map[string]any
			if _, terr := toml.Decode(string(src), &m); terr == nil {
				accepted = append(accepted, filepath.Base(path))
			} else if len(e.Problems) != 1 || !strings.Contains(err.Error(), ": not valid TOML: ") && !strings.Contains(err.Error(), "UTF-8") {
				t.Errorf("%s: want one message saying it is not valid TOML, got:\n%v", path, err)
			}
		} else {
			valid++
		}
	}
	if len(accepted) > 0 {
		t.Logf("invalid TOML that toml v1.6.0 accepts (refused here as a set all the same): %s", strings.Join(accepted, ", "))
	}
	t.Logf("%d valid and %d invalid TOML files, each refused with a message naming it", valid, invalid)
}
