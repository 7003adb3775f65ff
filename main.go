// Amends is an honest look, in the terminal, at making amends after you hurt
// your partner. It asks what happened, the kind of hurt it caused and how
// ready you are to change; scores the answers against a relationship-repair
// guide; and writes a PDF with next steps and a straight verdict on whether
// trying again is realistic, including "no, respect his decision" and
// "safety first".
//
// Question sets are TOML files; the built-in one ships inside the binary.
// Nothing leaves the machine.
//
// Usage:
//
//	amends                         take the built-in set (same as `amends take`)
//	amends take   [-set FILE] [-o REPORT.pdf] [-plain] [-resume] [-private] [-force]
//	amends check  [FILE ...]       check sets (no FILE: the built-in set)
//	amends new    [-force] FILE    write the built-in set to FILE to start your own
//	amends score  -answers FILE [-set FILE] [-json]
//	amends report -answers FILE [-set FILE] -o REPORT.pdf [-force] [-paper a4|letter] [-answers-appendix]
//	amends forget                  delete everything amends has saved
//	amends version
//
// Exit status: 0 done; 1 a problem with input or files, said in one line;
// 2 a usage error; 130 interrupted.
//
// An example session:
//
//	$ amends check my.toml
//	my.toml:42: question "blame": unknown dimension "acountability" (did you mean "accountability"?)
//	$ amends take -set my.toml -o report.pdf
//	...
//	Your report is in report.pdf (only you can read it).
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
)

// version is the version of amends; release builds set it with -ldflags.
var version = "0.1.0"

const usage = `amends: an honest look at making amends after you hurt your partner

Usage:
  amends                         take the built-in set (same as "amends take")
  amends take   [-set FILE] [-o REPORT.pdf] [-plain] [-resume] [-private] [-force]
  amends check  [FILE ...]       check sets (no FILE: the built-in set)
  amends new    [-force] FILE    write the built-in set to FILE to start your own
  amends score  -answers FILE [-set FILE] [-json]
  amends report -answers FILE [-set FILE] -o REPORT.pdf [-force] [-paper a4|letter] [-answers-appendix]
  amends forget                  delete everything amends has saved
  amends version

Run "amends COMMAND -h" for a command's flags.
Nothing leaves this machine. Press Ctrl-C at any time to stop; your answers are kept.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

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

// run runs amends with args and the given streams and returns the exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	cmd := "take"
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		cmd, args = args[0], args[1:]
	}
	var err error
	switch cmd {
	case "take":
		err = runTake(args, stdin, stdout, stderr)
	case "check":
		err = runCheck(args, stdout, stderr)
	case "new":
		err = runNew(args, stdout, stderr)
	case "score":
		err = runScore(args, stdout, stderr)
	case "report":
		err = runReport(args, stdout, stderr)
	case "forget":
		err = runForget(args, stdin, stdout, stderr)
	case "version":
		if len(args) > 0 {
			err = usagef("version takes no arguments")
		} else {
			fmt.Fprintf(stdout, "amends %s\n", version)
		}
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
	default:
		err = usagef("unknown command %q", cmd)
	}
	return exitCode(err, stderr)
}

// exitCode prints err as amends does, one line per problem, and returns the exit code.
func exitCode(err error, stderr io.Writer) int {
	if err == nil {
		return exitOK
	}
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	var u errUsage
	if errors.As(err, &u) {
		fmt.Fprintf(stderr, "amends: %s\nRun \"amends help\" for usage.\n", u.msg)
		return exitUsage
	}
	var x exitError
	if errors.As(err, &x) {
		if x.msg != "" {
			fmt.Fprintf(stderr, "amends: %s\n", x.msg)
		}
		return x.code
	}
	for _, line := range strings.Split(err.Error(), "\n") {
		fmt.Fprintf(stderr, "amends: %s\n", line)
	}
	return exitFail
}

// newFlags returns a flag set for a subcommand that reports its own errors.
func newFlags(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: amends %s %s\n", name, synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses args with fs, turning a flag error into a usage error; -h
// prints the command's usage to stderr.
func parse(fs *flag.FlagSet, args []string, stderr io.Writer) error {
	fs.SetOutput(io.Discard)
	err := fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		fs.SetOutput(stderr)
		fs.Usage()
		return flag.ErrHelp
	}
	if err != nil {
		return usagef("%s: %v", fs.Name(), err)
	}
	return nil
}
