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
	s.index = &index{
		questions:  map[string]*Question{},
		dimensions: map[string]*Dimension{},
		flags:      map[string]*Flag{},
		phases:     map[string]*Phase{},
		verdicts:   map[string]*Verdict{},
		resources:  map[string]*Resource{},
		named:      map[string]bool{},
	}
	s.order = s.order[:0]
	for _, sec := range s.Sections {
		for _, q := range sec.Questions {
			q.Section = sec
			q.Pos = len(s.order)
			s.order = append(s.order, q)
			add(s.index.questions, q.ID, q)
		}
	}
	for _, d := range s.Dimensions {
		add(s.index.dimensions, d.ID, d)
	}
	for _, f := range s.Flags {
		add(s.index.flags, f.ID, f)
	}
	for _, p := range s.Phases {
		add(s.index.phases, p.ID, p)
	}
	for _, v := range s.Verdicts {
		add(s.index.verdicts, v.ID, v)
	}
	for _, r := range s.Resources {
		add(s.index.resources, r.ID, r)
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

// add indexes x under id unless id is empty or taken.
func add[T any](m map[string]*T, id string, x *T) {
	if _, ok := m[id]; !ok && id != "" {
		m[id] = x
	}
}

// fillZero prepares every question's unanswered value, which Env copies.
func (s *Set) fillZero() {
	s.zero = make(map[string]any, len(s.order)+10)
	for _, q := range s.order {
		s.zero[q.ID] = zeroOf(q.Kind)
	}
}
