package questions

import (
	"errors"
	"fmt"
	"maps"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/checker"
	"github.com/expr-lang/expr/compiler"
	"github.com/expr-lang/expr/conf"
	"github.com/expr-lang/expr/file"
	"github.com/expr-lang/expr/parser"
	"github.com/expr-lang/expr/vm"

	"amends/internal/text"
)

// Cond is a condition written in a set, such as `"trust" in hurt` or
// `dim.space < 70 && !flagged("safety")`. It is compiled when the set loads,
// so a typo is a load error; at run time it never fails: an unanswered
// question reads as its zero value ("" or 0 or an empty list), and
// answered("id") tells the two apart.
//
// The names a condition may use:
//
//	question ids        the answer: choice and text a string, multi a list
//	                    of strings, scale and number a whole number
//	answered("id")      whether the question was answered
//	flagged("id")       whether the flag is raised
//	dim.id              a dimension's score, 0..100 (0 when not scored)
//	scored("id")        whether the dimension could be scored
//	composite           the weighted mean of the scored dimensions
//	has_composite       whether enough dimensions were scored for one
//	verdict             the id of the verdict reached (steps and resources)
type Cond struct {
	Src string

	prog      *vm.Program
	questions []string // question ids it reads, in order of first use
	affirmed  []string // of those, the ones it reads outside a negation
	dims      []string // dimension ids it reads
	flags     []string // flags it asks about
	builtins  []string // the other names it reads: composite, verdict and so on
	constant  bool     // reads nothing, so always the same
	parts     []*Cond  // the alternatives of a top-level "||", for reasons
	node      ast.Node // the checked tree, for the logic check

	// A condition of the built-in set compiles when first used (see
	// Builtin): lazy holds what compiling it needs.
	once sync.Once
	lazy *lazyCond
}

type lazyCond struct {
	cc     *condCompiler
	ctx    context
	before int
}

// ready compiles a lazy condition once.
func (c *Cond) ready() {
	if c.lazy != nil {
		c.once.Do(func() {
			// The compiler's configuration caches types as it checks, so
			// one set's conditions compile one at a time.
			cc := c.lazy.cc
			cc.mu.Lock()
			defer cc.mu.Unlock()
			cc.compileLazy(c, c.lazy.ctx, c.lazy.before)
		})
	}
}

// UnmarshalText keeps the source; Load compiles it once the whole set is known.
func (c *Cond) UnmarshalText(b []byte) error {
	c.Src = string(b)
	return nil
}

// MarshalText returns the source.
func (c *Cond) MarshalText() ([]byte, error) { return []byte(c.Src), nil }

// Questions returns the ids of the questions the condition reads.
func (c *Cond) Questions() []string { c.ready(); return c.questions }

// Affirmed returns the ids of the questions the condition reads at least
// once outside a negation (!, not, not in, !=), in order of first use:
// the answers that speak for it when it holds. `!("x" in signals)` holds
// for what signals lacks, which is no answer to quote as a reason. Known
// for verdicts, steps, resources and paragraphs, and their alternatives.
func (c *Cond) Affirmed() []string { c.ready(); return c.affirmed }

// Dimensions returns the ids of the dimensions the condition reads.
func (c *Cond) Dimensions() []string { c.ready(); return c.dims }

// Flags returns the ids of the flags the condition asks about.
func (c *Cond) Flags() []string { c.ready(); return c.flags }

// Reads reports whether the condition reads name, one of the names that
// are not ids, such as "composite" or "has_composite".
func (c *Cond) Reads(name string) bool { c.ready(); return slices.Contains(c.builtins, name) }

// Holds reports whether the condition holds in env. A nil condition, or
// one that fails at run time (say, indexing an empty list), is read as
// "always" and "no" respectively.
func (c *Cond) Holds(env *Env) bool {
	if c == nil {
		return true
	}
	c.ready()
	if c.prog == nil {
		return false
	}
	out, err := vm.Run(c.prog, env.vars)
	if err != nil {
		return false
	}
	b, _ := out.(bool)
	return b
}

