package questions

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// Outcome is what scoring makes of one set of answers, as much of it as
// the logic check needs to see where those answers lead.
type Outcome struct {
	Asked     []string       // the ids of the questions asked, in order
	Answered  map[string]any // the answers that count, as conditions read them
	Facts     Facts          // the flags raised, the scores, the verdict
	Steps     []string       // the ids of the next steps shown
	Resources []string       // the ids of the places to get help shown
}

// Scorer scores answers to s. Scoring is package score's job, so the
// logic check is given one (score.Outcome) rather than doing it again.
type Scorer func(s *Set, answers map[string]any) *Outcome

// Reach says whether one part of a set can ever be reached, and how.
type Reach struct {
	What string // "section", "question", "flag", "verdict", "step", "resource" or "honest paragraph"
	ID   string // its id; an honest paragraph's title
	Line int
	// Reached is set when answers were found that reach it; Way says, in
	// the set's terms, what in them does, and Answers are those answers
	// (nil when the set has errors and nothing could be scored).
	Reached bool
	Way     string
	Answers map[string]any
	// Never says why no answers can reach it, when that is so.
	Never string
	// Unsure is set when the check could not tell: too many ways to try,
	// or a way through the scores that no answers it tried would take.
	Unsure bool
}

// target is one thing the logic check tries to reach. A large set has
// one for each of its many questions, so what only a few need is apart.
type target struct {
	reach Reach  // what it is (What, ID), and what the check found
	path  string // where it stands in the set
	own   *lnode // its own condition; for a section or question, made when first needed (see logic.own)
	sec   *Section
	q     *Question
	cond  *Cond // what says when it holds, for describing a way
	skip  bool  // its condition is in error: said already
	noWay bool  // the search found a way, but no answers tried took it
	more  *targetMore
}

// targetMore is what a verdict or an urgent flag has beyond a target.
type targetMore struct {
	before     []*lnode // verdicts: the conditions of the verdicts before it, which must not hold
	extra      []*lnode // anything else that must hold
	verdict    *Verdict
	urgentFlag *Flag  // for the check that an urgent flag gets an urgent verdict
	endVerdict string // the verdict a way that raised urgentFlag ended in
}

// urgent is the urgent flag t is the check of, or nil.
func (t *target) urgent() *Flag {
	if t.more == nil {
		return nil
	}
	return t.more.urgentFlag
}

// before is the conditions of the verdicts before t, when t is one.
func (t *target) before() []*lnode {
	if t.more == nil {
		return nil
	}
	return t.more.before
}

func (l *logic) cons(t *target) []*lnode {
	out := []*lnode{l.own(t)}
	if t.more != nil {
		out = append(out, t.more.extra...)
	}
	for _, b := range t.before() {
		out = append(out, not(b))
	}
	return out
}

// targetKey finds a target by what it is and its id.
type targetKey struct{ what, id string }

// logic works out what a set's rules can reach.
type logic struct {
	s       *Set
	v       *validator
	m       *model
	score   Scorer
	targets []*target
	byKey   map[targetKey]*target // all but the questions, which are many,
	byQ     map[string]*target    // and are found by their ids alone
	tries   int                   // answers scored so far
	budget  int                   // how many may be
	closed  closed
}

// closed is what the target being worked on reads, with its rules: all of
// them (cons), which of them read each variable (readers; see needed),
// and the variables but those that decide what is asked (direct; see
// asWay), each worked out once for the target.
type closed struct {
	t       *target
	cons    []*lnode
	readers map[int][]*lnode
	direct  map[int]bool
}

// maxScored bounds how many sets of answers the check scores for a set of
// up to scoredSize questions; a larger set, each scoring of which costs
// more, gets fewer, so that the time stays about the same.
const (
	maxScored  = 400
	scoredSize = 500
)

// scoreBudget is how many sets of answers the check may score for s.
func scoreBudget(s *Set) int {
	if n := len(s.order); n > scoredSize {
		return max(20, maxScored*scoredSize/n)
	}
	return maxScored
}

