//go:build unix

package quiz

import (
	"os"
	"os/signal"
	"syscall"
)

// watchResize makes the prompt on screen draw itself again, wrapped to
// the new width, whenever the terminal changes size.
func watchResize(k *Keys) {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, syscall.SIGWINCH)
	go func() {
		for range ch {
			k.Redraw()
		}
	}()
}