// Facts are what conditions know beyond the answers: the scores, the flags
// and the verdict. A zero Facts is the state during the quiz.
type Facts struct {
	Dims         map[string]float64 // scored dimensions only
	Composite    float64
	HasComposite bool
	Flags        map[string]bool
	Verdict      string
}

// Env is what a condition is evaluated against.
type Env struct {
	vars map[string]any
}

// Env builds the environment for conditions from answers (question id to
// string, []string or int) and facts. Values of the wrong type for their
// question are ignored, as if unanswered.
func (s *Set) Env(answers map[string]any, f *Facts) *Env {
	var vars map[string]any
	if s.zero != nil {
		vars = maps.Clone(s.zero) // a copy is far quicker than a map built anew
	} else {
		vars = make(map[string]any, len(s.order)+10)
		for _, q := range s.order {
			vars[q.ID] = zeroOf(q.Kind)
		}
	}
	for id, v := range answers {
		q := s.index.questions[id]
		if q == nil || reflect.TypeOf(v) != reflect.TypeOf(zeroOf(q.Kind)) {
			continue
		}
		vars[id] = v
	}
	if f == nil {
		f = &Facts{}
	}
	dims := make(map[string]float64, len(s.Dimensions))
	for _, d := range s.Dimensions {
		dims[d.ID] = f.Dims[d.ID]
	}
	vars["dim"] = dims
	vars["composite"] = f.Composite
	vars["has_composite"] = f.HasComposite
	vars["verdict"] = f.Verdict
	flags := f.Flags
	vars["flagged"] = func(id string) bool { return flags[id] }
	vars["answered"] = func(id string) bool { _, ok := answers[id]; return ok && vars[id] != nil && isSet(vars[id]) }
	vars["scored"] = func(id string) bool { _, ok := f.Dims[id]; return ok }
	return &Env{vars: vars}
}

// Answer sets the answer to question id in env, as Env would have from
// its answers: a value of the wrong type for the question is ignored. The
// answered function of env reads the answers map given to Env, so the
// caller keeps that map up to date too. Plan uses it to keep one
// environment as answers come in, rather than build one per answer.
func (e *Env) Answer(id string, v any, s *Set) {
	q := s.index.questions[id]
	if q == nil || reflect.TypeOf(v) != reflect.TypeOf(zeroOf(q.Kind)) {
		return
	}
	e.vars[id] = v
}

func isSet(v any) bool {
	switch v := v.(type) {
	case string:
		return v != ""
	case []string:
		return len(v) > 0
	}
	return true
}

func zeroOf(k Kind) any {
	switch k {
	case KindMulti:
		return []string{}
	case KindScale, KindNumber:
		return 0
	}
	return ""
}

// context says where a condition stands, and so which names it may use.
type context int

const (
	inQuiz    context = iota // sections, questions and flags: answers only
	inVerdict                // verdicts: answers, flags and scores
	inReport                 // steps, resources, paragraphs: everything, verdict too
)

var builtinNames = map[string]context{
	"answered": inQuiz, "flagged": inQuiz,
	"dim": inVerdict, "scored": inVerdict, "composite": inVerdict, "has_composite": inVerdict,
	"verdict": inReport,
}

// compiler holds what every condition of one set is checked against.
type condCompiler struct {
	mu     sync.Mutex // held while a lazy condition compiles
	set    *Set
	v      *validator
	config *conf.Config
	// warnings are what the last compile found likely wrong but not
	// wrong, such as a comparison that always holds; the caller takes them.
	warnings []string
	names    map[string]*namedInfo // the set's named conditions, worked out
	budget   int                   // parts left for named conditions put in place (see limits.go)

	// What is worked out once and shared (see lazy.go).
	parsedNames map[string]parsedName // the named conditions' sources, parsed
	compiled    map[lazyKey]*Cond     // the built-in set's conditions, by what they compile to
}

func newCondCompiler(v *validator) *condCompiler {
	return &condCompiler{set: v.set, v: v, config: newConfig(v.set)}
}

// newConfig is what the set's conditions are compiled with.
func newConfig(s *Set) *conf.Config {
	if s.zero == nil {
		s.fillZero()
	}
	config := conf.New(s.zero) // every name a condition may read, with its type
	config.Expect = reflect.Bool
	config.ExpectAny = true
	config.MaxNodes = maxConditionNodes
	config.Disabled = disabledBuiltins()
	return config
}