// Logic works out, from the set alone, which of its sections, questions,
// flags, verdicts, steps, resources and honest paragraphs can ever be
// reached, with answers that reach each or the reason none can, and adds
// what it finds to c's problems: an error for what is surely wrong (a
// verdict never reached, an urgent flag that can end in a verdict that is
// not urgent), a warning for what can never be shown. score tries the
// ways found through scores with real answers; with a set that has
// errors, nothing is scored and only what can be proved is said.
func (c *Checked) Logic(score Scorer) {
	if c.Set == nil || c.v == nil || c.v.cc == nil {
		return
	}
	if c.Errors() > 0 {
		score = nil // scoring a set in error is not safe to trust
	}
	l := &logic{s: c.Set, v: c.v, m: newModel(c.Set, c.v.cc), score: score, byKey: map[targetKey]*target{}, byQ: make(map[string]*target, len(c.Set.order)), budget: scoreBudget(c.Set)}
	l.build()
	l.baseline()
	for _, t := range l.targets {
		if !t.skip && !t.reach.Reached {
			l.work(t)
		}
	}
	c.logic = l
	c.Problems = capProblems(c.Set.Name, append(c.Problems, l.findings()...))
	// What Reach says is worked out; the model, as large as the set's
	// rules, need not be kept with it.
	l.m, l.byKey, l.byQ = nil, nil, nil
	for _, t := range l.targets {
		t.own = nil
		if t.more != nil {
			t.more.before, t.more.extra = nil, nil
		}
	}
}

// Reach lists, once Logic has run, every section, question, flag,
// verdict, step, resource and honest paragraph of the set, in that order,
// with a way to reach it or why there is none.
func (c *Checked) Reach() []Reach {
	if c.logic == nil {
		return nil
	}
	var out []Reach
	for _, t := range c.logic.targets {
		if t.urgent() == nil && !t.skip {
			r := t.reach
			r.Line = c.logic.line(t)
			out = append(out, r)
		}
	}
	return out
}

// line is the line of t's condition, or of t when it has none. Lines are
// found only when asked for: a large set that is fine never needs them.
func (l *logic) line(t *target) int {
	if t.reach.Line == 0 {
		t.reach.Line = l.v.lines().line(t.path)
		if t.cond != nil {
			if wl, ok := l.v.lines().lines[join(t.path, "when")]; ok {
				t.reach.Line = wl
			}
		}
	}
	return t.reach.Line
}

func (l *logic) add(what, id string, t *target) {
	t.reach.What, t.reach.ID = what, id
	l.targets = append(l.targets, t)
	if what == "question" {
		l.byQ[id] = t
	} else {
		l.byKey[targetKey{what, id}] = t
	}
}

// find returns the target what with id, or nil.
func (l *logic) find(what, id string) *target {
	if what == "question" {
		return l.byQ[id]
	}
	return l.byKey[targetKey{what, id}]
}

// broken reports whether c is a condition in error, which the check
// leaves to the message said of it.
func broken(c *Cond) bool { return c != nil && c.prog == nil }

