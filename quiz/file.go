package quiz

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// ErrExists is returned by WriteFile when the file is there already and
// overwriting was not asked for.
var ErrExists = errors.New("file exists")

// WriteFile writes data to path so that path holds either its old content
// or all of data, never a part: it writes a temporary file beside path with
// mode perm, syncs it and renames it over path. Unless overwrite is set, an
// existing path is left alone and the error wraps ErrExists. The error
// names path and says what went wrong in one line.
func WriteFile(path string, data []byte, perm fs.FileMode, overwrite bool) error {
	if !overwrite {
		if _, err := os.Lstat(path); err == nil {
			return fmt.Errorf("%s: %w; choose another name, or pass -force to replace it", path, ErrExists)
		}
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("%s: cannot write: %v", path, unwrapPath(err))
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
		return fmt.Errorf("%s: cannot write: %v", path, unwrapPath(err))
	}
	if _, err := tmp.Write(data); err != nil {
		return fmt.Errorf("%s: cannot write: %v", path, unwrapPath(err))
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("%s: cannot write: %v", path, unwrapPath(err))
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("%s: cannot write: %v", path, unwrapPath(err))
	}
	if !overwrite {
		// Link fails if path appeared meanwhile, where rename would replace it.
		if err := os.Link(name, path); err == nil {
			os.Remove(name)
			ok = true
			return nil
		} else if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s: %w; choose another name, or pass -force to replace it", path, ErrExists)
		}
	}
	if err := os.Rename(name, path); err != nil {
		return fmt.Errorf("%s: cannot write: %v", path, unwrapPath(err))
	}
	ok = true
	return nil
}
