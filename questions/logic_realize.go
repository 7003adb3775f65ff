package questions

import (
	"math"
	"slices"
)

// A way the search finds fixes the answers its rules read, and says what
// scores it needs; the rest of the answers are free. realize fills them to
// bring each score near what the way needs, scores the answers for real,
// and moves the scores it missed a few times before it gives up.

// realize returns answers that reach t along sol, and what they score,
// or nil.
func (l *logic) realize(t *target, sol solution) (*Outcome, map[string]any) {
	sol, spans := l.needed(t, sol)
	// Keep blank what t's own conditions read and the search left blank;
	// failing that, fill every blank.
	for _, strict := range []bool{true, false} {
		if out, answers := l.realizeWay(t, l.asWay(t, sol, strict), spans); out != nil {
			return out, answers
		}
	}
	return nil, nil
}

func (l *logic) realizeWay(t *target, sol solution, spans map[int]span) (*Outcome, map[string]any) {
	m := l.m
	want := map[string]span{} // dimension to the scores the way allows
	unscored := map[string]bool{}
	comp, hasComp, noComp := span{-1, -1}, false, false
	for v, k := range sol {
		x := m.domain(v)[k]
		switch m.vars[v].kind {
		case varDim:
			want[m.vars[v].dim] = spans[v]
		case varScored:
			if !x.b {
				unscored[m.vars[v].dim] = true
			}
		case varComposite:
			comp = spans[v]
		case varHas:
			hasComp, noComp = x.b, !x.b
		}
	}
	for d := range unscored {
		delete(want, d)
	}
	free := 0.5
	if comp.lo >= 0 && (hasComp || comp.lo > 0) {
		free = comp.mid() / 100
	}
	lam := map[string]float64{}
	for d, w := range want {
		lam[d] = w.mid() / 100
	}
	level := func(q *Question) float64 {
		dims := l.feeds(q)
		if len(dims) == 0 {
			return free
		}
		sum, n := 0.0, 0
		for _, d := range dims {
			if unscored[d] {
				return -1
			}
			if x, ok := lam[d]; ok {
				sum += x
			} else if noComp {
				return -1
			} else {
				sum += free
			}
			n++
		}
		return sum / float64(n)
	}
	// First aim at the middle of the scores the way allows, moving each
	// that misses; then try every other score high, low and between.
	sweep := []float64{0.85, 1, 0.6, 0.3, 0}
	for try := 0; try < 4+len(sweep); try++ {
		if try >= 4 {
			free = sweep[try-4]
		}
		answers := l.fill(sol, level, false)
		out := l.scored(answers)
		if out == nil {
			return nil, nil
		}
		if l.holds(t, out) {
			return out, answers
		}
		moved := false
		for d, w := range want {
			if got, ok := out.Facts.Dims[d]; ok && !w.has(got) {
				lam[d] = clamp01(lam[d] + (w.mid()-got)/100)
				moved = true
			}
		}
		if comp.lo >= 0 && out.Facts.HasComposite && !comp.has(out.Facts.Composite) {
			free = clamp01(free + (comp.mid()-out.Facts.Composite)/100)
			moved = true
		}
		if !moved && try < 4 {
			try = 3 // on to the sweep
		}
	}
	return nil, nil
}

// asWay keeps of sol what makes the way: every answer given, option
// picked and flag raised, the options t's own conditions read left
// unpicked and, when strict, the choices they read left blank; any other
// answer the search left blank because nothing needed it is left to fill.
func (l *logic) asWay(t *target, sol solution, strict bool) solution {
	m := l.m
	direct := l.closed.direct
	if l.closed.t != t || direct == nil {
		// What t reads, and what the flags, scores and verdict it reads
		// follow from; not what decides whether a question is asked.
		_, vars := m.closure(l.cons(t), func(v int) bool {
			k := m.vars[v].kind
			return k == varAnswer || k == varPicked
		})
		direct = map[int]bool{}
		for _, v := range vars {
			direct[v] = true
		}
		if l.closed.t == t {
			l.closed.direct = direct
		}
	}
	out := solution{}
	for v, k := range sol {
		x := m.domain(v)[k]
		lv := m.vars[v]
		switch lv.kind {
		case varAnswer:
			// A number left blank is seldom what a condition needs: one
			// near the scores the way needs serves as well, and feeds them.
			numeric := lv.q.Kind == KindScale || lv.q.Kind == KindNumber
			if !x.ans && (!direct[v] || numeric || !strict) {
				continue
			}
		case varPicked:
			if !x.b && !direct[v] {
				continue
			}
		}
		out[v] = k
	}
	return out
}

