package main

import "io"

func runScore(args []string, stdout, stderr io.Writer) error {
	return exitError{code: exitFail, msg: "score is not yet available in this build"}
}
