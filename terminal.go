package main

import (
	"fmt"
	"io"
	"os"
	"os/signal"
	"sync"
	"syscall"

	"golang.org/x/term"

	"amends/quiz"
)

// newAsker returns the terminal asker when stdin and stdout are both
// terminals (survey hangs or panics otherwise) and plain mode was not
// asked for, else the plain one. restore puts the terminal back as it
// was, for an exit in the middle of a prompt.
func newAsker(plain bool, stdin io.Reader, stdout, stderr io.Writer) (quiz.Asker, func()) {
	in, inOK := stdin.(*os.File)
	out, outOK := stdout.(*os.File)
	interactive := !plain && inOK && outOK && os.Getenv("TERM") != "dumb" &&
		term.IsTerminal(int(in.Fd())) && term.IsTerminal(int(out.Fd()))
	if !interactive {
		return quiz.NewPlain(stdin, stdout), func() {}
	}
	state, err := term.GetState(int(in.Fd()))
	restore := func() {
		if err == nil {
			term.Restore(int(in.Fd()), state)
		}
		fmt.Fprint(out, "\x1b[?25h") // survey may have hidden the cursor
	}
	return quiz.NewTerminal(in, out, stderr), restore
}

// handleSignals makes Ctrl-C and Ctrl-\ (outside survey's raw mode),
// SIGTERM, SIGHUP and SIGQUIT end the quiz cleanly: the terminal restored
// (cursor shown, its own mode back), the person told what is kept, exit
// 130; SIGQUIT no longer dumps goroutines over the screen. Progress is
// already on disk after every answer.
func handleSignals(sess *quiz.Session, restore func(), stderr io.Writer) (stop func()) {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGQUIT)
	done := make(chan struct{})
	var once sync.Once
	go func() {
		select {
		case <-sigs:
		case <-done:
			return
		}
		msg := sess.Stop()
		restore()
		printf(stderr, "\n%s\n", fit(sess, msg))
		os.Exit(exitInterrupt)
	}()
	return func() {
		once.Do(func() {
			signal.Stop(sigs)
			close(done)
		})
	}
}

// fit wraps msg to the screen when the quiz is on one, as everything else
// it says there is.
func fit(sess *quiz.Session, msg string) string {
	if t, ok := sess.Asker.(interface{ Fit(string) string }); ok {
		return t.Fit(msg)
	}
	return msg
}