// span is the scores a way allows, from lo to hi.
type span struct{ lo, hi float64 }

func (s span) mid() float64       { return (s.lo + s.hi) / 2 }
func (s span) has(x float64) bool { return x >= s.lo && x <= s.hi }

// needed keeps of sol the scores t's constraints need, with the span of
// scores each allows, and the rest as it is: a score that could be
// anything without any constraint coming out false or unknown is left for
// the answers to decide.
func (l *logic) needed(t *target, sol solution) (solution, map[int]span) {
	m := l.m
	cons := l.closed.cons
	if l.closed.t != t {
		cons, _ = m.closure(l.cons(t), nil)
	}
	m.set(sol)
	defer m.clear(sol)
	all := func(cons []*lnode) bool {
		for _, c := range cons {
			if x, known := m.eval(c); !known || !truthy(x) {
				return false
			}
		}
		return true
	}
	// Everything holds with sol, as the search found it; with one score
	// changed, only what reads that score can change.
	whole := all(cons)
	readers := l.closed.readers
	if whole && (l.closed.t != t || readers == nil) {
		readers = map[int][]*lnode{}
		for _, c := range cons {
			c.readVars(func(v int) { readers[v] = append(readers[v], c) })
		}
		if l.closed.t == t {
			l.closed.readers = readers
		}
	}
	var v int // the score being changed
	holds := func() bool {
		if whole {
			return all(readers[v])
		}
		return all(cons)
	}
	out := solution{}
	spans := map[int]span{}
	for sv, k := range sol {
		v = sv
		switch kind := m.vars[v].kind; kind {
		case varDim, varComposite, varScored, varHas:
			m.at[v] = -1
			need := !holds()
			m.at[v] = k
			if !need {
				continue
			}
			if kind == varDim || kind == varComposite {
				sp := span{math.Inf(1), math.Inf(-1)}
				for j, x := range m.domain(v) {
					m.at[v] = int32(j)
					if holds() {
						sp.lo, sp.hi = math.Min(sp.lo, x.n), math.Max(sp.hi, x.n)
					}
				}
				m.at[v] = k
				spans[v] = sp
			}
		}
		out[v] = k
	}
	return out, spans
}

func clamp01(x float64) float64 { return math.Max(0, math.Min(1, x)) }

// holds reports whether an outcome reaches t.
func (l *logic) holds(t *target, out *Outcome) bool {
	switch t.reach.What {
	case "question":
		return slices.Contains(out.Asked, t.reach.ID)
	case "section":
		for _, id := range out.Asked {
			if q := l.s.Question(id); q != nil && q.Section != nil && q.Section.ID == t.reach.ID {
				return true
			}
		}
		return false
	case "flag":
		return out.Facts.Flags[t.reach.ID]
	case "urgent flag":
		vd := l.s.Verdict(out.Facts.Verdict)
		return out.Facts.Flags[t.reach.ID] && vd != nil && !vd.Urgent
	case "verdict":
		return out.Facts.Verdict == t.reach.ID
	case "step":
		return slices.Contains(out.Steps, t.reach.ID)
	case "resource":
		return slices.Contains(out.Resources, t.reach.ID)
	case "honest paragraph":
		for _, p := range l.s.Honest {
			if p.Title == t.reach.ID {
				return p.When.Holds(l.s.Env(out.Answered, &out.Facts))
			}
		}
	}
	return false
}

// feeds returns the dimensions an answer to q can score.
func (l *logic) feeds(q *Question) []string {
	switch q.Kind {
	case KindScale, KindNumber:
		if q.Dimension != "" {
			return []string{q.Dimension}
		}
	case KindChoice:
		var out []string
		for _, o := range q.Options {
			for d := range o.Points {
				if !slices.Contains(out, d) {
					out = append(out, d)
				}
			}
		}
		slices.Sort(out)
		return out
	}
	return nil
}

