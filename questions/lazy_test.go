package questions

import (
	"slices"
	"testing"
)

// TestLazySame: every condition of a built-in set, compiled when first
// used from its snapshot (sharing what conditions of the same text made,
// and the parsed named conditions), is what Load compiles from the file:
// the same program, and the same questions, flags and names it reads.
func TestLazySame(t *testing.T) {
	for _, lang := range BuiltinLanguages() {
		name, src := BuiltinSourceFor(lang)
		loaded, err := Load(name, src)
		if err != nil {
			t.Fatal(err)
		}
		lazy, err := BuiltinFor(lang)
		if err != nil {
			t.Fatal(err)
		}
		var want, got []*Cond
		loaded.eachCond(func(c *Cond, _ context, _ int) { want = append(want, c) })
		lazy.eachCond(func(c *Cond, _ context, _ int) { c.ready(); got = append(got, c) })
		if len(got) != len(want) || len(want) < 50 {
			t.Fatalf("%s: %d conditions from the snapshot, %d from the file", lang, len(got), len(want))
		}
		shared := 0
		for i, w := range want {
			g := got[i]
			if g.prog == nil || w.prog == nil {
				t.Errorf("%s: %q does not compile (snapshot %v, file %v)", lang, w.Src, g.prog != nil, w.prog != nil)
				continue
			}
			if g.prog.Disassemble() != w.prog.Disassemble() || g.node.String() != w.node.String() ||
				!slices.Equal(g.questions, w.questions) || !slices.Equal(g.affirmed, w.affirmed) ||
				!slices.Equal(g.dims, w.dims) || !slices.Equal(g.flags, w.flags) ||
				!slices.Equal(g.builtins, w.builtins) || g.constant != w.constant || len(g.parts) != len(w.parts) {
				t.Errorf("%s: %q compiles to something else from the snapshot", lang, w.Src)
			}
			for j := range i {
				if got[j].prog == g.prog {
					shared++
					break
				}
			}
		}
		if shared == 0 {
			t.Errorf("%s: no condition shares what another of the same text made", lang)
		}
	}
}
