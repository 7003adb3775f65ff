package questions

import "slices"

// The search: given what must hold (targets), find values for the
// variables they read, and for those their rules bring in, that make all
// of it hold, or show that none can. It tries values a variable at a
// time, working every rule out as far as it can after each, and steps
// back as soon as one is false. Before trying values it tries the first
// candidate of every variable still open (nothing answered, no flag, no
// score), which is most often enough.

// rules returns the constraints that tie variable i to the others,
// building them the first time.
func (m *model) rules(i int) []*lnode {
	v := m.vars[i]
	if v.built {
		return v.cons
	}
	v.built = true
	zero := constNode(lval{kind: lvNum})
	switch v.kind {
	case varAnswer:
		v.cons = []*lnode{or(not(nodeOf(opAnswered, m.varNode(i))), m.asked(v.q))}
	case varPicked:
		q := v.q
		v.cons = []*lnode{or(not(m.varNode(i)), m.asked(q))}
		if _, hi := m.s.Range(q); hi < len(q.Options) {
			v.cons = append(v.cons, m.atMost(q, hi))
		}
	case varFlag, varFlagAt:
		v.def = m.raisedBy(v.flag, v.pos)
		v.cons = []*lnode{m.isRule(i, v.def)}
	case varDim:
		v.cons = []*lnode{or(m.varNode(m.scoredVar(v.dim)), cmp("==", m.varNode(i), zero))}
	case varComposite:
		v.cons = []*lnode{or(m.varNode(m.hasVar()), cmp("==", m.varNode(i), zero))}
	case varHas:
		// An overall score needs enough of the dimensions scored.
		var scored []*lnode
		for _, d := range m.s.Dimensions {
			scored = append(scored, m.varNode(m.scoredVar(d.ID)))
		}
		few := nodeOf(opAtMost, scored...)
		few.k = int32(m.s.Scoring.MinDimensions - 1)
		v.def = not(few)
		v.cons = []*lnode{nodeOf(opIff, m.varNode(i), v.def)}
	case varVerdict:
		for k, vd := range m.s.Verdicts {
			v.cons = append(v.cons, or(cmp("!=", m.varNode(i), constNode(lval{kind: lvStr, s: vd.ID})), m.reach(k)))
		}
	}
	return v.cons
}

// asked is the rule for q being asked: its section's condition, worked
// out before the section's first question, and its own.
func (m *model) asked(q *Question) *lnode {
	key := "asked:" + q.ID
	if n, ok := m.shared[key]; ok {
		return n
	}
	first := q.Pos
	if q.Section != nil && len(q.Section.Questions) > 0 {
		first = q.Section.Questions[0].Pos
	}
	var sec *Cond
	if q.Section != nil {
		sec = q.Section.When
	}
	n := and(m.cond(sec, lview{flagsAt: first, cutoff: first}), m.cond(q.When, lview{flagsAt: q.Pos, cutoff: q.Pos}))
	m.shared[key] = n
	return n
}

// atMost is the rule that at most k options of the multi question q are picked.
func (m *model) atMost(q *Question, k int) *lnode {
	key := "most:" + q.ID
	if n, ok := m.shared[key]; ok {
		return n
	}
	args := make([]*lnode, len(q.Options))
	for i, o := range q.Options {
		args[i] = m.varNode(m.pickedVar(q, o.Value))
	}
	n := nodeOf(opAtMost, args...)
	n.k = int32(k)
	m.shared[key] = n
	return n
}

// raisedBy is what raises flag f before position pos (at the end, when
// pos is -1): an option that names it, picked, or its own condition,
// worked out when a question it reads was last answered.
func (m *model) raisedBy(f *Flag, pos int) *lnode {
	key := "raised:" + f.ID + "@" + itoa(pos)
	if n, ok := m.shared[key]; ok {
		return n
	}
	r := m.raisersOf(f)
	k := len(r.ways) // the options that raise f before pos
	if pos >= 0 {
		k = 0
		for k < len(r.ways) && r.pos[k] < pos {
			k++
		}
	}
	// The options before pos are a prefix of all of them: the node shares
	// their list, and that of the variables they read, rather than copy
	// them, so that a flag asked about before every question of a large
	// set costs no more than once.
	n := &lnode{op: opOr, args: r.ways[:k:k], vars: r.vars[:r.nvars[k]:r.nvars[k]]}
	if k == 0 {
		n = falseNode
	}
	if f.When != nil {
		v := lview{flagsAt: -1, cutoff: pos}
		var read []*lnode
		for _, id := range f.When.Questions() {
			if q := m.s.index.questions[id]; q != nil && (pos < 0 || q.Pos < pos) {
				read = append(read, m.answeredNode(q, endView))
			}
		}
		n = or(n, and(or(read...), m.cond(f.When, v)))
	}
	m.shared[key] = n
	return n
}

