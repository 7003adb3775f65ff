package questions

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
// that result (builtin_gen.go) rather than by parsing TOML, and its
// conditions compile when first used: start-up is then a fraction of a
// millisecond instead of several. TestBuiltinSnapshot keeps the snapshot
// equal to Load's result; `go test ./questions -run TestBuiltinSnapshot
// -update` rewrites it after builtin.toml changes.
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

// link fills what Load derives from a valid set: the asking order, each
// question's section and position, the index by id, and the unanswered
// values.
func (s *Set) link() {
	s.index = newIndex()
	s.order = s.order[:0]
	for _, sec := range s.Sections {
		for _, q := range sec.Questions {
			q.Section = sec
			q.Pos = len(s.order)
			s.order = append(s.order, q)
			s.index.questions[q.ID] = q
		}
	}
	for _, d := range s.Dimensions {
		s.index.dimensions[d.ID] = d
	}
	for _, f := range s.Flags {
		s.index.flags[f.ID] = f
	}
	for _, p := range s.Phases {
		s.index.phases[p.ID] = p
	}
	for _, v := range s.Verdicts {
		s.index.verdicts[v.ID] = v
	}
	for _, r := range s.Resources {
		s.index.resources[r.ID] = r
	}
	for _, f := range s.Flags {
		for _, id := range f.Resources {
			s.index.named[id] = true
		}
	}
	s.fillZero()
}

// fillZero prepares every question's unanswered value, which Env copies.
func (s *Set) fillZero() {
	s.zero = make(map[string]any, len(s.order)+10)
	for _, q := range s.order {
		s.zero[q.ID] = zeroOf(q.Kind)
	}
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
