// Package score turns one person's answers to a question set into a
// Result: which questions apply given the answers so far (Plan), the
// answers themselves as a file keeps them (Answers), and the scores,
// flags, verdict and next steps, each with its reasons (Score). It is
// pure: no terminal, and no file but the answers file it is asked to read.
//
// Imports go one way: questions ← score ← report ← quiz ← main.
package score

import (
	"math"
	"sort"

	"amends/internal/text"
	"amends/internal/words"
	"amends/questions"
)

// Plan works out which questions are asked, given the answers so far:
// those whose own condition and whose section's condition hold, each
// evaluated with the answers to the questions asked before it and the
// flags those answers raised. It returns the questions in asking order,
// the answers that count (valid answers to asked questions, normalised),
// and the flags raised.
func Plan(s *questions.Set, values map[string]any) (asked []*questions.Question, answered map[string]any, flags map[string]bool) {
	answered = map[string]any{}
	flags = map[string]bool{}
	// Flags with conditions are re-checked when a question they read is answered.
	watchers := map[string][]*questions.Flag{}
	for _, f := range s.Flags {
		if f.When == nil {
			continue
		}
		for _, id := range f.When.Questions() {
			watchers[id] = append(watchers[id], f)
		}
	}
	// One environment for the whole plan, brought up to date as each
	// answer comes in: its flagged and answered read the two maps above as
	// they change. Building one per answer made planning a large set take
	// time that grew with the square of its size.
	env := s.Env(answered, &questions.Facts{Flags: flags})
	current := func() *questions.Env { return env }
	for _, sec := range s.Sections {
		if !sec.When.Holds(current()) {
			continue
		}
		for _, q := range sec.Questions {
			if !q.When.Holds(current()) {
				continue
			}
			asked = append(asked, q)
			raw, ok := values[q.ID]
			if !ok {
				continue
			}
			v, err := s.Normalize(q, raw)
			if err != nil {
				continue
			}
			answered[q.ID] = v
			env.Answer(q.ID, v, s)
			for _, o := range chosen(q, v) {
				if o.Flag != "" {
					flags[o.Flag] = true
				}
			}
			for _, f := range watchers[q.ID] {
				flags[f.ID] = f.When.Holds(current())
			}
		}
	}
	return asked, answered, flags
}

// chosen returns the options an answer picks.
func chosen(q *questions.Question, v any) []*questions.Option {
	switch x := v.(type) {
	case string:
		if o := q.Option(x); o != nil && (q.Kind == questions.KindChoice) {
			return []*questions.Option{o}
		}
	case []string:
		var out []*questions.Option
		for _, val := range x {
			if o := q.Option(val); o != nil {
				out = append(out, o)
			}
		}
		return out
	}
	return nil
}