// raisers are the options that raise one flag, in asking order, with the
// variables they read.
type raisers struct {
	ways  []*lnode
	pos   []int // the position of each way's question
	vars  []int // the variables the ways read, each once, in order
	nvars []int // for each count of ways, how many of vars they read
}

func (m *model) raisersOf(f *Flag) *raisers {
	if r, ok := m.raisers[f.ID]; ok {
		return r
	}
	r := &raisers{nvars: []int{0}}
	seen := map[int]bool{}
	for _, q := range m.s.order {
		for _, o := range q.Options {
			if o.Flag != f.ID {
				continue
			}
			way := m.picked(q, o.Value, endView)
			r.ways = append(r.ways, way)
			r.pos = append(r.pos, q.Pos)
			for _, v := range way.vars {
				if !seen[v] {
					seen[v] = true
					r.vars = append(r.vars, v)
				}
			}
			r.nvars = append(r.nvars, len(r.vars))
		}
	}
	if m.raisers == nil {
		m.raisers = map[string]*raisers{}
	}
	m.raisers[f.ID] = r
	return r
}

// reach is the rule for verdict k being the one reached: none before it
// holds, and it does.
func (m *model) reach(k int) *lnode {
	key := "reach:" + itoa(k)
	if n, ok := m.shared[key]; ok {
		return n
	}
	parts := make([]*lnode, 0, k+1)
	for j := 0; j < k; j++ {
		parts = append(parts, not(m.cond(m.s.Verdicts[j].When, endView)))
	}
	parts = append(parts, m.cond(m.s.Verdicts[k].When, endView))
	n := and(parts...)
	m.shared[key] = n
	return n
}

// A solution is the candidate each variable the search used holds.
type solution map[int]int32

// search finds values that make every target hold.
type search struct {
	m    *model
	cons []*lnode
	vars []int // every variable the constraints read
	// budget is how many more steps the search may take; when it runs
	// out, exhausted is set and the answer is "not worked out".
	budget    int
	exhausted bool
	found     func(solution) bool // true to stop, false to look for another
	// open holds, level by level, the constraints not yet known to hold.
	// What holds with some variables set holds with more set, so each
	// level works out only what the level above left open; and of that,
	// only what reads the variable set last (readers, touched): the rest
	// reads as it did.
	open    []int
	readers map[int][]int // variable to the constraints that read it
	touched []bool
}

// searchBudget bounds the steps of one search.
const searchBudget = 20000

// closure returns targets with the rules of every variable they read, and
// of every variable those read, and so on, leaving out the rules of the
// variables without says (nil: none left out); and every variable read.
func (m *model) closure(targets []*lnode, without func(int) bool) ([]*lnode, []int) {
	cons := append([]*lnode(nil), targets...)
	seen := map[int]bool{}
	seenNode := map[*lnode]bool{}
	var vars []int
	for i := 0; i < len(cons); i++ {
		cons[i].readVars(func(v int) {
			if seen[v] {
				return
			}
			seen[v] = true
			vars = append(vars, v)
			if without != nil && without(v) {
				return
			}
			for _, r := range m.rules(v) {
				if !seenNode[r] {
					seenNode[r] = true
					cons = append(cons, r)
				}
			}
		})
	}
	return cons, vars
}

// solve looks for values that make targets hold, calling found with each
// solution until it returns true. It reports whether one was accepted, and
// whether the search ran out of steps before it could tell.
func (m *model) solve(targets []*lnode, without func(int) bool, found func(solution) bool) (ok, exhausted bool) {
	cons, vars := m.closure(targets, without)
	return m.solveIn(cons, vars, found)
}

// solveIn is solve, given the closure of the targets.
func (m *model) solveIn(cons []*lnode, vars []int, found func(solution) bool) (ok, exhausted bool) {
	sr := &search{m: m, cons: cons, vars: vars, budget: searchBudget, found: found}
	all := make([]int, len(cons))
	for i := range all {
		all[i] = i
	}
	ok = sr.dfs(all, -1)
	for _, v := range vars {
		m.at[v] = -1
	}
	return ok, sr.exhausted
}