// compile checks c against the set. before is the asking position of the
// question or section it belongs to (-1 when it is not in the quiz); a
// question condition may only read questions asked before it.
func (cc *condCompiler) compile(c *Cond, ctx context, before int) []string {
	src := strings.TrimSpace(c.Src)
	if src == "" {
		return []string{"condition is empty"}
	}
	if p := limitSource(src); p != "" {
		return []string{p} // unparsed, so that nothing in it can run away
	}
	tree, err := parser.ParseWithConfig(src, cc.config)
	if err != nil {
		return []string{"condition “" + text.OneLine(src) + "”: " + exprMessage(err)}
	}
	cc.budget = maxInlinedNodes - countNodes(tree.Node)
	if problems, ok := cc.useNamed(&tree.Node, ctx, before); !ok {
		return problems // a name in error is said where it is defined
	}
	if problems := cc.limitTree(tree); len(problems) > 0 {
		return problems
	}
	w := &refWalker{cc: cc, ctx: ctx, before: before, c: c, seen: map[string]bool{}, callees: callees(tree.Node)}
	ast.Walk(&tree.Node, w)
	if len(w.problems) > 0 {
		return w.problems
	}
	if _, err := checker.Check(tree, cc.config); err != nil {
		if w.shaky {
			return nil // the question it reads is in error already
		}
		return []string{"condition “" + text.OneLine(src) + "”: " + notBool(err, tree.Node)}
	}
	prog, err := compiler.Compile(tree, cc.config)
	if err != nil {
		return []string{"condition “" + text.OneLine(src) + "”: " + exprMessage(err)}
	}
	c.prog = prog
	c.node = tree.Node
	c.constant = !w.readsAnything
	if ctx >= inVerdict {
		c.affirmed = cc.affirmed(tree.Node)
		c.parts = cc.parts(tree)
	}
	return w.later
}

// parts compiles each alternative of a condition such as `a || b || c`
// on its own, so that the reasons given for it name only the alternatives
// that held. A condition with no top-level "or" has no parts.
func (cc *condCompiler) parts(tree *parser.Tree) []*Cond {
	var nodes []ast.Node
	var split func(n ast.Node)
	split = func(n ast.Node) {
		if b, ok := n.(*ast.BinaryNode); ok && (b.Operator == "||" || b.Operator == "or") {
			split(b.Left)
			split(b.Right)
			return
		}
		nodes = append(nodes, n)
	}
	split(tree.Node)
	if len(nodes) < 2 {
		return nil
	}
	parts := make([]*Cond, 0, len(nodes))
	for _, n := range nodes {
		prog, err := compiler.Compile(&parser.Tree{Node: n, Source: tree.Source}, cc.config)
		if err != nil {
			return nil // give reasons for the whole condition instead
		}
		p := &Cond{Src: n.String(), prog: prog, affirmed: cc.affirmed(n)}
		w := &refWalker{cc: cc, ctx: inReport, before: -1, c: p, seen: map[string]bool{}}
		ast.Walk(&n, w)
		parts = append(parts, p)
	}
	return parts
}

// affirmed lists the questions node reads outside any negation, in order.
func (cc *condCompiler) affirmed(node ast.Node) []string {
	var out []string
	seen := map[string]bool{}
	var walk func(n ast.Node, neg bool)
	walk = func(n ast.Node, neg bool) {
		switch n := n.(type) {
		case nil:
		case *ast.UnaryNode:
			walk(n.Node, neg != (n.Operator == "!" || n.Operator == "not"))
		case *ast.BinaryNode:
			flip := n.Operator == "not in" || n.Operator == "!="
			walk(n.Left, neg != flip)
			walk(n.Right, neg != flip)
		case *ast.IdentifierNode:
			if q := cc.set.index.questions[n.Value]; q != nil && !neg && !seen[q.ID] {
				seen[q.ID] = true
				out = append(out, q.ID)
			}
		case *ast.CallNode:
			if id, ok := n.Callee.(*ast.IdentifierNode); ok && id.Value == "answered" && len(n.Arguments) == 1 {
				if arg, ok := n.Arguments[0].(*ast.StringNode); ok {
					walk(&ast.IdentifierNode{Value: arg.Value}, neg)
				}
				return
			}
			for _, a := range n.Arguments {
				walk(a, neg)
			}
		default:
			// Anything else (a list, a builtin, a member, a ternary) keeps
			// the polarity of where it stands for everything inside it.
			v := &identVisitor{}
			ast.Walk(&n, v)
			for _, id := range v.ids {
				walk(&ast.IdentifierNode{Value: id}, neg)
			}
		}
	}
	walk(node, false)
	return out
}