// build makes a target of everything a set can show.
func (l *logic) build() {
	s, m := l.s, l.m
	// Every condition once in the model first, so that the numbers each
	// is compared with are known before any variable is tried.
	s.eachCond(func(c *Cond, ctx context, before int) {
		v := endView
		if ctx == inQuiz && before >= 0 {
			v = lview{flagsAt: before, cutoff: before}
		}
		m.cond(c, v)
	})
	// Those nodes, as many as the set has parts of conditions, are made
	// again as they are needed: most sections and questions are reached
	// by the baseline's answers, and a large set is large.
	// A condition in error stays: it is a variable of its own.
	maps.DeleteFunc(m.cache, func(k condView, _ *lnode) bool { return k.c.node != nil && k.c.prog != nil })
	for i, sec := range s.Sections {
		if len(sec.Questions) == 0 {
			continue
		}
		path := fmt.Sprintf("section.%d", i)
		l.add("section", sec.ID, &target{path: path, sec: sec,
			cond: sec.When, skip: broken(sec.When) || l.v.neverSaid[path]})
		for j, q := range sec.Questions {
			qpath := questionPath(i, j)
			l.add("question", q.ID, &target{path: qpath, sec: sec, q: q, cond: q.When,
				skip: broken(q.When) || broken(sec.When) || l.v.neverSaid[qpath] || l.v.neverSaid[path]})
		}
	}
	for i, f := range s.Flags {
		l.add("flag", f.ID, &target{path: fmt.Sprintf("flag.%d", i), own: m.varNode(m.flagVar(f, endView)), skip: broken(f.When)})
	}
	var earlier []*lnode
	for i, vd := range s.Verdicts {
		own := m.cond(vd.When, endView)
		l.add("verdict", vd.ID, &target{path: fmt.Sprintf("verdict.%d", i), own: own,
			cond: vd.When, more: &targetMore{before: slices.Clone(earlier), verdict: vd}, skip: broken(vd.When)})
		earlier = append(earlier, own)
	}
	for i, st := range s.Steps {
		l.add("step", st.ID, &target{path: fmt.Sprintf("step.%d", i), own: m.cond(st.When, endView), cond: st.When, skip: broken(st.When)})
	}
	for i, r := range s.Resources {
		own := m.cond(r.When, endView)
		if s.Named(r.ID) {
			var ways []*lnode
			if r.When != nil {
				ways = append(ways, own)
			}
			for _, f := range s.Flags {
				if slices.Contains(f.Resources, r.ID) {
					ways = append(ways, m.varNode(m.flagVar(f, endView)))
				}
			}
			own = or(ways...)
		}
		l.add("resource", r.ID, &target{path: fmt.Sprintf("resource.%d", i), own: own, cond: r.When, skip: broken(r.When)})
	}
	for i, p := range s.Honest {
		l.add("honest paragraph", p.Title, &target{path: fmt.Sprintf("honest.%d", i), own: m.cond(p.When, endView), cond: p.When, skip: broken(p.When)})
	}
	// An urgent flag must always end in an urgent verdict: look for a way
	// to raise it and reach none of them (the last verdict always holds,
	// so then one that is not urgent is reached).
	var notUrgent []*lnode
	calm := false
	for k, vd := range s.Verdicts {
		if vd.Urgent {
			notUrgent = append(notUrgent, not(m.reach(k)))
		} else {
			calm = true
		}
	}
	if calm {
		for i, f := range s.Flags {
			if !f.Urgent {
				continue
			}
			l.add("urgent flag", f.ID, &target{path: fmt.Sprintf("flag.%d", i), own: m.varNode(m.flagVar(f, endView)),
				more: &targetMore{extra: notUrgent, urgentFlag: f}, skip: broken(f.When)})
		}
	}
}

// own is t's own condition in the model.
func (l *logic) own(t *target) *lnode {
	if t.own == nil {
		first := t.sec.Questions[0].Pos
		if t.q != nil {
			t.own = l.m.asked(t.q)
		} else {
			t.own = l.m.cond(t.sec.When, lview{flagsAt: first, cutoff: first})
		}
	}
	return t.own
}

// needsScores reports whether reaching t depends on scores, the one
// thing the model leaves free: only then must a way be tried for real.
func (l *logic) needsScores(t *target) bool {
	switch t.reach.What {
	case "section", "question", "flag":
		return false
	}
	return true
}

// work decides one target: a way to reach it, or why there is none.
func (l *logic) work(t *target) {
	var last solution
	realized := false
	tries := 0
	// The rules the search takes along are the same for every way it
	// finds: worked out once, for the search and for realize.
	cons, vars := l.m.closure(l.cons(t), nil)
	l.closed = closed{t: t, cons: cons}
	defer func() { l.closed = closed{} }()
	ok, exhausted := l.m.solveIn(cons, vars, func(sol solution) bool {
		last = sol
		if l.score == nil {
			return true
		}
		tries++
		if out, answers := l.realize(t, sol); out != nil {
			realized = true
			l.mark(answers, out)
			return true
		}
		return tries >= 6 || l.tries >= l.budget
	})
	r := &t.reach
	switch {
	case ok && (realized || l.score == nil):
		if !r.Reached {
			r.Reached = true
			r.Way = l.describeSolution(t, last)
			if f := t.urgent(); f != nil {
				t.more.endVerdict, r.Way = l.verdictIn(last), l.describeRaise(f, last)
			}
		}
	case ok || exhausted:
		r.Unsure = true
		// A way in the model, but no answers found that take it: worth a
		// warning only when the answers tried were not cut short.
		t.noWay = ok && l.tries < l.budget
	case t.urgent() != nil:
		// As it should be: nothing to explain.
	default:
		r.Never = l.whyNot(t)
	}
}

