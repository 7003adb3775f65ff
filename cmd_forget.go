package main

import "io"

func runForget(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	return exitError{code: exitFail, msg: "forget is not yet available in this build"}
}
