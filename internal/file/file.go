// Package file writes files the way amends promises to: whole or not at
// all, readable only by their owner unless said otherwise, and never over
// an existing file without being asked to.
package file

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// ErrExists is returned by Write when the file is there already and
// overwriting was not asked for.
var ErrExists = errors.New("file exists")

// Write writes data to path so that path holds either its old content
// or all of data, never a part: it writes a temporary file beside path with
// mode perm, syncs it and renames it over path. Unless overwrite is set, an
// existing path is left alone and the error wraps ErrExists. The error
// names path and says what went wrong in one line.
func Write(path string, data []byte, perm fs.FileMode, overwrite bool) error {
	var err error
	if fi, statErr := os.Stat(path); statErr == nil && fi.IsDir() {
		return fmt.Errorf("%s: is a folder; give a file name, such as %s", path, filepath.Join(path, "report.pdf"))
	}
	if dir := filepath.Dir(path); dir != "." {
		if _, statErr := os.Stat(dir); errors.Is(statErr, fs.ErrNotExist) {
			return fmt.Errorf("%s: cannot write: the folder %s does not exist", path, dir)
		}
	}
	if _, statErr := os.Lstat(path); statErr == nil && !overwrite {
		err = ErrExists
	} else {
		err = Atomic(path, data, perm, overwrite, true)
	}
	if errors.Is(err, ErrExists) {
		return fmt.Errorf("%s: %w; choose another name, or pass -force to replace it", path, ErrExists)
	}
	if err != nil {
		return fmt.Errorf("%s: cannot write: %v", path, err)
	}
	return nil
}

// Atomic writes data to a temporary file beside path and renames it
// into place; with sync, it is on disk first. Without overwrite, a path
// that appears meanwhile is left alone and ErrExists returned. Errors are
// bare causes, for the caller to name the path.
func Atomic(path string, data []byte, perm fs.FileMode, overwrite, sync bool) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return Cause(err)
	}
	name := tmp.Name()
	ok := false
	defer func() {
		if !ok {
			tmp.Close()
			os.Remove(name)
		}
	}()
	if err := tmp.Chmod(perm); err != nil {
		return Cause(err)
	}
	if _, err := tmp.Write(data); err != nil {
		return Cause(err)
	}
	if sync {
		if err := tmp.Sync(); err != nil {
			return Cause(err)
		}
	}
	if err := tmp.Close(); err != nil {
		return Cause(err)
	}
	if !overwrite {
		// Link fails if path appeared meanwhile, where rename would replace it.
		if err := os.Link(name, path); err == nil {
			os.Remove(name)
			ok = true
			return nil
		} else if errors.Is(err, fs.ErrExist) {
			return ErrExists
		}
	}
	if err := os.Rename(name, path); err != nil {
		return Cause(err)
	}
	ok = true
	return nil
}

// Cause returns the cause of a file error without the operation and path
// it names ("permission denied" for "open x: permission denied"), for a
// message that names the path once, in its own words.
func Cause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