// Score turns answers into a Result by the rules of s. It is a pure
// function: the same set and answers give the same Result. Answers that do
// not fit their question, or belong to questions that were not asked, are
// left out rather than failing.
func Score(s *questions.Set, a *Answers) *Result {
	sc := &scorer{s: s, p: a.Words, w: s.BookFor(a.Words)}
	sc.asked, sc.answered, sc.flags = Plan(s, a.Values)
	r := &Result{
		Set: SetInfo{ID: s.ID, Title: sc.fill(s.Title), Version: s.Version, Hash: s.Hash, Disclaimer: sc.fill(s.Disclaimer),
			Bands: s.Scoring.Bands, Language: sc.w.Lang(),
			HasReadiness: s.Readiness.Stage != "" || s.Readiness.Importance != "" || s.Readiness.Confidence != "",
			Font:         s.FontPath()},
		Asked: len(sc.asked),
		Words: sc.w,
	}
	for _, q := range sc.asked {
		if v, ok := sc.answered[q.ID]; ok {
			r.Answered++
			r.Answers = append(r.Answers, sc.answer(q, v))
		}
	}
	sc.dimensions(r)
	sc.raisedFlags(r)
	sc.readiness(r)

	facts := &questions.Facts{Dims: sc.dims, Composite: float64(r.Composite), HasComposite: r.HasComposite, Flags: sc.flags}
	env := s.Env(sc.answered, facts)
	var passed []Rule
	for _, v := range s.Verdicts {
		if v.When.Holds(env) {
			r.Verdict = Verdict{ID: v.ID, Title: sc.fill(v.Title), Summary: sc.fill(v.Summary), Text: sc.fill(v.Text),
				Urgent: v.Urgent, QuietScores: v.QuietScores}
			if v.Because != "" {
				// The set's own reason; a catch-all also gives the
				// overall score the rules above it weighed.
				r.Verdict.Why = []string{sc.fill(v.Because)}
				if v.When == nil && r.HasComposite {
					r.Verdict.Why = append(r.Verdict.Why, sc.w.T("why_overall", "score", r.Composite))
				}
			} else {
				r.Verdict.Why = sc.why(v.When, env, r)
			}
			if len(r.Verdict.Why) == 0 && len(passed) > 0 {
				// A catch-all holds because nothing above it did; say so,
				// with the overall score that the rules above weighed.
				why := sc.w.T("why_catch_all")
				if r.HasComposite {
					why = sc.w.T("why_catch_all_overall", "score", r.Composite)
				}
				r.Verdict.Why = []string{why}
			}
			break
		}
		passed = append(passed, Rule{ID: v.ID, Title: sc.fill(v.Title)})
	}
	r.Verdict.Passed = passed

	facts.Verdict = r.Verdict.ID
	env = s.Env(sc.answered, facts)
	sc.steps(r, env)
	sc.resources(r, env)
	for _, p := range s.Honest {
		if p.When.Holds(env) {
			r.Honest = append(r.Honest, Paragraph{Title: sc.fill(p.Title), Text: sc.fill(p.Text)})
		}
	}
	return r
}

type scorer struct {
	s        *questions.Set
	p        questions.Picked
	w        *words.Book
	asked    []*questions.Question
	answered map[string]any
	flags    map[string]bool
	dims     map[string]float64 // scored dimensions, rounded as shown
	titles   map[string]string  // dimension id to its title, filled
}

func (sc *scorer) fill(text string) string { return sc.s.Fill(text, sc.p) }

func (sc *scorer) answer(q *questions.Question, v any) Answer {
	return Answer{Question: q.ID, Text: sc.fill(q.Text), Answer: sc.s.Display(q, v, sc.p), Value: v}
}

// itemScore is what one answer gives a dimension, 0..1, and whether it counts.
func (sc *scorer) itemScore(q *questions.Question, dim string, v any) (float64, bool) {
	switch q.Kind {
	case questions.KindScale, questions.KindNumber:
		if q.Dimension != dim {
			return 0, false
		}
		n, ok := v.(int)
		if !ok {
			return 0, false
		}
		lo, hi := sc.s.Range(q)
		if hi <= lo {
			return 0, false
		}
		x := float64(n-lo) / float64(hi-lo)
		if q.Reverse {
			x = 1 - x
		}
		return x, true
	case questions.KindChoice:
		str, _ := v.(string)
		o := q.Option(str)
		if o == nil {
			return 0, false
		}
		return q.Level(o, dim)
	}
	return 0, false
}

// feeds reports whether q can give points to dim.
func feeds(q *questions.Question, dim string) bool {
	switch q.Kind {
	case questions.KindScale, questions.KindNumber:
		return q.Dimension == dim
	case questions.KindChoice:
		for _, o := range q.Options {
			if _, ok := o.Points[dim]; ok {
				return true
			}
		}
	}
	return false
}

