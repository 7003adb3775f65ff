package questions

//go:generate go run gen_builtin.go

import (
	"crypto/sha256"
	"encoding/hex"
	"sync"
)

// builtinHash is the hash of builtin.toml, computed once.
var builtinHash = sync.OnceValue(func() string {
	sum := sha256.Sum256(builtinSource)
	return "sha256:" + hex.EncodeToString(sum[:])
})

// Builtin returns the set embedded in the binary, a new copy each call.
//
// It is what Load makes of builtin.toml, but built from a Go snapshot of
// that result (builtin_gen.go, written by go generate from builtin.toml,
// the one source) rather than by parsing TOML, and its conditions compile
// when first used: the first question then comes at about 2.4 times a
// hello-world process, where loading the TOML takes 9 times. It is
// linked by the same link as Load's sets. TestBuiltinSnapshot and CI
// fail when the snapshot is stale.
func Builtin() (*Set, error) {
	s := builtinSnapshot()
	s.Name = BuiltinName
	s.Hash = builtinHash()
	s.link()
	cc := newCondCompiler(&validator{name: BuiltinName, set: s})
	s.eachCond(func(c *Cond, ctx context, before int) {
		c.lazy = &lazyCond{cc: cc, ctx: ctx, before: before}
	})
	return s, nil
}

// eachCond calls fn with every condition of s, where it stands and the
// asking position it may read up to, as validate compiles them.
func (s *Set) eachCond(fn func(c *Cond, ctx context, before int)) {
	call := func(c *Cond, ctx context, before int) {
		if c != nil {
			fn(c, ctx, before)
		}
	}
	for _, f := range s.Flags {
		call(f.When, inQuiz, flagPosition)
	}
	for _, sec := range s.Sections {
		first := -1
		if len(sec.Questions) > 0 {
			first = sec.Questions[0].Pos
		}
		call(sec.When, inQuiz, first)
		for _, q := range sec.Questions {
			call(q.When, inQuiz, q.Pos)
		}
	}
	for _, v := range s.Verdicts {
		call(v.When, inVerdict, -1)
	}
	for _, st := range s.Steps {
		call(st.When, inReport, -1)
	}
	for _, r := range s.Resources {
		call(r.When, inReport, -1)
	}
	for _, p := range s.Honest {
		call(p.When, inReport, -1)
	}
}
