package questions

import (
	"embed"
	"io/fs"
)

// builtinCases are the built-in set's cases: answers, and what scoring
// them must give (see package cases), kept beside builtin.toml as an
// author keeps a set's cases beside it.
//
//go:embed builtin.cases
var builtinCases embed.FS

// BuiltinCases returns the built-in set's cases, the folder's files at
// its root, for amends test.
func BuiltinCases() fs.FS {
	sub, err := fs.Sub(builtinCases, "builtin.cases")
	if err != nil {
		panic(err) // the folder is embedded
	}
	return sub
}
