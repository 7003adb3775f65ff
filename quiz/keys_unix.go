//go:build unix

package quiz

import (
	"errors"
	"os"
	"time"

	"github.com/AlecAivazis/survey/v2/terminal"
	"golang.org/x/sys/unix"
)

// pollFunc returns a function that waits up to d for input on in.
func pollFunc(in terminal.FileReader) func(time.Duration) bool {
	fd := int(in.Fd())
	return func(d time.Duration) bool {
		fds := []unix.PollFd{{Fd: int32(fd), Events: unix.POLLIN}}
		for {
			n, err := unix.Poll(fds, int(d/time.Millisecond))
			if errors.Is(err, unix.EINTR) {
				continue
			}
			return err == nil && n > 0
		}
	}
}

// wakeFunc returns a function that waits for input on in or a wake-up,
// and the function that wakes it: a pipe whose reading end is polled with
// the terminal. Both are nil when in cannot be polled.
func wakeFunc(in terminal.FileReader) (wait func() bool, wake func()) {
	if _, err := unix.FcntlInt(in.Fd(), unix.F_GETFD, 0); err != nil {
		return nil, nil // not a file that can be polled
	}
	r, w, err := os.Pipe()
	if err != nil {
		return nil, nil
	}
	fd, wfd := int32(in.Fd()), int32(r.Fd())
	wait = func() bool {
		for {
			fds := []unix.PollFd{{Fd: fd, Events: unix.POLLIN}, {Fd: wfd, Events: unix.POLLIN}}
			_, err := unix.Poll(fds, -1)
			if errors.Is(err, unix.EINTR) {
				continue
			}
			if err != nil || fds[0].Revents != 0 {
				return false // to the read, which says what happened
			}
			if fds[1].Revents&unix.POLLIN != 0 {
				var b [64]byte
				r.Read(b[:])
				return true
			}
			return false
		}
	}
	wake = func() { w.Write([]byte{1}) }
	return wait, wake
}
