//go:build unix

package quiz

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// tryLock locks f for this process without waiting. It reports false
// when another process holds the lock, and an error when the file system
// cannot lock at all.
func tryLock(f *os.File) (bool, error) {
	err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB)
	switch {
	case err == nil:
		return true, nil
	case errors.Is(err, unix.EWOULDBLOCK):
		return false, nil
	}
	return false, err
}
