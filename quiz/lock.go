package quiz

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"amends/internal/file"
)

// Lock makes one quiz at a time the owner of a set's progress file: a
// second "amends take" of the same set would otherwise overwrite the first
// one's answers with its own. It is a file beside the progress file
// (progress-ID.lock) that the operating system locks for as long as the
// quiz runs and unlocks when it ends however it ends, SIGKILL included; a
// lock file left behind is taken over by the next quiz. The file holds
// the process id, for the message the second quiz gives.
type Lock struct {
	f       *os.File
	path    string
	created []string // folders made for it, innermost first
}

// ErrLocked is wrapped by LockProgress's error when another quiz holds the lock.
var ErrLocked = errors.New("another quiz of this set is running")

// LockedError says which process holds the lock.
type LockedError struct {
	Path string
	PID  int // 0 when unknown
}

func (e *LockedError) Error() string {
	running := `another "amends take" of this set is running`
	if e.PID > 0 {
		running += fmt.Sprintf(" (process %d)", e.PID)
	}
	return running + "; finish it or stop it first, so that neither overwrites the other's answers"
}

func (e *LockedError) Unwrap() error { return ErrLocked }

// LockPath is the lock file of the progress file at path.
func LockPath(progress string) string {
	return strings.TrimSuffix(progress, ".toml") + ".lock"
}

// ProgressOf returns the progress file a file in the state folder belongs
// to: itself, or the progress file of its lock, of its copy set aside, or
// of a temporary file a stopped save left.
func ProgressOf(stateFile string) string {
	dir, name := filepath.Split(stateFile)
	name = strings.TrimPrefix(name, ".")
	if i := strings.IndexByte(name, '.'); i > 0 {
		name = name[:i]
	}
	return filepath.Join(dir, name+".toml")
}

// LockProgress takes the lock of the progress file at path, making its
// folder (mode 0700) when needed. It fails with a *LockedError when
// another quiz holds it. Where the file system cannot lock files, the quiz
// goes on unlocked.
func LockProgress(path string) (*Lock, error) {
	lockPath := LockPath(path)
	created, err := mkdirs(filepath.Dir(lockPath))
	if err != nil {
		return nil, fmt.Errorf("%s: cannot keep progress: %v", filepath.Dir(lockPath), file.Cause(err))
	}
	for range 100 {
		f, err := os.OpenFile(lockPath, os.O_RDWR|os.O_CREATE, 0o600)
		if err != nil {
			removeEmpty(created)
			return nil, fmt.Errorf("%s: cannot keep progress: %v", lockPath, file.Cause(err))
		}
		held, err := tryLock(f)
		if err != nil { // no locks here (some network file systems)
			return &Lock{f: f, path: lockPath, created: created}, nil
		}
		if !held {
			pid := readPID(f)
			f.Close()
			return nil, &LockedError{Path: lockPath, PID: pid}
		}
		// The quiz that held it may have removed the file as it ended,
		// after this one opened it: then lock the file now there.
		if fi, err := f.Stat(); err == nil {
			if now, err := os.Stat(lockPath); err == nil && os.SameFile(fi, now) {
				f.Truncate(0)
				f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
				return &Lock{f: f, path: lockPath, created: created}, nil
			}
		}
		f.Close()
	}
	return nil, fmt.Errorf("%s: cannot take the lock: it keeps changing", lockPath)
}

// Release removes the lock file, unlocks it, and removes the state folder
// if that leaves it empty, with any folder made for the lock: a quiz that
// ends leaves nothing behind but its progress, if it keeps that. A nil
// Lock does nothing.
func (l *Lock) Release() {
	if l == nil || l.f == nil {
		return
	}
	os.Remove(l.path) // before unlocking, so that no other quiz locks a file about to go
	l.f.Close()
	l.f = nil
	os.Remove(filepath.Dir(l.path)) // the state folder, only if empty
	removeEmpty(l.created)
}

// Held reports whether a quiz holds the lock of the progress file at
// path, and its process id when known.
func Held(progress string) (bool, int) {
	f, err := os.OpenFile(LockPath(progress), os.O_RDWR, 0)
	if err != nil {
		return false, 0
	}
	defer f.Close()
	free, err := tryLock(f)
	if err != nil || free {
		return false, 0 // unlocked again when f closes
	}
	return true, readPID(f)
}

func readPID(f *os.File) int {
	b := make([]byte, 32)
	n, _ := f.ReadAt(b, 0)
	pid, _ := strconv.Atoi(strings.TrimSpace(string(b[:n])))
	return pid
}

// mkdirs makes dir and its missing parents, mode 0700, and returns those
// it made, innermost first.
func mkdirs(dir string) ([]string, error) {
	var missing []string
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Lstat(d); err == nil || !errors.Is(err, fs.ErrNotExist) {
			break
		}
		missing = append(missing, d)
		if filepath.Dir(d) == d {
			break
		}
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	return missing, nil
}

// removeEmpty removes each folder of dirs that is empty, innermost first.
func removeEmpty(dirs []string) {
	for _, d := range dirs {
		if err := os.Remove(d); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return
		}
	}
}