func (sc *scorer) dimensions(r *Result) {
	s := sc.s
	sc.dims = map[string]float64{}
	sc.titles = map[string]string{}
	var wsum, wtotal float64
	scored := 0
	for _, d := range s.Dimensions {
		ds := DimensionScore{ID: d.ID, Title: sc.fill(d.Title), About: sc.fill(d.About), Weight: d.Weight}
		sc.titles[d.ID] = ds.Title
		var sum, weights float64
		for _, q := range sc.asked {
			if !feeds(q, d.ID) {
				continue
			}
			ds.Asked++
			v, ok := sc.answered[q.ID]
			if !ok {
				continue
			}
			x, ok := sc.itemScore(q, d.ID, v)
			if !ok {
				continue
			}
			ds.Answered++
			sum += x * q.Weight
			weights += q.Weight
			ds.Items = append(ds.Items, Item{Question: q.ID, Text: sc.fill(q.Text), Answer: s.Display(q, v, sc.p), Points: int(math.Round(100 * x))})
		}
		if ds.Answered > 0 && weights > 0 && float64(ds.Answered) >= s.Scoring.MinAnswered*float64(ds.Asked) {
			score := 100 * sum / weights
			ds.Scored = true
			ds.Score = int(math.Round(score))
			sc.dims[d.ID] = float64(ds.Score)
			wsum += score * d.Weight
			wtotal += d.Weight
			scored++
			switch {
			case float64(ds.Score) < s.Scoring.Bands[0]:
				ds.Band = BandWeak
			case float64(ds.Score) < s.Scoring.Bands[1]:
				ds.Band = BandDeveloping
			default:
				ds.Band = BandStrong
			}
		} else {
			ds.Band = BandUnscored
		}
		if ds.Band == BandStrong {
			ds.Text = sc.fill(d.Strong)
			sort.SliceStable(ds.Items, func(i, j int) bool { return ds.Items[i].Points > ds.Items[j].Points })
		} else {
			ds.Text = sc.fill(d.Weak)
			sort.SliceStable(ds.Items, func(i, j int) bool { return ds.Items[i].Points < ds.Items[j].Points })
		}
		r.Dimensions = append(r.Dimensions, ds)
	}
	if scored > 0 && scored >= s.Scoring.MinDimensions && wtotal > 0 {
		r.HasComposite = true
		r.Composite = int(math.Round(wsum / wtotal))
	}
}

func (sc *scorer) raisedFlags(r *Result) {
	for _, f := range sc.s.Flags {
		if !sc.flags[f.ID] {
			continue
		}
		rf := RaisedFlag{ID: f.ID, Title: sc.fill(f.Title), Text: sc.fill(f.Text), Urgent: f.Urgent}
		for _, q := range sc.asked {
			v, ok := sc.answered[q.ID]
			if !ok {
				continue
			}
			for _, o := range chosen(q, v) {
				if o.Flag == f.ID {
					rf.By = append(rf.By, sc.answer(q, v))
					break
				}
			}
		}
		if f.When != nil {
			for _, id := range f.When.Questions() {
				if v, ok := sc.answered[id]; ok {
					rf.By = append(rf.By, sc.answer(sc.s.Question(id), v))
				}
			}
		}
		r.Flags = append(r.Flags, rf)
	}
}

func (sc *scorer) readiness(r *Result) {
	rd := sc.s.Readiness
	get := func(id string) *Answer {
		if id == "" {
			return nil
		}
		v, ok := sc.answered[id]
		if !ok {
			return nil
		}
		a := sc.answer(sc.s.Question(id), v)
		return &a
	}
	r.Readiness = Readiness{Stage: get(rd.Stage), Importance: get(rd.Importance), Confidence: get(rd.Confidence), Reflection: sc.fill(rd.Reflection)}
}

