package questions

import (
	"fmt"
	"slices"
	"strings"

	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/checker"
	"github.com/expr-lang/expr/parser"
)

// A set may name a condition once, in its [conditions] table, and use the
// name in any condition, so that it says each rule once:
//
//	[conditions]
//	unsafe = 'flagged("violence") || flagged("threats")'
//
//	when = '!unsafe && composite >= 70'
//
// A condition that uses a name is checked as if the named condition stood
// there, in brackets: where it stands decides what it may read, and a
// named condition may use others. Its own mistakes are said once, at its
// line.

// namedInfo is what a named condition is, worked out once per set.
type namedInfo struct {
	problems []string  // its own mistakes, said at its definition
	need     context   // the widest place a name it reads needs
	last     *Question // of the questions it reads, the one asked last
	flags    bool      // it asks about flags
}

// named returns what the named condition name is, or nil when the set
// has no such name. stack holds the names being worked out, for cycles.
func (cc *condCompiler) named(name string, stack []string) *namedInfo {
	c := cc.set.Conditions[name]
	if c == nil {
		return nil
	}
	if info, ok := cc.names[name]; ok {
		return info
	}
	info := &namedInfo{}
	if cc.names == nil {
		cc.names = map[string]*namedInfo{}
	}
	cc.names[name] = info // while it is worked out, so that a cycle ends
	saved := cc.budget
	cc.budget = maxInlinedNodes
	tree, problems := cc.parseNamed(name, append(stack, name))
	cc.budget = saved
	if len(problems) > 0 {
		info.problems = problems
		return info
	}
	probe := &Cond{Src: c.Src}
	w := &refWalker{cc: cc, ctx: inReport, before: -1, c: probe, seen: map[string]bool{}, callees: callees(tree.Node)}
	ast.Walk(&tree.Node, w)
	if len(w.problems) > 0 {
		info.problems = w.problems
		return info
	}
	if _, err := checker.Check(tree, cc.config); err != nil {
		info.problems = []string{"condition “" + oneLineSrc(c.Src) + "”: " + notBool(err, tree.Node)}
		return info
	}
	info.problems = w.later
	info.flags = len(probe.flags) > 0
	for _, id := range probe.questions {
		if q := cc.set.index.questions[id]; q != nil && (info.last == nil || q.Pos > info.last.Pos) {
			info.last = q
		}
	}
	ast.Walk(&tree.Node, visitFunc(func(n *ast.Node) {
		if id, ok := (*n).(*ast.IdentifierNode); ok && !w.callees[id] {
			if need, ok := builtinNames[id.Value]; ok && need > info.need {
				info.need = need
			}
		}
		if call, ok := (*n).(*ast.CallNode); ok {
			if id, ok := call.Callee.(*ast.IdentifierNode); ok {
				if need, ok := builtinNames[id.Value]; ok && need > info.need {
					info.need = need
				}
			}
		}
	}))
	return info
}

// parseNamed parses the named condition name, with the names it uses in
// their turn put in their place.
func (cc *condCompiler) parseNamed(name string, stack []string) (*parser.Tree, []string) {
	src := strings.TrimSpace(cc.set.Conditions[name].Src)
	if src == "" {
		return nil, []string{"condition is empty"}
	}
	if p := limitSource(src); p != "" {
		return nil, []string{p}
	}
	tree, err := cc.parseName(name, src)
	if err != nil {
		return nil, []string{"condition “" + oneLineSrc(src) + "”: " + exprMessage(err)}
	}
	if p := cc.spend(tree.Node, stack); p != "" {
		return nil, []string{p}
	}
	var problems []string
	cc.inline(&tree.Node, stack, func(p string) {
		if !slices.Contains(problems, p) {
			problems = append(problems, p)
		}
	})
	return tree, problems
}

