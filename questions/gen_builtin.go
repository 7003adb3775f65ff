//go:build ignore

// gen_builtin writes builtin_gen.go, the Go snapshot of what Load makes of
// builtin.toml, from which Builtin starts, and builtin_LANG_gen.go for each
// other built-in set (builtin_LANG.toml). Run it with go generate after
// editing a built-in set; CI fails when a snapshot is stale.
package main

import (
	"fmt"
	"os"

	"amends/questions"
	"amends/questions/internal/snapshot"
)

func main() {
	for _, lang := range questions.BuiltinLanguages() {
		name, src := questions.BuiltinSourceFor(lang)
		s, err := questions.Load(name, src)
		if err == nil {
			var out []byte
			if out, err = snapshot.Source(s, lang); err == nil {
				err = os.WriteFile(snapshot.GenFile(lang), out, 0o644)
			}
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "gen_builtin: %v\n", err)
			os.Exit(1)
		}
	}
}