// identVisitor collects the identifiers under a node.
type identVisitor struct{ ids []string }

func (v *identVisitor) Visit(n *ast.Node) {
	if id, ok := (*n).(*ast.IdentifierNode); ok {
		v.ids = append(v.ids, id.Value)
	}
}

// Holding returns what made the condition hold in env: for a condition
// made of alternatives joined by "||", the alternatives that hold (their
// Questions, Dimensions and Flags say what they read); otherwise the
// condition itself. It returns nil when the condition does not hold.
func (c *Cond) Holding(env *Env) []*Cond {
	if c == nil || !c.Holds(env) { // Holds makes c ready
		return nil
	}
	if len(c.parts) == 0 {
		return []*Cond{c}
	}
	var out []*Cond
	for _, p := range c.parts {
		if p.Holds(env) {
			out = append(out, p)
		}
	}
	return out
}

// callees returns the names called as functions in a condition, such as
// flagged in flagged("x"), so that a misspelt one is said to be a function.
func callees(root ast.Node) map[*ast.IdentifierNode]bool {
	out := map[*ast.IdentifierNode]bool{}
	ast.Walk(&root, visitFunc(func(n *ast.Node) {
		if c, ok := (*n).(*ast.CallNode); ok {
			if id, ok := c.Callee.(*ast.IdentifierNode); ok {
				out[id] = true
			}
		}
	}))
	return out
}

type visitFunc func(*ast.Node)

func (f visitFunc) Visit(n *ast.Node) { f(n) }

// notBool words the checker's complaint about a condition that is not true
// or false, such as `dim.space`, with a way to make it one; other errors
// it gives as they are.
func notBool(err error, root ast.Node) string {
	msg := exprMessage(err)
	got, ok := strings.CutPrefix(msg, "expected bool, but got ")
	if !ok {
		return msg
	}
	src := root.String()
	switch {
	case strings.HasPrefix(got, "int"), strings.HasPrefix(got, "float"):
		return fmt.Sprintf("this is a number, not true or false; compare it with one, as in %s >= 50", src)
	case strings.HasPrefix(got, "[]"):
		return fmt.Sprintf("this is a list, not true or false; ask whether it holds a value, as in \"x\" in %s", src)
	case strings.HasPrefix(got, "string"):
		return fmt.Sprintf("this is text, not true or false; compare it with a value, as in %s == \"x\"", src)
	}
	return msg
}

func exprMessage(err error) string {
	var fe *file.Error
	if errors.As(err, &fe) {
		msg := fe.Message
		if fe.Column > 0 {
			msg += fmt.Sprintf(" (column %d)", fe.Column+1)
		}
		return msg
	}
	return err.Error()
}

// refWalker checks every name a condition uses, so that a misspelt id is
// reported with a suggestion rather than as a compiler's type error.
type refWalker struct {
	cc            *condCompiler
	ctx           context
	before        int
	c             *Cond
	seen          map[string]bool
	problems      []string
	callees       map[*ast.IdentifierNode]bool // names called as functions
	readsAnything bool
	shaky         bool     // reads a question that decoding found wrong
	later         []string // problems that do not stop the condition compiling
}

func (w *refWalker) fail(format string, a ...any) {
	msg := fmt.Sprintf(format, a...)
	for _, p := range w.problems {
		if p == msg {
			return
		}
	}
	w.problems = append(w.problems, msg)
}

