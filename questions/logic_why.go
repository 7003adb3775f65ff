package questions

import (
	"fmt"
	"slices"
	"strings"

	"amends/internal/text"
)

// whyNot says why no answers reach t, which the search showed: the part of
// its own condition that can never hold; or the verdicts before it that
// hold whenever it would; or the rules (a question asked only sometimes,
// a flag raised only by some answers, the verdict) that rule it out.
func (l *logic) whyNot(t *target) string {
	m := l.m
	noRules := func(int) bool { return true }
	sat := func(cons []*lnode, without func(int) bool) bool {
		ok, exhausted := m.solve(cons, without, nil)
		return ok || exhausted
	}
	if !sat([]*lnode{l.own(t)}, noRules) {
		return l.neverHolds(l.own(t), noRules, sat)
	}
	if len(t.before()) > 0 {
		cons := func(keep []int) []*lnode {
			out := []*lnode{l.own(t)}
			for _, i := range keep {
				out = append(out, not(t.before()[i]))
			}
			return out
		}
		keep := make([]int, len(t.before()))
		for i := range keep {
			keep[i] = i
		}
		if !sat(cons(keep), noRules) {
			for i := 0; i < len(keep); {
				less := slices.Delete(slices.Clone(keep), i, i+1)
				if !sat(cons(less), noRules) {
					keep = less
				} else {
					i++
				}
			}
			var ids []string
			for _, i := range keep {
				ids = append(ids, fmt.Sprintf("%q", l.s.Verdicts[i].ID))
			}
			if len(ids) == 1 {
				return fmt.Sprintf("whenever its condition holds, verdict %s before it holds too", ids[0])
			}
			return fmt.Sprintf("whenever its condition holds, one of the verdicts %s before it holds", andList(ids))
		}
	}
	// The rules are to blame: find the fewest of them that still rule it
	// out, by leaving each out in turn.
	cons := l.cons(t)
	_, vars := m.closure(cons, nil)
	groups := map[string][]int{}
	var order []string
	for _, v := range vars {
		g := l.group(v)
		if _, ok := groups[g]; !ok {
			order = append(order, g)
		}
		groups[g] = append(groups[g], v)
	}
	off := map[int]bool{}
	var core []string
	for _, g := range order {
		for _, v := range groups[g] {
			off[v] = true
		}
		if sat(cons, func(v int) bool { return off[v] }) {
			for _, v := range groups[g] {
				delete(off, v)
			}
			core = append(core, g)
		}
	}
	var why []string
	for _, g := range core {
		if w := l.sayGroup(t, g); w != "" {
			why = append(why, w)
		}
	}
	if len(why) == 0 {
		return "no answers can make its condition hold"
	}
	return strings.Join(why, "; ")
}

// neverHolds says which parts of a condition cannot hold together.
func (l *logic) neverHolds(own *lnode, noRules func(int) bool, sat func([]*lnode, func(int) bool) bool) string {
	parts := conjuncts(own)
	if len(parts) > 1 {
		for i := 0; i < len(parts); {
			less := slices.Delete(slices.Clone(parts), i, i+1)
			if len(less) > 0 && !sat(less, noRules) {
				parts = less
			} else {
				i++
			}
		}
	}
	var srcs []string
	for _, p := range parts {
		if p.src != nil {
			srcs = append(srcs, "“"+oneLineSrc(p.src.String())+"”")
		}
	}
	switch {
	case len(srcs) == 0 || len(srcs) != len(parts):
		return "its condition never holds"
	case len(srcs) == 1:
		return "its condition never holds, as " + srcs[0] + " never does"
	}
	if len(srcs) == 2 {
		return "its condition never holds, as " + andList(srcs) + " cannot both hold"
	}
	return "its condition never holds, as " + andList(srcs) + " cannot all hold at once"
}

// conjuncts lists the parts of a condition joined by "and".
func conjuncts(n *lnode) []*lnode {
	if n.op != opAnd {
		return []*lnode{n}
	}
	var out []*lnode
	for _, a := range n.args {
		out = append(out, conjuncts(a)...)
	}
	return out
}

// group names the rule a variable brings: "q:ID" for a question's being
// asked, "f:ID" for what raises a flag, "verdict", "scores".
func (l *logic) group(v int) string {
	lv := l.m.vars[v]
	switch lv.kind {
	case varAnswer, varPicked:
		return "q:" + lv.q.ID
	case varFlag, varFlagAt:
		return "f:" + lv.flag.ID
	case varVerdict:
		return "verdict"
	case varFree:
		return "free"
	}
	return "scores"
}

// sayGroup words one rule that rules t out.
func (l *logic) sayGroup(t *target, g string) string {
	s := l.s
	switch {
	case strings.HasPrefix(g, "q:"):
		q := s.Question(g[2:])
		var why []string
		if _, hi := s.Range(q); q.Kind == KindMulti && hi < len(q.Options) {
			why = append(why, fmt.Sprintf("at most %s of %q can be picked", text.Plural(hi, "option"), q.ID))
		}
		var conds []string
		if q.Section != nil && q.Section.When != nil {
			conds = append(conds, "“"+oneLineSrc(q.Section.When.Src)+"”")
		}
		if q.When != nil {
			conds = append(conds, "“"+oneLineSrc(q.When.Src)+"”")
		}
		if len(conds) > 0 {
			why = append(why, fmt.Sprintf("it needs an answer to %q, which is asked only when %s", q.ID, andList(conds)))
		}
		return strings.Join(why, "; ")
	case strings.HasPrefix(g, "f:"):
		f := s.Flag(g[2:])
		var by []string
		for _, q := range s.order {
			for _, o := range q.Options {
				if o.Flag == f.ID {
					if q.Kind == KindMulti {
						by = append(by, fmt.Sprintf("%q in %s", o.Value, q.ID))
					} else {
						by = append(by, fmt.Sprintf("%s = %q", q.ID, o.Value))
					}
				}
			}
		}
		if f.When != nil {
			by = append(by, "“"+oneLineSrc(f.When.Src)+"”")
		}
		if len(by) == 0 {
			return fmt.Sprintf("nothing raises flag %q", f.ID)
		}
		return fmt.Sprintf("flag %q is raised only by %s", f.ID, orList(by))
	case g == "verdict":
		var needs, never []string
		verdict := l.m.varNode(l.m.verdictVar())
		for _, vd := range s.Verdicts {
			is := cmp("==", verdict, constNode(lval{kind: lvStr, s: vd.ID}))
			ok, _ := l.m.solve(append([]*lnode{is}, l.cons(t)...), func(v int) bool { return l.m.vars[v].kind == varVerdict }, nil)
			if ok {
				needs = append(needs, fmt.Sprintf("%q", vd.ID))
				if vt := l.find("verdict", vd.ID); vt != nil && vt.reach.Never != "" {
					never = append(never, vd.ID)
				}
			}
		}
		switch {
		case len(needs) == 0:
			return "no verdict goes with it"
		case len(never) == len(needs) && len(needs) == 1:
			return fmt.Sprintf("it needs verdict %s, which is never reached", needs[0])
		case len(never) == len(needs):
			return fmt.Sprintf("it needs verdict %s, none of which is ever reached", orList(needs))
		}
		return fmt.Sprintf("it needs verdict %s, which the rest of its condition rules out", orList(needs))
	case g == "scores":
		return "a score that is not worked out reads 0, and there is an overall score only when enough are"
	}
	return ""
}

func andList(items []string) string { return list(items, "and") }

func orList(items []string) string { return list(items, "or") }

func list(items []string, word string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + word + " " + items[len(items)-1]
}
