//go:build ignore

// gen_catalogue writes catalogue_gen.go, the Go snapshot of the catalogues
// beside it (en.toml, es.toml, ...), from which the words package reads
// them. Run it with go generate after editing a catalogue; a test and CI
// fail when the snapshot is stale. A snapshot that no longer compiles
// (a bad hand edit) stops this too: delete it, then run go generate.
package main

import (
	"fmt"
	"os"

	"amends/internal/words/internal/gen"
)

func main() {
	out, err := gen.Generate(".")
	if err == nil {
		err = os.WriteFile(gen.File, out, 0o644)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "gen_catalogue: %v\n", err)
		os.Exit(1)
	}
}