func (w *refWalker) Visit(node *ast.Node) {
	s := w.cc.set
	switch n := (*node).(type) {
	case *ast.IdentifierNode:
		w.readsAnything = true
		name := n.Value
		if w.callees[n] {
			switch name {
			case "flagged", "answered", "scored":
			default:
				w.fail("condition calls unknown function %s%s", quote(name), w.cc.v.suggest(name, ConditionFunctions))
			}
			return
		}
		if need, ok := builtinNames[name]; ok {
			if need > w.ctx {
				w.fail("%s", notYet(name, need))
			}
			if !w.seen[name] {
				w.seen[name] = true
				w.c.builtins = append(w.c.builtins, name)
			}
			return
		}
		q := s.index.questions[name]
		if q == nil && w.cc.v.lostID("question") {
			w.shaky = true
			return
		}
		if q == nil {
			w.fail("condition uses unknown name %s%s", quote(name), w.cc.v.suggest(name, w.cc.v.known("question")))
			return
		}
		w.useQuestion(q)
	case *ast.MemberNode:
		id, ok := n.Node.(*ast.IdentifierNode)
		prop, ok2 := n.Property.(*ast.StringNode)
		if ok && ok2 && id.Value == "dim" {
			if s.index.dimensions[prop.Value] == nil && w.cc.v.lostID("dimension") {
				w.shaky = true
			} else if s.index.dimensions[prop.Value] == nil {
				w.fail("condition uses unknown dimension %s%s", quote(prop.Value), w.cc.v.suggest(prop.Value, w.cc.v.known("dimension")))
			} else if !w.seen["dim:"+prop.Value] {
				w.seen["dim:"+prop.Value] = true
				w.c.dims = append(w.c.dims, prop.Value)
			}
		}
	case *ast.CallNode:
		fn, ok := n.Callee.(*ast.IdentifierNode)
		if !ok {
			return
		}
		switch fn.Value {
		case "flagged", "answered", "scored":
		default:
			return
		}
		if len(n.Arguments) != 1 {
			w.fail("%s takes one id in quotes", fn.Value)
			return
		}
		arg, ok := n.Arguments[0].(*ast.StringNode)
		if !ok {
			w.fail("%s takes an id in quotes, such as %s(\"x\")", fn.Value, fn.Value)
			return
		}
		switch fn.Value {
		case "flagged":
			if s.index.flags[arg.Value] == nil && w.cc.v.lostID("flag") {
				w.shaky = true
			} else if s.index.flags[arg.Value] == nil {
				w.fail("condition asks about unknown flag %s%s", quote(arg.Value), w.cc.v.suggest(arg.Value, w.cc.v.known("flag")))
			} else if w.ctx == inQuiz && w.before == flagPosition {
				w.fail("a flag's condition may not ask about flags")
			} else if !w.seen["flag:"+arg.Value] {
				w.seen["flag:"+arg.Value] = true
				w.c.flags = append(w.c.flags, arg.Value)
			}
		case "answered":
			if q := s.index.questions[arg.Value]; q == nil && w.cc.v.lostID("question") {
				w.shaky = true
			} else if q == nil {
				w.fail("condition uses unknown question %s%s", quote(arg.Value), w.cc.v.suggest(arg.Value, w.cc.v.known("question")))
			} else {
				w.useQuestion(q)
			}
		case "scored":
			if s.index.dimensions[arg.Value] == nil && w.cc.v.lostID("dimension") {
				w.shaky = true
			} else if s.index.dimensions[arg.Value] == nil {
				w.fail("condition uses unknown dimension %s%s", quote(arg.Value), w.cc.v.suggest(arg.Value, w.cc.v.known("dimension")))
			}
		}
	case *ast.BinaryNode:
		w.checkTypes(n)
		w.checkValues(n)
		w.checkRange(n)
	}
}

