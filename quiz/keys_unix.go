//go:build unix

package quiz

import (
	"errors"
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