// baseline scores a few sets of answers chosen without any target in
// mind, each of which reaches much of a set at once: the search is left
// only what they miss.
func (l *logic) baseline() {
	if l.score == nil {
		return
	}
	levels := []float64{0.5, 1, 0, -1}
	if len(l.s.order) > scoredSize {
		levels = []float64{1, -1} // each costs more; the search does the rest
	}
	for _, level := range levels {
		answers := l.fill(nil, func(*Question) float64 { return level }, level < 0)
		if out := l.scored(answers); out != nil {
			l.mark(answers, out)
		}
	}
}

// scored scores answers, within the check's budget.
func (l *logic) scored(answers map[string]any) *Outcome {
	if l.tries >= l.budget {
		return nil
	}
	l.tries++
	return l.score(l.s, answers)
}

// mark notes every target the outcome of answers reaches.
func (l *logic) mark(answers map[string]any, out *Outcome) {
	env := l.s.Env(out.Answered, &out.Facts)
	reached := func(what, id string) {
		if t := l.find(what, id); t != nil && !t.reach.Reached {
			t.reach.Reached = true
			t.reach.Answers = answers // shared by all it reaches; nothing changes it
			t.reach.Way = l.describeOutcome(t, out, env)
		}
	}
	asked := map[*Section]bool{}
	for _, id := range out.Asked {
		if q := l.s.Question(id); q != nil {
			reached("question", id)
			if q.Section != nil && !asked[q.Section] {
				asked[q.Section] = true
				reached("section", q.Section.ID)
			}
		}
	}
	for _, f := range l.s.Flags {
		if out.Facts.Flags[f.ID] {
			reached("flag", f.ID)
		}
	}
	reached("verdict", out.Facts.Verdict)
	if vd := l.s.Verdict(out.Facts.Verdict); vd != nil && !vd.Urgent {
		for _, f := range l.s.Flags {
			if t := l.find("urgent flag", f.ID); t != nil && f.Urgent && out.Facts.Flags[f.ID] && !t.reach.Reached {
				t.more.endVerdict = vd.ID
				reached("urgent flag", f.ID)
			}
		}
	}
	for _, id := range out.Steps {
		reached("step", id)
	}
	for _, id := range out.Resources {
		reached("resource", id)
	}
	for _, p := range l.s.Honest {
		if p.When.Holds(env) {
			reached("honest paragraph", p.Title)
		}
	}
}

// findings turns what the check worked out into problems.
func (l *logic) findings() []Problem {
	var out []Problem
	add := func(t *target, warning bool, format string, a ...any) {
		out = append(out, Problem{File: l.s.Name, Line: l.line(t), Msg: l.v.where(t.path) + fmt.Sprintf(format, a...), Warning: warning})
	}
	for _, t := range l.targets {
		r := &t.reach
		if t.skip {
			continue
		}
		if t.urgent() != nil {
			if r.Reached {
				if t.more.endVerdict == "" {
					t.more.endVerdict = l.verdictOf(r)
				}
				add(t, false, "this urgent flag can be raised (%s) and still end in verdict %q, which is not urgent; give it an urgent verdict, before the others, whose condition asks flagged(%q)",
					r.Way, t.more.endVerdict, r.ID)
			}
			continue
		}
		if r.Reached || (r.Unsure && !l.needsScores(t)) {
			continue
		}
		if r.Unsure {
			if t.noWay && l.score != nil && t.reach.What != "section" {
				add(t, true, "found no answers that reach this %s; its condition may ask for scores that cannot go together", t.reach.What)
			}
			continue
		}
		switch t.reach.What {
		case "verdict":
			if t.more.verdict.Urgent {
				add(t, false, "this urgent verdict is never reached: %s; the answers it is meant for get a verdict that is not urgent", r.Never)
			} else {
				add(t, false, "this verdict is never reached: %s", r.Never)
			}
		case "section", "question":
			add(t, true, "this %s is never asked: %s", t.reach.What, r.Never)
		case "flag":
			add(t, true, "this flag is never raised: %s", r.Never)
		default:
			add(t, true, "this %s is never shown: %s", t.reach.What, r.Never)
		}
	}
	// A phase whose every step can never be shown is never shown either.
	for i, p := range l.s.Phases {
		steps, never := 0, 0
		for _, t := range l.targets {
			if t.reach.What == "step" && l.s.Steps[stepIndex(t.path)].Phase == p.ID {
				steps++
				if t.reach.Never != "" {
					never++
				}
			}
		}
		if steps > 0 && never == steps {
			path := fmt.Sprintf("phase.%d", i)
			out = append(out, Problem{File: l.s.Name, Line: l.v.lines().line(path), Msg: l.v.where(path) + "no step of this phase can ever be shown, so neither can the phase", Warning: true})
		}
	}
	return out
}