// why says in words what made a condition hold: the flags it asks about
// that are raised, the answers it reads, the scores it compares. Of a
// condition made of alternatives ("a || b"), only those that held count.
func (sc *scorer) why(c *questions.Cond, env *questions.Env, r *Result) []string {
	var out []string
	seen := map[string]bool{}
	add := func(s string) {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	for _, part := range c.Holding(env) {
		for _, id := range part.Flags() {
			if sc.flags[id] {
				add(sc.w.T("why_raised", "flag", sc.fill(sc.s.Flag(id).Title)))
			}
		}
		for _, id := range part.Affirmed() {
			q := sc.s.Question(id)
			if v, ok := sc.answered[id]; ok {
				add(sc.w.T("why_answered", "answer", sc.s.Display(q, v, sc.p), "question", text.OneLine(sc.fill(q.Text))))
			} else if contains(sc.asked, q) {
				add(sc.w.T("why_unanswered", "question", text.OneLine(sc.fill(q.Text))))
			}
		}
		for _, id := range part.Dimensions() {
			if score, ok := sc.dims[id]; ok {
				add(sc.w.T("why_dimension", "part", sc.titles[id], "score", int(math.RoundToEven(score))))
			} else {
				add(sc.w.T("why_unscored", "part", sc.titles[id]))
			}
		}
		if part.Reads("composite") && r.HasComposite {
			add(sc.w.T("why_overall", "score", r.Composite))
		}
		if part.Reads("has_composite") && !r.HasComposite {
			scored := 0
			for _, d := range r.Dimensions {
				if d.Scored {
					scored++
				}
			}
			add(sc.w.T("why_few_scored", "scored", scored, "n", len(r.Dimensions), "answered", r.Answered, "asked", r.Asked))
		}
	}
	return out
}

func contains(qs []*questions.Question, q *questions.Question) bool {
	for _, x := range qs {
		if x == q {
			return true
		}
	}
	return false
}

// resources fills the places to get help: every one whose condition
// holds or that a raised flag names, in the set's order; and Help, those
// the raised flags name, urgent flags first, in each flag's order.
func (sc *scorer) resources(r *Result, env *questions.Env) {
	s := sc.s
	named := map[string]bool{}
	for _, f := range s.Flags {
		if sc.flags[f.ID] {
			for _, id := range f.Resources {
				named[id] = true
			}
		}
	}
	shown := map[string]Resource{}
	for _, res := range s.Resources {
		holds := res.When.Holds(env)
		if res.When == nil && s.Named(res.ID) {
			holds = false // a resource that flags name goes with them
		}
		if holds || named[res.ID] {
			x := Resource{ID: res.ID, Title: sc.fill(res.Title), Text: sc.fill(res.Text),
				Phone: sc.fill(res.Phone), Site: sc.fill(res.Site), Hours: sc.fill(res.Hours)}
			r.Resources = append(r.Resources, x)
			shown[res.ID] = x
		}
	}
	seen := map[string]bool{}
	for _, urgent := range []bool{true, false} {
		for _, f := range s.Flags {
			if !sc.flags[f.ID] || f.Urgent != urgent {
				continue
			}
			for _, id := range f.Resources {
				if x, ok := shown[id]; ok && !seen[id] {
					seen[id] = true
					r.Help = append(r.Help, x)
				}
			}
		}
	}
	if len(r.Help) == 0 && r.Urgent() {
		r.Help = append(r.Help, r.Resources...)
	}
}

func (sc *scorer) steps(r *Result, env *questions.Env) {
	byPhase := map[string][]int{}
	for i, st := range sc.s.Steps {
		if st.When.Holds(env) {
			byPhase[st.Phase] = append(byPhase[st.Phase], i)
		}
	}
	for _, ph := range sc.s.Phases {
		idx := byPhase[ph.ID]
		if len(idx) == 0 {
			continue
		}
		sort.SliceStable(idx, func(a, b int) bool { return sc.s.Steps[idx[a]].Priority > sc.s.Steps[idx[b]].Priority })
		p := Phase{ID: ph.ID, Title: sc.fill(ph.Title)}
		for _, i := range idx {
			st := sc.s.Steps[i]
			because := sc.why(st.When, env, r)
			if st.Because != "" {
				because = []string{sc.fill(st.Because)}
			}
			p.Steps = append(p.Steps, Step{ID: st.ID, Text: sc.fill(st.Text), Because: because})
		}
		r.Phases = append(r.Phases, p)
	}
}