// dfs tries values below the current ones, given the constraints (by
// index) not known to hold above, and the variable set since (changed,
// or -1); true when a solution was accepted.
func (sr *search) dfs(open []int, changed int) bool {
	m := sr.m
	if sr.budget--; sr.budget < 0 {
		sr.exhausted = true
		return false
	}
	base := len(sr.open)
	defer func() { sr.open = sr.open[:base] }()
	if changed >= 0 {
		if sr.readers == nil { // made once the search goes below its first level, as most do not
			sr.readers = map[int][]int{}
			for i, c := range sr.cons {
				c.readVars(func(v int) { sr.readers[v] = append(sr.readers[v], i) })
			}
			sr.touched = make([]bool, len(sr.cons))
		}
		for _, i := range sr.readers[changed] {
			sr.touched[i] = true
		}
		defer func() {
			for _, i := range sr.readers[changed] {
				sr.touched[i] = false
			}
		}()
	}
	pick := -1
	var from *lnode // the first constraint not yet known, which pick is read by
	for _, i := range open {
		c := sr.cons[i]
		if changed < 0 || sr.touched[i] {
			x, known := m.eval(c)
			if known {
				if !truthy(x) {
					return false
				}
				continue
			}
		}
		sr.open = append(sr.open, i)
		if pick < 0 {
			// Of its open variables, one for an answer or a score before
			// one that follows from others (a flag, the verdict), which
			// defaults works out from them.
			c.readVars(func(v int) {
				if m.at[v] < 0 && (pick < 0 || m.vars[pick].derived() && !m.vars[v].derived()) {
					pick, from = v, c
				}
			})
		}
	}
	if pick < 0 {
		return sr.accept()
	}
	// Levels below append after these; a copy that moves them leaves
	// this slice as it is.
	still := sr.open[base:]
	if sr.defaults(still) {
		return true
	}
	// Values that make the constraint hold first, those that leave it
	// open next; those that make it false need no trying.
	var sure, maybe []int
	for k := range m.domain(pick) {
		m.at[pick] = int32(k)
		x, known := m.eval(from)
		switch {
		case known && truthy(x):
			sure = append(sure, k)
		case !known:
			maybe = append(maybe, k)
		}
	}
	for _, k := range append(sure, maybe...) {
		m.at[pick] = int32(k)
		if sr.dfs(still, pick) {
			m.at[pick] = -1
			return true
		}
		if sr.exhausted {
			break
		}
	}
	m.at[pick] = -1
	return false
}

// defaults tries the first candidate of every open variable that stands
// for an answer or a score, and for each that follows from others (a
// flag, whether there is an overall score, the verdict) what follows.
func (sr *search) defaults(pending []int) bool {
	m := sr.m
	var open, derived []int
	for _, v := range sr.vars {
		if m.at[v] < 0 {
			open = append(open, v)
			if m.vars[v].derived() {
				derived = append(derived, v)
				continue
			}
			m.at[v] = 0
		}
	}
	// Flags follow from answers, the overall score from scores, and the
	// verdict from all of them: in that order.
	for _, pass := range [][]vkind{{varFlag, varFlagAt}, {varHas}, {varVerdict}} {
		for _, v := range derived {
			lv := m.vars[v]
			if !slices.Contains(pass, lv.kind) {
				continue
			}
			m.at[v] = 0
			if lv.kind == varVerdict {
				for k := range m.s.Verdicts {
					if x, known := m.eval(m.reach(k)); known && truthy(x) {
						m.at[v] = int32(k)
						break
					}
				}
				continue
			}
			m.rules(v)
			if x, known := m.eval(lv.def); known {
				for k, d := range m.domain(v) {
					if d.b == truthy(x) {
						m.at[v] = int32(k)
					}
				}
			}
		}
	}
	ok := true
	for _, i := range pending { // the others hold already
		if x, known := m.eval(sr.cons[i]); !known || !truthy(x) {
			ok = false
			break
		}
	}
	if ok && sr.accept() {
		for _, v := range open {
			m.at[v] = -1
		}
		return true
	}
	for _, v := range open {
		m.at[v] = -1
	}
	return false
}

// accept offers the values as they stand; variables still open take
// their first candidate.
func (sr *search) accept() bool {
	m := sr.m
	sol := solution{}
	for _, v := range sr.vars {
		if m.at[v] >= 0 {
			sol[v] = m.at[v]
		}
	}
	if sr.found == nil {
		return true
	}
	return sr.found(sol)
}

// set makes the variables hold a solution's values, open ones the first
// candidate; clear undoes it.
func (m *model) set(sol solution) {
	for v, k := range sol {
		m.at[v] = k
	}
}

func (m *model) clear(sol solution) {
	for v := range sol {
		m.at[v] = -1
	}
}

// derived reports whether the variable stands for what follows from
// others: a flag, whether there is an overall score, the verdict.
func (v *lvar) derived() bool {
	switch v.kind {
	case varFlag, varFlagAt, varHas, varVerdict:
		return true
	}
	return false
}
