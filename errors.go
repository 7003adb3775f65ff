package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"amends/internal/text"
)

// How amends speaks of a problem. Every error a command returns reaches
// the person through exitCode, and every message is made to these rules:
//
//   - One line per problem. exitCode alone adds the "amends: " in front.
//   - A problem in a file names the file first, with the line when there
//     is one: "set.toml:42: what" (questions.Error does it for sets and
//     answers files). Other problems name what they are about first:
//     "report.pdf: ...".
//   - A lowercase start (unless it is a name), no full stop at the end, no
//     "error:" or "failed to".
//   - What is wrong in the reader's words; then, after a semicolon, what
//     to do about it when there is something to do: "...; choose another
//     name, or pass -force to replace it". Ids and values are quoted (%q);
//     a misspelt id gets "(did you mean ...?)".
//   - A cause from the system comes last and bare ("permission denied"),
//     without the operation and path Go wraps it in (file.Cause).
//   - Usage errors exit 2, with the hint to run "amends help"; problems
//     with input or files exit 1; an interruption exits 130 after saying
//     what was kept. Nothing a person can type or a file can hold makes
//     amends panic or print a stack trace.
//
// What the quiz says to the person while they answer is not an error but
// a sentence (quiz.Asker.Say): a capital, a full stop, warm and plain.
//
// Every line amends prints itself goes through printf, and so through
// text.Clean: a message may quote a file name, a condition or a version
// from a file, and none of it may reach a terminal as an escape sequence.

// Exit codes.
const (
	exitOK        = 0
	exitFail      = 1
	exitUsage     = 2
	exitInterrupt = 130
)

// errUsage marks an error as a usage error: exit 2, with a hint.
type errUsage struct{ msg string }

func (e errUsage) Error() string { return e.msg }

func usagef(format string, a ...any) error { return errUsage{fmt.Sprintf(format, a...)} }

// exitError carries an exit code other than 1, with a message that may be empty.
type exitError struct {
	code int
	msg  string
}

func (e exitError) Error() string { return e.msg }

// exitCode prints err as amends does, one line per problem, and returns
// the exit code.
func exitCode(err error, stderr io.Writer) int {
	if err == nil {
		return exitOK
	}
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	var u errUsage
	if errors.As(err, &u) {
		printf(stderr, "amends: %s\nRun \"amends help\" for usage.\n", u.msg)
		return exitUsage
	}
	var x exitError
	if errors.As(err, &x) {
		if x.msg != "" {
			printf(stderr, "amends: %s\n", x.msg)
		}
		return x.code
	}
	for _, line := range strings.Split(err.Error(), "\n") {
		printf(stderr, "amends: %s\n", line)
	}
	return exitFail
}

// printf prints what amends says, cleaned by the one rule (text.Clean).
func printf(w io.Writer, format string, a ...any) {
	io.WriteString(w, text.Clean(fmt.Sprintf(format, a...)))
}

// watched is a writer that remembers its first failure, such as a pipe
// closed by the program reading it, so that the command says so.
type watched struct {
	w   io.Writer
	err error
}

func (w *watched) Write(p []byte) (int, error) {
	n, err := w.w.Write(p)
	if err != nil && w.err == nil {
		w.err = err
	}
	return n, err
}
