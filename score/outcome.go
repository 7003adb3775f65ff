package score

import "amends/questions"

// Outcome scores answers (question id to answer, as an answers file holds
// them) and says where they lead: what the logic check of amends check
// (questions.Checked.Logic) needs to try the ways it finds with real
// scoring.
func Outcome(s *questions.Set, values map[string]any) *questions.Outcome {
	asked, answered, _ := Plan(s, values)
	r := Score(s, &Answers{Set: s.ID, Version: s.Version, Values: values})
	out := &questions.Outcome{
		Answered: answered,
		Facts: questions.Facts{
			Dims:         map[string]float64{},
			Composite:    float64(r.Composite),
			HasComposite: r.HasComposite,
			Flags:        map[string]bool{},
			Verdict:      r.Verdict.ID,
		},
	}
	for _, q := range asked {
		out.Asked = append(out.Asked, q.ID)
	}
	for _, d := range r.Dimensions {
		if d.Scored {
			out.Facts.Dims[d.ID] = float64(d.Score)
		}
	}
	for _, f := range r.Flags {
		out.Facts.Flags[f.ID] = true
	}
	for _, p := range r.Phases {
		for _, st := range p.Steps {
			out.Steps = append(out.Steps, st.ID)
		}
	}
	for _, res := range r.Resources {
		out.Resources = append(out.Resources, res.ID)
	}
	return out
}
