package quiz

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"amends/questions"
)

func TestProgressRoundTrip(t *testing.T) {
	s := takeSet(t)
	path := filepath.Join(t.TempDir(), "deep", "er", "progress-small.toml")
	p := &Progress{Set: s.ID, Version: s.Version, Hash: s.Hash, Source: "/sets/my \"set\".toml", Position: "blame",
		Words:  questions.Picked{"he": "she", "him": "her", "his": "her", "partner": "Zoë"},
		Values: map[string]any{"afraid": "no", "hurt": []string{"trust", "words"}, "blame": 2, "note": "line one\nline \"two\" \\ end"}}
	if err := SaveProgress(path, p, s); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("stat: %v %v", err, fi.Mode())
	}
	if di, _ := os.Stat(filepath.Dir(path)); di.Mode().Perm() != 0o700 {
		t.Errorf("directory mode %v", di.Mode())
	}
	got, err := LoadProgress(path)
	if err != nil {
		t.Fatal(err)
	}
	r := got.Restore(s)
	if r.Changed || len(r.Dropped) > 0 {
		t.Errorf("restore: %+v", r)
	}
	if !reflect.DeepEqual(r.Answers.Values, p.Values) || !reflect.DeepEqual(r.Answers.Words, p.Words) || got.Source != p.Source || got.Position != "blame" {
		t.Errorf("got %+v\nwant %+v", got, p)
	}
	// The file reads on its own, answers in asking order.
	data, _ := os.ReadFile(path)
	if i, j := strings.Index(string(data), "afraid ="), strings.Index(string(data), "blame ="); i < 0 || j < i {
		t.Errorf("order:\n%s", data)
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("temporary files left: %v", entries)
	}
}

func TestLoadProgressProblems(t *testing.T) {
	dir := t.TempDir()
	if _, err := LoadProgress(filepath.Join(dir, "none.toml")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing: %v", err)
	}
	bad := filepath.Join(dir, "bad.toml")
	os.WriteFile(bad, []byte("set = \n"), 0o600)
	var pe *ProgressError
	if _, err := LoadProgress(bad); !errors.As(err, &pe) || !strings.HasPrefix(pe.Reason, "damaged (") || pe.Path != bad {
		t.Errorf("damaged: %v", err)
	}
	noset := filepath.Join(dir, "noset.toml")
	os.WriteFile(noset, []byte("[answers]\nx = 1\n"), 0o600)
	if _, err := LoadProgress(noset); err == nil || !strings.Contains(err.Error(), "not a progress file") {
		t.Errorf("no set: %v", err)
	}
}

func TestStateDir(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", "/x/state")
	if d, _ := StateDir(); d != "/x/state/amends" {
		t.Errorf("XDG: %s", d)
	}
	t.Setenv("XDG_STATE_HOME", "relative/ignored")
	t.Setenv("HOME", "/home/h")
	if d, _ := StateDir(); d != "/home/h/.local/state/amends" {
		t.Errorf("relative XDG_STATE_HOME should be ignored: %s", d)
	}
}

func TestStateFiles(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"progress-a.toml", ".progress-a.toml.123.tmp", "notes.txt", "progress-b.toml"} {
		os.WriteFile(filepath.Join(dir, n), nil, 0o600)
	}
	got, err := StateFiles(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{filepath.Join(dir, ".progress-a.toml.123.tmp"), filepath.Join(dir, "progress-a.toml"), filepath.Join(dir, "progress-b.toml")}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v", got)
	}
	if got, err := StateFiles(filepath.Join(dir, "none")); err != nil || got != nil {
		t.Errorf("missing dir: %v %v", got, err)
	}
}