// checkRange catches a comparison of a number with a value that makes it
// come out the same for every answer, such as `own_name >= 9` on a scale
// of five steps or `dim.space > 120`: one that never holds is an error,
// one that always holds a warning.
func (w *refWalker) checkRange(n *ast.BinaryNode) {
	switch n.Operator {
	case "<", "<=", ">", ">=", "==", "!=":
	default:
		return
	}
	lo, hi, zero, what, ok := w.numberRange(n.Left)
	c, isLit := numberLiteral(n.Right)
	op := n.Operator
	if !ok || !isLit {
		lo, hi, zero, what, ok = w.numberRange(n.Right)
		c, isLit = numberLiteral(n.Left)
		op = map[string]string{"<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "==", "!=": "!="}[op]
	}
	if !ok || !isLit {
		return
	}
	holds := func(x float64) bool {
		switch op {
		case "<":
			return x < c
		case "<=":
			return x <= c
		case ">":
			return x > c
		case ">=":
			return x >= c
		case "==":
			return x == c
		}
		return x != c
	}
	// Answers and scores are whole numbers; a comparison with c changes
	// only about c, so these points stand for all of them.
	points := []float64{lo, hi, math.Floor(c) - 1, math.Floor(c), math.Ceil(c), math.Ceil(c) + 1}
	some, all := false, true
	for _, x := range points {
		if x < lo || x > hi {
			continue
		}
		h := holds(x)
		some, all = some || h, all && h
	}
	if zero {
		h := holds(0)
		some, all = some || h, all && h
	}
	switch {
	case !some:
		// An error, but one that leaves the condition whole, so that the
		// logic check can say what follows from it too.
		w.later = append(w.later, fmt.Sprintf("the comparison “%s” never holds, as %s", n.String(), what))
	case all:
		w.cc.warnings = append(w.cc.warnings, fmt.Sprintf("the comparison “%s” always holds, as %s; it can be left out", n.String(), what))
	}
}

// numberRange gives the values a number in a condition can take: a scale
// or number question's answers (and 0 when it is unanswered, zero), a
// score, or how many options of a multi question are picked; with words
// that say so.
func (w *refWalker) numberRange(x ast.Node) (lo, hi float64, zero bool, what string, ok bool) {
	s := w.cc.set
	switch n := x.(type) {
	case *ast.IdentifierNode:
		if n.Value == "composite" {
			return 0, 100, false, "the overall score is 0 to 100", true
		}
		q := s.index.questions[n.Value]
		if q == nil || w.cc.v.unsure[q] || (q.Kind != KindScale && q.Kind != KindNumber) {
			return
		}
		l, h := s.Range(q)
		if h <= l {
			return
		}
		what = fmt.Sprintf("%s is answered %d to %d", quote(q.ID), l, h)
		if l > 0 || h < 0 {
			what += ", and reads 0 when unanswered"
		}
		return float64(l), float64(h), true, what, true
	case *ast.MemberNode:
		id, ok1 := n.Node.(*ast.IdentifierNode)
		prop, ok2 := n.Property.(*ast.StringNode)
		if ok1 && ok2 && id.Value == "dim" && s.index.dimensions[prop.Value] != nil {
			return 0, 100, false, "a dimension's score is 0 to 100", true
		}
	case *ast.BuiltinNode:
		if n.Name != "len" || len(n.Arguments) != 1 {
			return
		}
		id, isID := n.Arguments[0].(*ast.IdentifierNode)
		if !isID {
			return
		}
		q := s.index.questions[id.Value]
		if q == nil || w.cc.v.unsure[q] || q.Kind != KindMulti {
			return
		}
		_, h := s.Range(q)
		return 0, float64(h), false, fmt.Sprintf("at most %d of the options of %s can be picked", h, quote(q.ID)), true
	}
	return
}

// numberLiteral returns the value of a number written in a condition.
func numberLiteral(x ast.Node) (float64, bool) {
	switch n := x.(type) {
	case *ast.IntegerNode:
		return float64(n.Value), true
	case *ast.FloatNode:
		return n.Value, true
	case *ast.UnaryNode:
		if n.Operator == "-" {
			if v, ok := numberLiteral(n.Node); ok {
				return -v, true
			}
		}
	}
	return 0, false
}

// checkTypes catches a question compared as if it were of another kind,
// such as a multi question with == or a scale with a label, and says how
// to write what was meant, before the type checker says it in its words.
func (w *refWalker) checkTypes(n *ast.BinaryNode) {
	s := w.cc.set
	question := func(x ast.Node) *Question {
		if id, ok := x.(*ast.IdentifierNode); ok && !w.callees[id] {
			if q := s.index.questions[id.Value]; q != nil && !w.cc.v.unsure[q] {
				return q
			}
		}
		return nil
	}
	q, other := question(n.Left), n.Right
	if q == nil {
		q, other = question(n.Right), n.Left
	}
	if q == nil {
		return
	}
	str, isStr := other.(*ast.StringNode)
	_, isNum := other.(*ast.IntegerNode)
	_, isFloat := other.(*ast.FloatNode)
	id := q.ID
	switch n.Operator {
	case "==", "!=", "<", "<=", ">", ">=":
	case "in":
		if (q.Kind == KindChoice || q.Kind == KindText) && isStr && n.Right != other {
			w.fail("%s is a %s question, answered with one value, not a list; write %s == %q", quote(id), q.Kind, id, str.Value)
		}
		return
	default:
		return
	}
	switch q.Kind {
	case KindMulti:
		switch {
		case isStr && n.Operator == "==":
			w.fail("%s is a multi question, answered with a list of the options picked; to ask whether %q is among them, write %q in %s", quote(id), str.Value, str.Value, id)
		case isStr && n.Operator == "!=":
			w.fail("%s is a multi question, answered with a list of the options picked; to ask whether %q is not among them, write %q not in %s", quote(id), str.Value, str.Value, id)
		case isNum || isFloat:
			w.fail("%s is a multi question, answered with a list of the options picked; to compare how many, write len(%s) %s %s", quote(id), id, n.Operator, other.String())
		}
	case KindChoice, KindText:
		if isNum || isFloat {
			example := `"x"`
			if len(q.Options) > 0 {
				example = quote(q.Options[0].Value)
			}
			w.fail("%s is a %s question, answered with a value in quotes; compare it with one, such as %s %s %s", quote(id), q.Kind, id, n.Operator, example)
		}
	case KindScale, KindNumber:
		if !isStr {
			return
		}
		lo, hi := s.Range(q)
		if q.Kind == KindScale {
			for i, l := range s.Labels(q) {
				if strings.EqualFold(strings.TrimSpace(l), strings.TrimSpace(str.Value)) {
					w.fail("%s is a scale question, answered with a step from %d to %d; %q is step %d, so write %s %s %d", quote(id), lo, hi, str.Value, i+1, id, n.Operator, i+1)
					return
				}
			}
		}
		example := lo
		if x, err := strconv.Atoi(str.Value); err == nil {
			example = x
		}
		w.fail("%s is a %s question, answered with a whole number from %d to %d; compare it with a number, such as %s %s %d", quote(id), q.Kind, lo, hi, id, n.Operator, example)
	}
}

// notYet explains why a name cannot be used where it stands.
func notYet(name string, need context) string {
	if need == inReport {
		return fmt.Sprintf("condition uses %s, which is known only once the verdict is reached; use it in steps, resources and honest paragraphs", name)
	}
	return fmt.Sprintf("condition uses %s, but scores are known only after the last question; use it in verdicts, steps, resources and honest paragraphs", name)
}

// flagPosition marks a flag's own condition, which may read any question
// but no other flag, so that flags never depend on each other.
const flagPosition = -2

func (w *refWalker) useQuestion(q *Question) {
	if w.cc.v.unsure[q] {
		w.shaky = true
	}
	if w.before >= 0 && q.Pos >= w.before {
		w.fail("condition reads %s, which is not asked before this point", quote(q.ID))
	}
	if !w.seen["q:"+q.ID] {
		w.seen["q:"+q.ID] = true
		w.c.questions = append(w.c.questions, q.ID)
	}
}

// checkValues catches a misspelt option value or verdict id in comparisons
// such as `contact == "blokced"` or `"trust" in hurt`.
func (w *refWalker) checkValues(n *ast.BinaryNode) {
	var ident *ast.IdentifierNode
	var lits []string
	switch n.Operator {
	case "==", "!=":
		if id, ok := n.Left.(*ast.IdentifierNode); ok {
			ident = id
			lits = stringsOf(n.Right)
		} else if id, ok := n.Right.(*ast.IdentifierNode); ok {
			ident = id
			lits = stringsOf(n.Left)
		}
	case "in", "not in":
		if id, ok := n.Right.(*ast.IdentifierNode); ok {
			ident, lits = id, stringsOf(n.Left)
		} else if id, ok := n.Left.(*ast.IdentifierNode); ok {
			ident, lits = id, stringsOf(n.Right)
		}
	}
	if ident == nil || len(lits) == 0 {
		return
	}
	s := w.cc.set
	if ident.Value == "verdict" {
		for _, l := range lits {
			if s.index.verdicts[l] == nil && w.cc.v.lostID("verdict") {
				w.shaky = true
			} else if s.index.verdicts[l] == nil {
				w.fail("condition compares verdict with %s, which is no verdict's id%s", quote(l), w.cc.v.suggest(l, w.cc.v.known("verdict")))
			}
		}
		return
	}
	q := s.index.questions[ident.Value]
	if q == nil || (q.Kind != KindChoice && q.Kind != KindMulti) || w.cc.v.unsure[q] {
		return
	}
	for _, l := range lits {
		if q.Option(l) == nil {
			vals := make([]string, len(q.Options))
			for i, o := range q.Options {
				vals[i] = o.Value
			}
			w.fail("condition compares %s with %s, which is not one of its options%s", quote(q.ID), quote(l), w.cc.v.suggest(l, vals))
		}
	}
}

func stringsOf(n ast.Node) []string {
	switch n := n.(type) {
	case *ast.StringNode:
		return []string{n.Value}
	case *ast.ArrayNode:
		var out []string
		for _, e := range n.Nodes {
			if s, ok := e.(*ast.StringNode); ok {
				out = append(out, s.Value)
			}
		}
		return out
	}
	return nil
}

func (s *Set) questionIDs() []string {
	ids := make([]string, len(s.order))
	for i, q := range s.order {
		ids[i] = q.ID
	}
	return ids
}

func (s *Set) dimensionIDs() []string {
	ids := make([]string, 0, len(s.Dimensions))
	for _, d := range s.Dimensions {
		ids = append(ids, d.ID)
	}
	return ids
}

func (s *Set) flagIDs() []string {
	ids := make([]string, 0, len(s.Flags))
	for _, f := range s.Flags {
		ids = append(ids, f.ID)
	}
	return ids
}

func (s *Set) verdictIDs() []string {
	ids := make([]string, 0, len(s.Verdicts))
	for _, v := range s.Verdicts {
		ids = append(ids, v.ID)
	}
	return ids
}

// suggest returns ` (did you mean "x"?)` for the closest of candidates, or
// "" when none is close: within one edit for every four letters, and never a
// word that shares nothing with got. Letter case is ignored, so "Title"
// suggests "title". Ties go to the first in sorted order.
func suggest(got string, candidates []string) string {
	best := closest(got, candidates)
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %s?)", quote(best))
}

// closest returns the candidate suggest would name, or "".
func closest(got string, candidates []string) string {
	g := []rune(strings.ToLower(got))
	if len(g) == 0 {
		return ""
	}
	limit := 1 + len(g)/4
	best, bestD := "", limit+1
	for _, c := range candidates {
		if n := utf8.RuneCountInString(c); n < len(g)-limit || n > len(g)+limit || c == "" {
			continue
		}
		d := distance(g, []rune(strings.ToLower(c)))
		if d >= len(g) {
			continue
		}
		if d < bestD || d == bestD && c < best {
			best, bestD = c, d
		}
	}
	return best
}

// distance is the optimal string alignment distance between a and b: the
// edits (insert, delete, replace, or swap two neighbours) from one to the
// other. Swapped letters are the commonest typo, so they count once.
func distance(a, b []rune) int {
	// Three rows: the one before the previous is needed for swaps.
	pp := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], pp[j-2]+1)
			}
		}
		pp, prev, cur = prev, cur, pp
	}
	return prev[len(b)]
}

func quote(s string) string { return fmt.Sprintf("%q", s) }
