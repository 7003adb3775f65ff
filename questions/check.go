package questions

import "errors"

// Checked is what Check makes of a set: every problem Load would refuse it
// for, what is likely a mistake though the set works (warnings), and what
// its rules can and cannot reach.
type Checked struct {
	// Set is the set as far as it could be read; nil when the file is not
	// a set at all (not TOML, or none of a set's keys). It is ready to use
	// only when Errors is 0.
	Set *Set
	// Problems are the errors and the warnings, in the order of their lines.
	Problems []Problem

	v     *validator // what loaded the set: its lines and its compiled conditions
	logic *logic     // what Logic worked out
}

// Errors counts the problems that are not warnings.
func (c *Checked) Errors() int {
	n := 0
	for _, p := range c.Problems {
		if !p.Warning {
			n++
		}
	}
	return n
}

// Warnings counts the problems that are warnings.
func (c *Checked) Warnings() int { return len(c.Problems) - c.Errors() }

// CheckFile reads the set at path and checks it as Check does.
func CheckFile(path string) *Checked {
	src, err := readSet(path)
	if err != nil {
		return &Checked{Problems: problemsOf(err)}
	}
	c := Check(path, src)
	if c.v != nil && c.Set != nil {
		// The text is as large as the set, and a set without problems
		// never needs it again: should a line be wanted after all, the
		// file is read again, and used only if it is what was checked.
		hash := c.Set.Hash
		c.v.src = ""
		c.v.reread = func() string {
			b, err := readSet(path)
			if err != nil || setHash(b) != hash {
				return ""
			}
			return string(b)
		}
	}
	return c
}

// Check loads src as Load does and says everything it finds, errors and
// warnings together, each at its line.
func Check(name string, src []byte) *Checked {
	s, v, err := load(name, src)
	if err != nil {
		return &Checked{Problems: problemsOf(err)}
	}
	c := &Checked{Set: s, v: v}
	c.Problems = append(append(c.Problems, v.problems...), v.warnings...)
	c.Problems = capProblems(name, c.Problems)
	return c
}

func problemsOf(err error) []Problem {
	var e *Error
	if errors.As(err, &e) {
		return e.Problems
	}
	return []Problem{{Msg: err.Error()}}
}