// fill returns answers: those sol fixes, and for every other question one
// near the level that level gives it (0 the lowest score, 1 the highest;
// below 0, none), never one that raises a flag. With blank, only sol's.
func (l *logic) fill(sol solution, level func(*Question) float64, blank bool) map[string]any {
	m := l.m
	answers := map[string]any{}
	fixed := map[string]bool{}
	picked := map[string][]string{}
	refused := map[string]bool{} // q\x00option the way leaves unpicked
	for v, k := range sol {
		lv := m.vars[v]
		x := m.domain(v)[k]
		switch lv.kind {
		case varAnswer:
			fixed[lv.q.ID] = true
			if x.ans {
				answers[lv.q.ID] = x.native(lv.q)
			}
		case varPicked:
			fixed[lv.q.ID] = true
			if x.b {
				picked[lv.q.ID] = append(picked[lv.q.ID], lv.opt)
			} else {
				refused[lv.q.ID+"\x00"+lv.opt] = true
			}
		}
	}
	for _, q := range l.s.order {
		if q.Kind == KindMulti && fixed[q.ID] {
			// The way's options in the question's order, whatever order
			// the solution gave them in, so that the answers are the same
			// from one run to the next.
			list := picked[q.ID]
			slices.SortFunc(list, func(a, b string) int { return q.optionIndex(a) - q.optionIndex(b) })
			if len(list) == 0 && (blank || level(q) < 0) {
				continue
			}
			// At least one option, and as many as the question asks for:
			// the way's, then options conditions ask about, then others;
			// never one the way leaves unpicked, nor one that raises a flag.
			lo, _ := l.s.Range(q)
			lo = max(lo, 1)
			for _, first := range []bool{true, false} {
				for _, o := range q.Options {
					if len(list) < lo && !slices.Contains(list, o.Value) && !refused[q.ID+"\x00"+o.Value] && o.Flag == "" && l.mentioned(q, o.Value) == first {
						list = append(list, o.Value)
					}
				}
			}
			if len(list) >= lo {
				answers[q.ID] = list
			}
			continue
		}
		if fixed[q.ID] || blank {
			continue
		}
		if a, ok := l.near(q, level(q)); ok {
			answers[q.ID] = a
		}
	}
	return answers
}

// optionIndex is the position of the option value among q's, or -1.
func (q *Question) optionIndex(value string) int {
	return slices.IndexFunc(q.Options, func(o *Option) bool { return o.Value == value })
}

// near returns an answer to q whose score is nearest x, from 0 (lowest)
// to 1 (highest); one without a flag, and none when x is below 0.
func (l *logic) near(q *Question, x float64) (any, bool) {
	if x < 0 {
		return nil, false
	}
	switch q.Kind {
	case KindScale, KindNumber:
		lo, hi := l.s.Range(q)
		if hi < lo {
			return nil, false
		}
		if q.Reverse {
			x = 1 - x
		}
		return lo + int(math.Round(x*float64(hi-lo))), true
	case KindChoice:
		dims := l.feeds(q)
		best, bestD := "", math.Inf(1)
		for _, o := range q.Options {
			if o.Flag != "" {
				continue
			}
			d := 0.0
			if len(dims) == 0 && !l.mentioned(q, o.Value) {
				d = 1 // of options that score nothing, one a condition asks about
			}
			for _, dim := range dims {
				lv, ok := q.Level(o, dim)
				if !ok {
					d += 0.5
					continue
				}
				d += math.Abs(lv - x)
			}
			if d < bestD {
				best, bestD = o.Value, d
			}
		}
		return best, best != ""
	case KindMulti:
		lo, _ := l.s.Range(q)
		lo = max(lo, 1)
		var list []string
		for _, first := range []bool{true, false} { // options conditions ask about first
			for _, o := range q.Options {
				if len(list) < lo && o.Flag == "" && l.mentioned(q, o.Value) == first {
					list = append(list, o.Value)
				}
			}
		}
		return list, len(list) >= lo
	case KindText:
		return "some words", true
	}
	return nil, false
}

// mentioned reports whether a condition compares q with option value o.
func (l *logic) mentioned(q *Question, o string) bool {
	if q.Kind == KindMulti {
		_, ok := l.m.index["p:"+q.ID+"\x00"+o]
		return ok
	}
	if i, ok := l.m.index["a:"+q.ID]; ok {
		return slices.Contains(l.m.vars[i].strs, o)
	}
	return false
}