// inline puts each named condition root uses in its place. fail is told
// of a name that leads back to itself.
func (cc *condCompiler) inline(root *ast.Node, stack []string, fail func(string)) {
	if len(cc.set.Conditions) == 0 {
		return
	}
	calls := callees(*root)
	ast.Walk(root, visitFunc(func(n *ast.Node) {
		id, ok := (*n).(*ast.IdentifierNode)
		if !ok || calls[id] || cc.set.Conditions[id.Value] == nil {
			return
		}
		if i := slices.Index(stack, id.Value); i >= 0 {
			fail(fmt.Sprintf("condition %q uses itself, through %s", stack[0], strings.Join(append(slices.Clone(stack[i:]), id.Value), " → ")))
			return
		}
		tree, problems := cc.parseNamed(id.Value, append(stack, id.Value))
		if len(problems) > 0 {
			if len(stack) > 0 {
				for _, p := range problems {
					if strings.Contains(p, "uses itself") || isLimitProblem(p) {
						fail(p)
					}
				}
			} else {
				for _, p := range problems {
					if isLimitProblem(p) {
						fail(p) // the uses together, not one name, are too much
					}
				}
			}
			return // said where it is defined
		}
		ast.Patch(n, tree.Node)
	}))
}

// useNamed checks the named conditions a condition uses against where it
// stands, and puts each in its place. It returns the problems, and
// whether the condition can go on being compiled: not when a name it uses
// is in error, which is said at the name's definition.
func (cc *condCompiler) useNamed(root *ast.Node, ctx context, before int) ([]string, bool) {
	if len(cc.set.Conditions) == 0 {
		return nil, true
	}
	calls := callees(*root)
	var problems []string
	ok := true
	ast.Walk(root, visitFunc(func(n *ast.Node) {
		id, isID := (*n).(*ast.IdentifierNode)
		if !isID || calls[id] {
			return
		}
		info := cc.named(id.Value, nil)
		switch {
		case info == nil:
		case len(info.problems) > 0:
			ok = false
		case info.need > ctx && info.need == inReport:
			problems = append(problems, fmt.Sprintf("condition uses %q, which reads the verdict, known only once it is reached; use it in steps, resources and honest paragraphs", id.Value))
		case info.need > ctx:
			problems = append(problems, fmt.Sprintf("condition uses %q, which reads scores, known only after the last question; use it in verdicts, steps, resources and honest paragraphs", id.Value))
		case before == flagPosition && info.flags:
			problems = append(problems, fmt.Sprintf("a flag's condition may not ask about flags, and %q does", id.Value))
		case before >= 0 && info.last != nil && info.last.Pos >= before:
			problems = append(problems, fmt.Sprintf("condition uses %q, which reads %q, not asked before this point", id.Value, info.last.ID))
		}
	}))
	if !ok || len(problems) > 0 {
		return problems, false
	}
	cc.inline(root, nil, func(p string) {
		ok = false
		if isLimitProblem(p) && !slices.Contains(problems, p) {
			problems = append(problems, p)
		}
	})
	return problems, ok
}

// validateNamed checks a set's named conditions where they are defined:
// each name, and each condition on its own, wherever it may be used.
func (v *validator) validateNamed(cc *condCompiler) {
	s := v.set
	for _, name := range sortedNames(s.Conditions) {
		path := "conditions." + name
		switch {
		case !idPattern.MatchString(name):
			v.at(path, "condition name %q should be lower-case letters, digits and _, starting with a letter", name)
			continue
		case reserved[name] || isBuiltinName(name) || slices.Contains(ConditionFunctions, name):
			v.at(path, "condition name %q is a word conditions use for themselves; choose another", name)
			continue
		case s.index.questions[name] != nil:
			v.at(path, "condition name %q is also a question's id; a name in a condition must say one thing", name)
			continue
		}
		info := cc.named(name, nil)
		for _, p := range info.problems {
			v.at(path, "%s", p)
		}
	}
}

// unusedNamed warns of a named condition no condition uses.
func (v *validator) unusedNamed() {
	s := v.set
	if len(s.Conditions) == 0 {
		return
	}
	used := map[string]bool{}
	note := func(c *Cond) {
		if c == nil {
			return
		}
		for _, w := range condWords(c.Src) {
			used[w] = true
		}
	}
	s.eachCond(func(c *Cond, _ context, _ int) { note(c) })
	for _, c := range s.Conditions {
		note(c)
	}
	for _, name := range sortedNames(s.Conditions) {
		if !used[name] {
			v.warn("conditions."+name, "no condition uses %q; use it in a when, or remove it", name)
		}
	}
}

// condWords lists the words a condition's text holds, strings and all:
// enough to tell whether it names something.
func condWords(src string) []string {
	return strings.FieldsFunc(src, func(r rune) bool {
		return !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
	})
}

func isBuiltinName(name string) bool {
	_, ok := builtinNames[name]
	return ok
}

func sortedNames(m map[string]*Cond) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
