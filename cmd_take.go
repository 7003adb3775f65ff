package main

import (
	"errors"
	"io"
	"path/filepath"

	"amends/quiz"
	"amends/score"
)

func runTake(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlags("take", stderr)
	setPath := fs.String("set", "", "take the question set in `FILE` (default: the built-in set)")
	out := fs.String("o", "", "write the report to `FILE` at the end, without asking: a PDF, or HTML or text when it ends in .html or .txt")
	plain := fs.Bool("plain", false, "ask line by line, with no cursor movement or colour (screen readers, pipes)")
	resume := fs.Bool("resume", false, "carry on where you stopped last time")
	private := fs.Bool("private", false, "save nothing while you answer; write only the report you ask for")
	force := fs.Bool("force", false, "let -o replace an existing file")
	comparePath := fs.String("compare", "", "earlier answers to the same set, kept in `FILE`: the end shows each part then and now")
	lang := langFlag(fs)
	font := fontFlag(fs)
	if err := parse(fs, args, stderr); err != nil {
		return err
	}
	if err := checkLang("take", *lang, *setPath); err != nil {
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
		*setPath = quiz.ResumeSource(stateDir)
	}
	choice := builtinChoice{}
	if *setPath == "" {
		choice = chooseBuiltin(*lang, keptLanguage(stateDir))
	}
	set, err := loadSet(*setPath, choice.lang)
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

	fontBytes, fontName, err := readFont(*font)
	if err != nil {
		return err
	}
	asker, restore := newAsker(*plain, stdin, stdout, stderr)
	sess := &quiz.Session{
		Set: set, Asker: asker, Source: source, ResumeCommand: resumeCmd,
		ReportPath: *out, Force: *force, Date: reportDate(), Font: fontBytes, FontName: fontName,
	}
	if *comparePath != "" {
		a, err := score.ReadAnswersFile(*comparePath, set)
		if err != nil {
			return err
		}
		sess.Compare = score.Score(set, a)
	}
	kept := "" // where an earlier run's progress would be
	if stateDir != "" {
		kept = quiz.ProgressPath(stateDir, set.ID)
	}
	var lock *quiz.Lock
	if !*private {
		sess.ProgressPath = kept
		// One quiz of a set at a time: two would overwrite each other's answers.
		if lock, err = quiz.LockProgress(kept); err != nil {
			return err
		}
		defer lock.Release()
	}

	stop := handleSignals(sess, func() { restore(); lock.Release() }, stderr)
	defer stop()
	if choice.notice != "" {
		asker.Say(choice.notice) // which built-in set, when the language settings chose it
	}

	if err := sess.PickUp(kept, *resume, *private); err != nil {
		return ended(sess, err, stderr)
	}
	return ended(sess, sess.Run(), stderr)
}

// ended turns the way a session ended into the exit: 130 after an
// interruption, 1 when the input ended (Ctrl-D among the ways), each with
// what was kept.
func ended(sess *quiz.Session, err error, stderr io.Writer) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, quiz.ErrInterrupted):
		printf(stderr, "%s\n", fit(sess, sess.Stop()))
		return exitError{code: exitInterrupt}
	case errors.Is(err, quiz.ErrEndKey): // Ctrl-D: the person stopped, as with Ctrl-C
		printf(stderr, "%s\n", fit(sess, sess.Stop()))
		return exitError{code: exitFail}
	case errors.Is(err, quiz.ErrOutputClosed):
		printf(stderr, "%s %s\n", sess.Words().T("quiz_output_closed", "error", errors.Unwrap(err)), sess.Stop())
		return exitError{code: exitFail}
	case errors.Is(err, quiz.ErrEndOfInput):
		printf(stderr, "%s\n", fit(sess, sess.Words().T("quiz_input_ended")+" "+sess.Stop()))
		return exitError{code: exitFail}
	}
	return err
}
