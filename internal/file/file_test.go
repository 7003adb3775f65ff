package file

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.txt")
	if err := Write(path, []byte("one"), 0o600, false); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("stat: %v %v", err, fi)
	}
	err := Write(path, []byte("two"), 0o600, false)
	if !errors.Is(err, ErrExists) || err.Error() != path+": file exists; choose another name, or pass -force to replace it" {
		t.Errorf("no overwrite: %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "one" {
		t.Errorf("overwritten without being asked: %q", b)
	}
	if err := Write(path, []byte("two"), 0o644, true); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "two" {
		t.Errorf("not replaced: %q", b)
	}
	if err := Write(dir, nil, 0o600, true); err == nil || !strings.Contains(err.Error(), "is a folder") {
		t.Errorf("folder: %v", err)
	}
	missing := filepath.Join(dir, "nope", "x")
	if err := Write(missing, nil, 0o600, true); err == nil || err.Error() != missing+": cannot write: the folder "+filepath.Dir(missing)+" does not exist" {
		t.Errorf("missing folder: %v", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
}

func TestAtomicNoOverwriteRace(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p")
	os.WriteFile(path, []byte("first"), 0o600)
	if err := Atomic(path, []byte("second"), 0o600, false, false); !errors.Is(err, ErrExists) {
		t.Errorf("Atomic over an existing file without overwrite: %v", err)
	}
}

func TestCause(t *testing.T) {
	_, err := os.Open(filepath.Join(t.TempDir(), "none"))
	if got := Cause(err).Error(); got != "no such file or directory" {
		t.Errorf("Cause = %q", got)
	}
}