func stepIndex(path string) int {
	var i int
	fmt.Sscanf(path, "step.%d", &i)
	return i
}

// verdictOf is the verdict a way that raised an urgent flag ended in.
func (l *logic) verdictOf(r *Reach) string {
	if out := l.scoredAgain(r.Answers); out != nil {
		return out.Facts.Verdict
	}
	return ""
}

func (l *logic) scoredAgain(answers map[string]any) *Outcome {
	if answers == nil || l.score == nil {
		return nil
	}
	return l.score(l.s, answers)
}

// verdictIn is the verdict a solution of the model reaches: the first
// that it makes hold.
func (l *logic) verdictIn(sol solution) string {
	l.m.set(sol)
	defer l.m.clear(sol)
	for k, vd := range l.s.Verdicts {
		if x, known := l.m.eval(l.m.reach(k)); known && truthy(x) {
			return vd.ID
		}
	}
	return ""
}

// describeRaise says which answer in a solution raises flag f.
func (l *logic) describeRaise(f *Flag, sol solution) string {
	for v, k := range sol {
		lv := l.m.vars[v]
		x := l.m.domain(v)[k]
		switch {
		case lv.kind == varAnswer && x.ans && lv.q.Kind == KindChoice:
			if o := lv.q.Option(x.s); o != nil && o.Flag == f.ID {
				return l.describeAnswer(lv.q.ID, x.s)
			}
		case lv.kind == varPicked && x.b:
			if o := lv.q.Option(lv.opt); o != nil && o.Flag == f.ID {
				return fmt.Sprintf("%q in %s", o.Value, lv.q.ID)
			}
		}
	}
	return fmt.Sprintf("flagged(%q)", f.ID)
}

// describeOutcome says what in an outcome makes t's condition hold: the
// answers, flags, scores and verdict read by the parts of it that hold.
func (l *logic) describeOutcome(t *target, out *Outcome, env *Env) string {
	switch t.reach.What {
	case "urgent flag":
		return l.describeFlag(t.reach.ID, out)
	case "flag":
		return l.describeFlag(t.reach.ID, out)
	}
	if t.cond == nil {
		if t.reach.What == "verdict" {
			return "when no verdict before it holds"
		}
		if q := l.s.Question(t.reach.ID); t.reach.What == "question" && q != nil && q.Section != nil && q.Section.When != nil {
			return "whenever its section is asked"
		}
		if t.reach.What == "resource" && l.s.Named(t.reach.ID) {
			return l.describeNamed(t.reach.ID, out)
		}
		return "always"
	}
	var parts []string
	seen := map[string]bool{}
	add := func(s string) {
		if !seen[s] {
			seen[s] = true
			parts = append(parts, s)
		}
	}
	for _, part := range t.cond.Holding(env) {
		for _, id := range part.Flags() {
			if out.Facts.Flags[id] {
				add(fmt.Sprintf("flagged(%q)", id))
			} else {
				add(fmt.Sprintf("not flagged(%q)", id))
			}
		}
		for _, id := range part.Questions() {
			add(l.describeAnswer(id, out.Answered[id]))
		}
		for _, id := range part.Dimensions() {
			if x, ok := out.Facts.Dims[id]; ok {
				add(fmt.Sprintf("dim.%s = %s", id, ftoa(x)))
			} else {
				add(fmt.Sprintf("dim.%s not scored", id))
			}
		}
		if part.Reads("composite") {
			if out.Facts.HasComposite {
				add(fmt.Sprintf("composite = %s", ftoa(out.Facts.Composite)))
			}
		}
		if part.Reads("has_composite") && !out.Facts.HasComposite {
			add("no overall score")
		}
		if part.Reads("verdict") {
			add(fmt.Sprintf("verdict %q", out.Facts.Verdict))
		}
	}
	if len(parts) == 0 {
		return "always"
	}
	return strings.Join(parts, ", ")
}

