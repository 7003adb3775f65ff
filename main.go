// Amends is an honest look, in the terminal, at making amends after you hurt
// your partner. It asks what happened, the kind of hurt it caused and how
// ready you are to change; scores the answers against a relationship-repair
// guide; and writes a PDF with next steps and a straight verdict on whether
// trying again is realistic, including "no, respect his decision" and
// "safety first".
//
// Question sets are TOML files; the built-in one ships inside the binary.
// Nothing leaves the machine. Press Ctrl-C at any time to stop; your
// answers are kept.
//
// Usage:
//
//	amends                         take the built-in set (same as "amends take")
//	amends take   [-set FILE | -lang LANG] [-o REPORT.pdf] [-plain] [-resume] [-private] [-force] [-compare OLD]
//	amends check  [-reach] [-cases DIR] [-lang LANG] [FILE ...]  check sets (no FILE: the built-in set)
//	amends new    [-force] [-minimal] [-lang LANG] FILE  write the built-in set, or the smallest one, to FILE to start your own
//	amends test   [-cases DIR] [SET]  run the cases kept beside a set (no SET: the built-in set's)
//	amends schema                  print the JSON Schema of the question-set format, for editors
//	amends score  -answers FILE [-set FILE | -lang LANG] [-json]
//	amends report -answers FILE [-set FILE | -lang LANG] -o REPORT.pdf|.html|.txt [-force] [-paper a4|letter] [-answers-appendix] [-full-title] [-compare OLD]
//	amends forget                  delete everything amends has saved
//	amends version
//
// Run "amends help COMMAND" (or "amends COMMAND -h") for a command's flags,
// "amends --version" for the version.
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
//	Kept: your report in report.pdf (only you can read it). Nothing else is kept: the progress file is deleted.
//
// This comment is the manual: "amends help" prints it, and each command's
// synopsis comes from its line above (see usage.go).
package main

import (
	_ "embed"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"amends/internal/file"
)

// version is the version of amends; release builds set it with -ldflags.
var version = "0.1.0"

// dispatch runs the command cmd with args.
func dispatch(cmd string, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	switch cmd {
	case "take":
		return runTake(args, stdin, stdout, stderr)
	case "check":
		return runCheck(args, stdout, stderr)
	case "new":
		return runNew(args, stdout, stderr)
	case "test":
		return runTest(args, stdout, stderr)
	case "schema":
		return runSchema(args, stdout, stderr)
	case "score":
		return runScore(args, stdout, stderr)
	case "report":
		return runReport(args, stdout, stderr)
	case "forget":
		return runForget(args, stdin, stdout, stderr)
	case "version":
		if len(args) > 0 {
			return usagef("version takes no arguments")
		}
		printf(stdout, "amends %s\n", version)
		return nil
	case "help":
		return runHelp(args, stdout)
	}
	return usagef("unknown command %q", cmd)
}

// source is this file, for the manual at its top.
//
//go:embed main.go
var source string

func main() {
	// A closed pipe makes a write fail, said in words, rather than end
	// amends silently with SIGPIPE (exit 141).
	signal.Ignore(syscall.SIGPIPE)
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run runs amends with args and the given streams and returns the exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		switch args[0] { // the habits of other programs
		case "-h", "-help", "--help":
			args = append([]string{"help"}, args[1:]...)
		case "-version", "--version":
			args = append([]string{"version"}, args[1:]...)
		}
	}
	cmd, implicit := "take", true
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		cmd, args, implicit = args[0], args[1:], false
	}
	var out *watched
	if cmd != "take" { // take watches its own output (see quiz.ErrOutputClosed)
		out = &watched{w: stdout}
		stdout = out
	}
	err := dispatch(cmd, args, stdin, stdout, stderr)
	var u errUsage
	if implicit && errors.As(err, &u) {
		// "amends -bogus" names no command the person did not type.
		err = errUsage{strings.TrimPrefix(u.msg, "take: ")}
	}
	if err == nil && out != nil && out.err != nil {
		err = fmt.Errorf("cannot write the output: %v", file.Cause(out.err))
	}
	return exitCode(err, stderr)
}
