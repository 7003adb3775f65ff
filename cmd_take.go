package main

import "io"

func runTake(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	return exitError{code: exitFail, msg: "take is not yet available in this build"}
}
