package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"golang.org/x/term"

	"amends/internal/file"
	"amends/internal/text"
	"amends/quiz"
)

func runTake(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlags("take", "[-set FILE] [-o REPORT.pdf] [-plain] [-resume] [-private] [-force]", stderr)
	setPath := fs.String("set", "", "take the question set in `FILE` (default: the built-in set)")
	out := fs.String("o", "", "write the report to `REPORT.pdf` at the end, without asking")
	plain := fs.Bool("plain", false, "ask line by line, with no cursor movement or colour (screen readers, pipes)")
	resume := fs.Bool("resume", false, "carry on where you stopped last time")
	private := fs.Bool("private", false, "save nothing while you answer; write only the report you ask for")
	force := fs.Bool("force", false, "let -o replace an existing file")
	if err := parse(fs, args, stderr); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("take: unexpected %q; answers are never taken from the command line, the quiz asks for them", fs.Arg(0))
	}
	if *resume && *private {
		return usagef("take: -resume and -private do not go together: private mode keeps nothing to carry on from")
	}
	if *force && *out == "" {
		return usagef("take: -force only applies to -o")
	}
	if *out != "" {
		if err := checkReportPath(*out, *force); err != nil {
			return err
		}
	}

	stateDir, err := quiz.StateDir()
	if err != nil && !*private {
		return err
	}
	if *resume && *setPath == "" {
		*setPath = resumeSource(stateDir)
	}
	set, err := loadSet(*setPath)
	if err != nil {
		return err
	}
	source := ""
	if *setPath != "" {
		if abs, err := filepath.Abs(*setPath); err == nil {
			source = abs
		}
	}
	resumeCmd := "amends take -resume"
	if source != "" {
		resumeCmd += " -set " + shellQuote(*setPath)
	}

	asker, restore := newAsker(*plain, stdin, stdout, stderr)
	sess := &quiz.Session{
		Set: set, Asker: asker, Source: source, ResumeCommand: resumeCmd,
		ReportPath: *out, Force: *force, Date: reportDate(),
	}
	kept := "" // where an earlier run's progress would be
	if stateDir != "" {
		kept = quiz.ProgressPath(stateDir, set.ID)
	}
	if !*private {
		sess.ProgressPath = kept
	}

	stop := handleSignals(sess, restore, stderr)
	defer stop()

	if err := pickUp(sess, *resume, *private, kept); err != nil {
		return ended(sess, err, stderr)
	}
	return ended(sess, sess.Run(), stderr)
}

// ended turns the way a session ended into the exit: 130 after an
// interruption, 1 when the input ended, each with what was kept.
func ended(sess *quiz.Session, err error, stderr io.Writer) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, quiz.ErrInterrupted):
		fmt.Fprintf(stderr, "%s\n", sess.Stop())
		return exitError{code: exitInterrupt}
	case errors.Is(err, quiz.ErrEndOfInput):
		fmt.Fprintf(stderr, "The input ended before the quiz did. %s\n", sess.Stop())
		return exitError{code: exitFail}
	}
	return err
}

// pickUp looks for answers kept from an earlier run of the same set and,
// when asked to or when the person agrees, carries on from them.
func pickUp(sess *quiz.Session, resume, private bool, path string) error {
	if path == "" {
		return nil
	}
	if private {
		if _, err := os.Stat(path); err == nil {
			sess.Asker.Say(fmt.Sprintf("Answers from an earlier run are still kept in %s; private mode leaves them alone (\"amends forget\" deletes them).", path))
		}
		return nil
	}
	p, err := quiz.LoadProgress(path)
	if errors.Is(err, fs.ErrNotExist) {
		if resume {
			sess.Asker.Say("There is nothing to carry on from, so this starts at the beginning.")
		}
		return nil
	}
	if err != nil {
		sess.Asker.Say("Earlier progress could not be read: " + err.Error())
		return nil
	}
	if p.Set != sess.Set.ID {
		return nil
	}
	r := p.Restore(sess.Set)
	n := len(r.Answers.Values)
	if !resume {
		if n == 0 {
			return nil
		}
		i, err := sess.Asker.Choose(fmt.Sprintf("You stopped part-way through last time; %s %s kept.", text.Plural(n, "answer"), text.Agree(n, "is", "are")),
			[]string{"Carry on where I left off", "Start again (the kept answers are deleted)"}, 0)
		if err != nil {
			return err
		}
		if i == 1 {
			if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return err
			}
			return nil
		}
	}
	sess.Answers, sess.Resumed = r.Answers, true
	if !r.Changed {
		// Where the person was, which may be before the first unanswered
		// question if they had gone back; after a change, only the
		// answers that no longer fit are asked.
		sess.Position = p.Position
	}
	if r.Changed {
		msg := "The question set has changed since you started"
		if p.Version != sess.Set.Version && p.Version != "" {
			msg += fmt.Sprintf(" (it was version %s, it is now %s)", p.Version, sess.Set.Version)
		}
		msg += "."
		if len(r.Dropped) == 0 {
			msg += fmt.Sprintf(" All %s still fit, so nothing needs asking again.", text.Plural(n, "answer"))
		} else {
			d := len(r.Dropped)
			msg += fmt.Sprintf(" %s no longer %s and will be asked again where the question is still there; the other %s %s kept.",
				text.Capital(text.Plural(d, "answer")), text.Agree(d, "fits", "fit"), text.Plural(n, "answer"), text.Agree(n, "is", "are"))
		}
		sess.Notice = msg
	}
	return nil
}

// resumeSource finds the set to resume when -set is not given: the
// built-in set if it has progress, else the only other set that does.
func resumeSource(dir string) string {
	files, _ := quiz.StateFiles(dir)
	found := ""
	for _, f := range files {
		p, err := quiz.LoadProgress(f)
		if err != nil {
			continue
		}
		if p.Source == "" {
			return ""
		}
		if found != "" && found != p.Source {
			return ""
		}
		found = p.Source
	}
	return found
}

// checkReportPath fails early, before any question, when -o cannot be written.
func checkReportPath(path string, force bool) error {
	if fi, err := os.Stat(path); err == nil {
		if fi.IsDir() {
			return fmt.Errorf("%s is a folder; -o takes a file name", path)
		}
		if !force {
			return fmt.Errorf("%s: %w; choose another name, or pass -force to replace it", path, file.ErrExists)
		}
	}
	if fi, err := os.Stat(filepath.Dir(path)); err != nil || !fi.IsDir() {
		return fmt.Errorf("%s: the folder %s does not exist", path, filepath.Dir(path))
	}
	return nil
}

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

// handleSignals makes Ctrl-C (outside survey's raw mode), SIGTERM and
// SIGHUP end the quiz cleanly: the terminal restored, the person told
// what is kept, exit 130. Progress is already on disk after every answer.
func handleSignals(sess *quiz.Session, restore func(), stderr io.Writer) (stop func()) {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
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
		fmt.Fprintf(stderr, "\n%s\n", msg)
		os.Exit(exitInterrupt)
	}()
	return func() {
		once.Do(func() {
			signal.Stop(sigs)
			close(done)
		})
	}
}

// reportDate is today, or SOURCE_DATE_EPOCH when set, for reproducible reports.
func reportDate() time.Time {
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			return time.Unix(n, 0).UTC()
		}
	}
	return time.Now()
}

// shellQuote quotes s for a shell when it needs it.
func shellQuote(s string) string {
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.' || r == '/') {
			return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
		}
	}
	return s
}
