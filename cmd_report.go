package main

import "io"

func runReport(args []string, stdout, stderr io.Writer) error {
	return exitError{code: exitFail, msg: "report is not yet available in this build"}
}