func (l *logic) describeFlag(id string, out *Outcome) string {
	for _, qid := range out.Asked {
		q := l.s.Question(qid)
		v, ok := out.Answered[qid]
		if q == nil || !ok {
			continue
		}
		for _, o := range q.Options {
			if o.Flag != id {
				continue
			}
			if x, isStr := v.(string); isStr && x == o.Value {
				return l.describeAnswer(qid, v)
			}
			if xs, isList := v.([]string); isList && slices.Contains(xs, o.Value) {
				return fmt.Sprintf("%q in %s", o.Value, qid)
			}
		}
	}
	if f := l.s.Flag(id); f != nil && f.When != nil {
		return "its condition holds: " + oneLineSrc(f.When.Src)
	}
	return ""
}

func (l *logic) describeNamed(id string, out *Outcome) string {
	for _, f := range l.s.Flags {
		if out.Facts.Flags[f.ID] && slices.Contains(f.Resources, id) {
			return fmt.Sprintf("flagged(%q)", f.ID)
		}
	}
	return "its condition holds"
}

func (l *logic) describeAnswer(id string, v any) string {
	switch x := v.(type) {
	case nil:
		return id + " unanswered"
	case string:
		return fmt.Sprintf("%s = %q", id, x)
	case []string:
		q := make([]string, len(x))
		for i, e := range x {
			q[i] = fmt.Sprintf("%q", e)
		}
		return fmt.Sprintf("%s = [%s]", id, strings.Join(q, ", "))
	}
	return fmt.Sprintf("%s = %v", id, v)
}

// describeSolution says what in a solution of the model makes t hold,
// for a set whose answers cannot be scored.
func (l *logic) describeSolution(t *target, sol solution) string {
	var parts []string
	var read []int
	l.own(t).readVars(func(v int) { read = append(read, v) })
	for _, i := range read {
		k, ok := sol[i]
		if !ok {
			continue
		}
		v := l.m.vars[i]
		x := l.m.domain(i)[k]
		switch v.kind {
		case varAnswer:
			if !x.ans {
				parts = append(parts, v.q.ID+" unanswered")
			} else {
				parts = append(parts, l.describeAnswer(v.q.ID, x.native(v.q)))
			}
		case varPicked:
			if x.b {
				parts = append(parts, fmt.Sprintf("%q in %s", v.opt, v.q.ID))
			}
		case varFlag, varFlagAt:
			if x.b {
				parts = append(parts, fmt.Sprintf("flagged(%q)", v.flag.ID))
			} else {
				parts = append(parts, fmt.Sprintf("not flagged(%q)", v.flag.ID))
			}
		case varDim:
			parts = append(parts, fmt.Sprintf("dim.%s = %s", v.dim, ftoa(x.n)))
		case varComposite:
			parts = append(parts, "composite = "+ftoa(x.n))
		case varVerdict:
			parts = append(parts, fmt.Sprintf("verdict %q", x.s))
		}
	}
	if len(parts) == 0 {
		return "always"
	}
	return strings.Join(parts, ", ")
}

func oneLineSrc(s string) string { return strings.Join(strings.Fields(s), " ") }
