//go:build ignore

// gen_builtin writes builtin_gen.go, the Go snapshot of what Load makes of
// builtin.toml, from which Builtin starts. Run it with go generate after
// editing builtin.toml; CI fails when the snapshot is stale.
package main

import (
	"fmt"
	"os"

	"amends/questions"
	"amends/questions/internal/snapshot"
)

func main() {
	s, err := questions.Load(questions.BuiltinName, questions.BuiltinSource())
	if err == nil {
		var src []byte
		if src, err = snapshot.Source(s); err == nil {
			err = os.WriteFile("builtin_gen.go", src, 0o644)
		}
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "gen_builtin: %v\n", err)
		os.Exit(1)
	}
}
