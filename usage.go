package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// manual is the doc comment of main.go as plain text: "amends help"
// prints it, so that the manual and the help are one text.
func manual() string {
	var b strings.Builder
	for line := range strings.Lines(source) {
		if !strings.HasPrefix(line, "//") || strings.HasPrefix(line, "// This comment is the manual") {
			break
		}
		line = strings.TrimPrefix(strings.TrimPrefix(line, "//"), " ")
		if strings.HasPrefix(line, "\t") {
			line = "  " + line[1:]
		}
		b.WriteString(line)
	}
	return strings.TrimSpace(b.String()) + "\n"
}

// synopsis is what follows "amends NAME" on the command's line of the
// manual's usage block, without the description after it.
func synopsis(name string) string {
	for line := range strings.Lines(source) {
		rest, ok := strings.CutPrefix(line, "//\tamends "+name+" ")
		if !ok {
			continue
		}
		rest = strings.TrimSpace(rest)
		if strings.HasPrefix(line, "//\tamends "+name+"  ") && !strings.HasPrefix(rest, "[") && !strings.HasPrefix(rest, "-") {
			return "" // only a description, as for "forget"
		}
		syn, _, _ := strings.Cut(rest, "  ")
		return syn
	}
	panic("no line for " + name + " in the manual's usage block")
}

// newFlags returns a flag set for a subcommand that reports its own errors.
func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: amends %s %s\n", name, synopsis(name))
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
		msg := err.Error()
		if name, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
			msg = "unknown flag " + name
		}
		return usagef("%s: %s", fs.Name(), msg)
	}
	return nil
}

// runHelp prints the manual, or with a command's name what that
// command's -h prints, to stdout.
func runHelp(args []string, stdout io.Writer) error {
	switch {
	case len(args) == 0:
		printf(stdout, "%s", manual())
		return nil
	case len(args) > 1:
		return usagef("help takes at most one command, such as: amends help take")
	case args[0] == "help":
		printf(stdout, "usage: amends help [COMMAND]\n")
		return nil
	case args[0] == "version":
		printf(stdout, "usage: amends version\n")
		return nil
	}
	if !strings.Contains(source, "//\tamends "+args[0]+" ") {
		return usagef("help: unknown command %q", args[0])
	}
	err := dispatch(args[0], []string{"-h"}, strings.NewReader(""), stdout, stdout)
	if errors.Is(err, flag.ErrHelp) {
		return nil
	}
	return err
}
