package questions

// index finds a set's items by id.
type index struct {
	questions  map[string]*Question
	dimensions map[string]*Dimension
	flags      map[string]*Flag
	phases     map[string]*Phase
	verdicts   map[string]*Verdict
	resources  map[string]*Resource
	named      map[string]bool // resources that a flag names
}

// link fills what a set derives from its decoded tables: the asking
// order, each question's section and position, the index by id, and the
// unanswered values. Load links before it validates, so that every id is
// known wherever it is used; Builtin links its snapshot the same way.
// Where an id is given twice (validation says so), the first counts.
func (s *Set) link() {
	s.order = s.order[:0]
	for _, sec := range s.Sections {
		for _, q := range sec.Questions {
			q.Section = sec
			q.Pos = len(s.order)
			s.order = append(s.order, q)
		}
	}
	s.index = &index{
		questions:  byID(s.order, func(q *Question) string { return q.ID }),
		dimensions: byID(s.Dimensions, func(d *Dimension) string { return d.ID }),
		flags:      byID(s.Flags, func(f *Flag) string { return f.ID }),
		phases:     byID(s.Phases, func(p *Phase) string { return p.ID }),
		verdicts:   byID(s.Verdicts, func(v *Verdict) string { return v.ID }),
		resources:  byID(s.Resources, func(r *Resource) string { return r.ID }),
		named:      map[string]bool{},
	}
	for _, f := range s.Flags {
		for _, id := range f.Resources {
			if s.index.resources[id] != nil {
				s.index.named[id] = true
			}
		}
	}
	s.fillZero()
}

// byID maps each item's id to the item; an empty id is left out, and of
// two items with the same id the first counts.
func byID[T any](items []*T, id func(*T) string) map[string]*T {
	m := make(map[string]*T, len(items))
	for _, x := range items {
		if k := id(x); k != "" && m[k] == nil {
			m[k] = x
		}
	}
	return m
}

// fillZero prepares every question's unanswered value, which Env copies.
// With them are the names conditions use for themselves, with values of
// their types: Env puts the real ones in place, and the compiler of the
// set's conditions checks their types against the same map.
func (s *Set) fillZero() {
	s.zero = make(map[string]any, len(s.order)+10)
	for _, q := range s.order {
		s.zero[q.ID] = zeroOf(q.Kind)
	}
	s.zero["dim"] = map[string]float64{}
	s.zero["composite"] = 0.0
	s.zero["has_composite"] = false
	s.zero["verdict"] = ""
	s.zero["flagged"] = func(string) bool { return false }
	s.zero["answered"] = func(string) bool { return false }
	s.zero["scored"] = func(string) bool { return false }
}
