package questions

import (
	"maps"
	"math"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/compiler"
	"github.com/expr-lang/expr/parser"
	"github.com/expr-lang/expr/vm"
)

// The logic check works on a model of a set. Every answer, flag, score
// and the verdict is a variable with a few candidate values, and every
// condition is a small tree over those variables that can be worked out
// while some of them are still unknown (logic with three values: true,
// false, not yet known). A variable's candidates are all that can make a
// difference: a choice question's options, a scale's steps next to the
// numbers it is compared with, and so on; "unanswered" is always one.
//
// Some variables stand for what follows from others: a flag is raised
// exactly when an option that names it is picked (or its own condition
// holds), a question is answered only when it is asked, the verdict is
// the first whose condition holds. Each such variable carries those rules
// as constraints, which the search takes along when it uses the variable.
// Scores are the one thing the model leaves free (any score from 0 to 100,
// 0 when not scored); a way the search finds through scores is tried with
// real answers and the real scorer before it is believed.

// vkind is what a variable of the model stands for.
type vkind uint8

const (
	varAnswer    vkind = iota // a choice, text, scale or number question's answer
	varPicked                 // whether one option of a multi question is picked
	varFlag                   // whether a flag is raised by the end
	varFlagAt                 // whether a flag is raised before a question is asked
	varScored                 // whether a dimension is scored
	varDim                    // a dimension's score, 0 to 100
	varHas                    // whether there is an overall score
	varComposite              // the overall score
	varVerdict                // the id of the verdict reached
	varFree                   // a condition the check cannot read: true or false
)

// lval is a value in the model.
type lval struct {
	kind uint8 // lvBool, lvNum, lvStr or lvList
	ans  bool  // for a question's answer: whether it is answered
	b    bool
	n    float64
	s    string
	l    []string
}

const (
	lvBool uint8 = iota
	lvNum
	lvStr
	lvList
)

func boolVal(b bool) lval { return lval{kind: lvBool, b: b} }

// lvar is one variable of the model.
type lvar struct {
	kind  vkind
	built bool // cons and def are made
	wide  bool // used in arithmetic or otherwise: every value is a candidate
	q     *Question
	opt   string // varPicked: the option's value
	flag  *Flag
	pos   int // varFlagAt: the position of the question about to be asked
	dim   string
	dom   []lval // candidate values, the first the one tried first; built on first use
	// cons are the rules that tie the variable to others, built on first
	// use; def, for one that follows from others, is what it equals.
	cons []*lnode
	def  *lnode
	nums []float64 // numbers it is compared with anywhere in the set
	strs []string  // texts it is compared with (text questions)
}

// lop is the operation of a node.
type lop uint8

const (
	opConst    lop = iota
	opVar          // the value of variable v
	opAnswered     // whether a question is answered: args are its variable(s)
	opList         // a multi question's answer: args are its options' variables
	opAnd
	opOr
	opNot
	opIff
	opCmp // ==, !=, <, <=, >, >= in s
	opIn
	opArith // +, -, *, /, % in s
	opNeg
	opLen
	opText // contains, startsWith, endsWith in s
	opArray
	opCond   // a ? b : c
	opAtMost // at most k of args hold
	opOpaque // evaluated by expr itself once every variable it reads is known
)

// lnode is one node of a condition in the model. A large set has many
// thousands, so it is kept small: what only an opaque node needs is apart.
type lnode struct {
	op lop
	// shared marks a node used wherever its value is meant (true, false,
	// the value of a variable), which node copies before giving it a src.
	shared bool
	v      int32 // opVar: the variable
	k      int32 // opAtMost: how many may hold
	// tail, when not 0, is one more variable the node reads (tail-1),
	// after vars: so that the rule of a flag raised before a question
	// shares the list of what raises it, as long as the set (see isRule).
	tail int32
	s    string
	c    *lval // opConst: the value
	args []*lnode
	vars []int    // every variable it reads, in order of first use
	src  ast.Node // the expression it was made from, for saying what fails
	x    *opaque  // opOpaque only
}

// opaque is what an opaque node works out with: the compiled expression,
// how its names map to variables, and the results it gave.
type opaque struct {
	prog  *vm.Program
	names map[string]int // question id, "composite" ... to variable
	flags map[string]int // flag id to variable
	dims  map[string][2]int
	memo  map[string]lval // results by the values of its variables
}

// lview is where a condition is worked out: with the flags at the end or
// those raised before a position, and with every answer or only those to
// questions before a position.
type lview struct {
	flagsAt int // -1: the flags at the end
	cutoff  int // -1: every answer
}

var endView = lview{flagsAt: -1, cutoff: -1}

// model is a set as the logic check sees it.
type model struct {
	s     *Set
	cc    *condCompiler
	vars  []*lvar
	at    []int32 // the candidate each variable holds now, -1 when none
	index map[string]int
	cache map[condView]*lnode
	// varNodes holds each variable's node, made once (see varNode).
	varNodes []*lnode
	// shared rules, built once: "asked:ID", "raised:ID@POS", "reach:K"...
	shared  map[string]*lnode
	raisers map[string]*raisers // by flag id
	// free numbers variables for conditions in error, one each
	frees int
}

type condView struct {
	c *Cond
	v lview
}

func newModel(s *Set, cc *condCompiler) *model {
	return &model{s: s, cc: cc, index: map[string]int{}, cache: map[condView]*lnode{}, shared: map[string]*lnode{}}
}

// variable returns the variable named key, making it with mk when new.
func (m *model) variable(key string, mk func() *lvar) int {
	if i, ok := m.index[key]; ok {
		return i
	}
	v := mk()
	m.vars = append(m.vars, v)
	m.at = append(m.at, -1)
	m.index[key] = len(m.vars) - 1
	return len(m.vars) - 1
}

func (m *model) answerVar(q *Question) int {
	return m.variable("a:"+q.ID, func() *lvar { return &lvar{kind: varAnswer, q: q} })
}

func (m *model) pickedVar(q *Question, opt string) int {
	return m.variable("p:"+q.ID+"\x00"+opt, func() *lvar { return &lvar{kind: varPicked, q: q, opt: opt} })
}

func (m *model) flagVar(f *Flag, v lview) int {
	if v.flagsAt < 0 {
		return m.variable("f:"+f.ID, func() *lvar { return &lvar{kind: varFlag, flag: f, pos: -1} })
	}
	return m.variable("f@"+itoa(v.flagsAt)+":"+f.ID, func() *lvar { return &lvar{kind: varFlagAt, flag: f, pos: v.flagsAt} })
}

func (m *model) scoredVar(d string) int {
	return m.variable("s:"+d, func() *lvar { return &lvar{kind: varScored, dim: d} })
}

func (m *model) dimVar(d string) int {
	return m.variable("d:"+d, func() *lvar { return &lvar{kind: varDim, dim: d} })
}

func (m *model) hasVar() int { return m.variable("has", func() *lvar { return &lvar{kind: varHas} }) }

func (m *model) compositeVar() int {
	return m.variable("composite", func() *lvar { return &lvar{kind: varComposite} })
}

func (m *model) verdictVar() int {
	return m.variable("verdict", func() *lvar { return &lvar{kind: varVerdict} })
}

func (m *model) freeVar() *lnode {
	m.frees++
	i := m.variable("free:"+itoa(m.frees), func() *lvar { return &lvar{kind: varFree} })
	return m.varNode(i)
}

func itoa(n int) string {
	if n < 0 {
		return "-" + itoa(-n)
	}
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// domain returns a variable's candidates, working them out the first time.
func (m *model) domain(i int) []lval {
	v := m.vars[i]
	if v.dom != nil {
		return v.dom
	}
	switch v.kind {
	case varAnswer:
		q := v.q
		switch q.Kind {
		case KindChoice:
			v.dom = append(v.dom, lval{kind: lvStr})
			for _, o := range q.Options {
				v.dom = append(v.dom, lval{kind: lvStr, ans: true, s: o.Value})
			}
		case KindText:
			v.dom = append(v.dom, lval{kind: lvStr})
			for _, s := range slices.Compact(slices.Sorted(slices.Values(v.strs))) {
				if s != "" {
					v.dom = append(v.dom, lval{kind: lvStr, ans: true, s: s})
				}
			}
			v.dom = append(v.dom, lval{kind: lvStr, ans: true, s: otherText})
		case KindScale, KindNumber:
			lo, hi := m.s.Range(q)
			v.dom = append(v.dom, lval{kind: lvNum})
			for _, n := range points(float64(lo), float64(hi), v.nums, v.wide) {
				v.dom = append(v.dom, lval{kind: lvNum, ans: true, n: n})
			}
		default:
			v.dom = []lval{{kind: lvStr}}
		}
	case varDim, varComposite:
		for _, n := range points(0, 100, v.nums, v.wide) {
			v.dom = append(v.dom, lval{kind: lvNum, n: n})
		}
		// 0 first: what a score reads as when there is none.
		sort.SliceStable(v.dom, func(a, b int) bool { return v.dom[a].n == 0 && v.dom[b].n != 0 })
	case varVerdict:
		for _, vd := range m.s.Verdicts {
			v.dom = append(v.dom, lval{kind: lvStr, s: vd.ID})
		}
	case varScored, varHas:
		// Scored first: most people answer most questions.
		v.dom = []lval{boolVal(true), boolVal(false)}
	default:
		v.dom = []lval{boolVal(false), boolVal(true)}
	}
	if len(v.dom) == 0 {
		v.dom = []lval{{kind: lvNum}}
	}
	return v.dom
}

// otherText stands for any text an answer could hold that no condition
// compares it with.
const otherText = "\x00some words"

// points returns the whole numbers from lo to hi that can make a
// difference to comparisons with nums: the ends, and each number compared
// with and its neighbours. With wide, every number from lo to hi.
func points(lo, hi float64, nums []float64, wide bool) []float64 {
	if hi < lo {
		return nil
	}
	if wide || hi-lo <= 12 {
		out := make([]float64, 0, int(hi-lo)+1)
		for x := lo; x <= hi; x++ {
			out = append(out, x)
		}
		return out
	}
	set := map[float64]bool{lo: true, hi: true}
	for _, c := range nums {
		for _, x := range []float64{math.Floor(c) - 1, math.Floor(c), math.Ceil(c), math.Ceil(c) + 1} {
			if x >= lo && x <= hi {
				set[x] = true
			}
		}
	}
	return slices.Sorted(maps.Keys(set))
}

// varNode is the value of variable i, one node however often it is read.
func (m *model) varNode(i int) *lnode {
	for len(m.varNodes) <= i {
		m.varNodes = append(m.varNodes, nil)
	}
	if m.varNodes[i] == nil {
		m.varNodes[i] = &lnode{op: opVar, shared: true, v: int32(i), vars: []int{i}}
	}
	return m.varNodes[i]
}

func constNode(v lval) *lnode {
	n := &struct { // one allocation for both
		lnode
		val lval
	}{lnode{op: opConst}, v}
	n.c = &n.val
	return &n.lnode
}

// trueNode and falseNode stand for every true and false the model makes
// itself, rather than one node each.
var (
	trueNode  = &lnode{op: opConst, shared: true, c: &lval{kind: lvBool, b: true}}
	falseNode = &lnode{op: opConst, shared: true, c: &lval{kind: lvBool}}
)

func boolNode(b bool) *lnode {
	if b {
		return trueNode
	}
	return falseNode
}

// nodeOf builds a node of op over args, with the variables they read.
func nodeOf(op lop, args ...*lnode) *lnode {
	n := &lnode{op: op, args: args}
	if len(args) == 1 {
		n.vars, n.tail = args[0].vars, args[0].tail // the same variables: no node changes its list
	} else {
		n.vars = unionVars(args)
	}
	return n
}

// readVars calls fn with each variable n reads, in order.
func (n *lnode) readVars(fn func(v int)) {
	for _, v := range n.vars {
		fn(v)
	}
	if n.tail > 0 {
		fn(int(n.tail) - 1)
	}
}

// isRule is the rule that variable i, which follows from others, is
// what def says. It reads def's variables and then i, where a node of the
// two would read i and then def's: the search visits i before its rule,
// and of a rule's open variables picks one of def's (answers, never
// derived) before i either way; and def's list is shared, not copied.
func (m *model) isRule(i int, def *lnode) *lnode {
	return &lnode{op: opIff, args: []*lnode{m.varNode(i), def}, vars: def.vars, tail: int32(i) + 1}
}

func unionVars(args []*lnode) []int {
	var out []int
	// For long lists looking through out costs too much: the rule that a
	// flag is raised before a question reads every option before it.
	var seen map[int]bool
	total := 0
	for _, a := range args {
		total += len(a.vars)
		if a.tail > 0 {
			total++
		}
	}
	if total > 32 {
		seen = make(map[int]bool, total)
	}
	for _, a := range args {
		if a.tail > 0 {
			a = &lnode{vars: append(slices.Clip(a.vars), int(a.tail)-1)} // seldom: rules are no one's parts
		}
		for _, v := range a.vars {
			switch {
			case seen != nil && !seen[v]:
				seen[v] = true
				out = append(out, v)
			case seen == nil && !slices.Contains(out, v):
				out = append(out, v)
			}
		}
	}
	return out
}

func and(args ...*lnode) *lnode {
	var keep []*lnode
	for _, a := range args {
		if a.op == opConst && a.c.kind == lvBool && a.c.b {
			continue
		}
		keep = append(keep, a)
	}
	switch len(keep) {
	case 0:
		return trueNode
	case 1:
		return keep[0]
	}
	return nodeOf(opAnd, keep...)
}

func or(args ...*lnode) *lnode {
	var keep []*lnode
	for _, a := range args {
		if a.op == opConst && a.c.kind == lvBool && !a.c.b {
			continue
		}
		keep = append(keep, a)
	}
	switch len(keep) {
	case 0:
		return falseNode
	case 1:
		return keep[0]
	}
	return nodeOf(opOr, keep...)
}

func not(a *lnode) *lnode { return nodeOf(opNot, a) }

func cmp(op string, a, b *lnode) *lnode {
	n := nodeOf(opCmp, a, b)
	n.s = op
	return n
}

// cond returns c as a node in view v. A condition that is absent holds;
// one in error (not compiled) may hold or not, as far as the check knows.
func (m *model) cond(c *Cond, v lview) *lnode {
	if c == nil {
		return trueNode
	}
	key := condView{c, v}
	if n, ok := m.cache[key]; ok {
		return n
	}
	var n *lnode
	if c.node == nil || c.prog == nil {
		n = m.freeVar()
	} else {
		n = m.node(c.node, v)
	}
	m.cache[key] = n
	return n
}

// answerNode is a question's answer in view v: unanswered when the view
// reads only answers given before the question.
func (m *model) answerNode(q *Question, v lview) *lnode {
	if v.cutoff >= 0 && q.Pos >= v.cutoff {
		if q.Kind == KindMulti {
			return constNode(lval{kind: lvList})
		}
		z := lval{kind: lvStr}
		if q.Kind == KindScale || q.Kind == KindNumber {
			z.kind = lvNum
		}
		return constNode(z)
	}
	if q.Kind == KindMulti {
		args := make([]*lnode, len(q.Options))
		for i, o := range q.Options {
			args[i] = m.varNode(m.pickedVar(q, o.Value))
		}
		n := nodeOf(opList, args...)
		n.v = -1
		return n
	}
	return m.varNode(m.answerVar(q))
}

// answeredNode says whether q is answered, in view v.
func (m *model) answeredNode(q *Question, v lview) *lnode {
	if v.cutoff >= 0 && q.Pos >= v.cutoff {
		return falseNode
	}
	if q.Kind == KindMulti {
		args := make([]*lnode, len(q.Options))
		for i, o := range q.Options {
			args[i] = m.varNode(m.pickedVar(q, o.Value))
		}
		return or(args...)
	}
	return nodeOf(opAnswered, m.varNode(m.answerVar(q)))
}

// picked says whether option o of q is chosen, in view v.
func (m *model) picked(q *Question, o string, v lview) *lnode {
	if v.cutoff >= 0 && q.Pos >= v.cutoff {
		return falseNode
	}
	if q.Kind == KindMulti {
		if q.Option(o) == nil {
			return falseNode
		}
		return m.varNode(m.pickedVar(q, o))
	}
	a := m.answerVar(q)
	m.vars[a].strs = append(m.vars[a].strs, o)
	return cmp("==", m.varNode(a), constNode(lval{kind: lvStr, ans: true, s: o}))
}

// node turns an expression tree into the model's terms.
func (m *model) node(x ast.Node, v lview) *lnode {
	n := m.term(x, v)
	if n.src == nil {
		if n.shared {
			c := *n // the node stands for others too: give the copy its src
			c.shared = false
			n = &c
		}
		n.src = x
	}
	return n
}

func (m *model) term(x ast.Node, v lview) *lnode {
	s := m.s
	switch n := x.(type) {
	case *ast.BoolNode:
		return constNode(boolVal(n.Value))
	case *ast.IntegerNode:
		return constNode(lval{kind: lvNum, n: float64(n.Value)})
	case *ast.FloatNode:
		return constNode(lval{kind: lvNum, n: n.Value})
	case *ast.StringNode:
		return constNode(lval{kind: lvStr, s: n.Value})
	case *ast.IdentifierNode:
		switch n.Value {
		case "composite":
			return m.varNode(m.compositeVar())
		case "has_composite":
			return m.varNode(m.hasVar())
		case "verdict":
			return m.varNode(m.verdictVar())
		}
		if q := s.index.questions[n.Value]; q != nil {
			return m.answerNode(q, v)
		}
	case *ast.MemberNode:
		if id, ok := n.Node.(*ast.IdentifierNode); ok && id.Value == "dim" {
			if p, ok := n.Property.(*ast.StringNode); ok && s.index.dimensions[p.Value] != nil {
				return m.varNode(m.dimVar(p.Value))
			}
		}
	case *ast.CallNode:
		id, ok := n.Callee.(*ast.IdentifierNode)
		if !ok || len(n.Arguments) != 1 {
			break
		}
		arg, ok := n.Arguments[0].(*ast.StringNode)
		if !ok {
			break
		}
		switch id.Value {
		case "flagged":
			if f := s.index.flags[arg.Value]; f != nil {
				return m.varNode(m.flagVar(f, v))
			}
		case "answered":
			if q := s.index.questions[arg.Value]; q != nil {
				return m.answeredNode(q, v)
			}
		case "scored":
			if s.index.dimensions[arg.Value] != nil {
				return m.varNode(m.scoredVar(arg.Value))
			}
		}
	case *ast.UnaryNode:
		switch n.Operator {
		case "!", "not":
			return not(m.node(n.Node, v))
		case "-":
			a := m.node(n.Node, v)
			m.widen(a)
			return nodeOf(opNeg, a)
		case "+":
			return m.node(n.Node, v)
		}
	case *ast.BinaryNode:
		switch n.Operator {
		case "&&", "and":
			return nodeOf(opAnd, m.node(n.Left, v), m.node(n.Right, v))
		case "||", "or":
			return nodeOf(opOr, m.node(n.Left, v), m.node(n.Right, v))
		case "==", "!=", "<", "<=", ">", ">=":
			a, b := m.node(n.Left, v), m.node(n.Right, v)
			m.compared(a, b)
			m.compared(b, a)
			return cmp(n.Operator, a, b)
		case "in":
			if lit, ok := n.Left.(*ast.StringNode); ok {
				if id, ok := n.Right.(*ast.IdentifierNode); ok {
					if q := s.index.questions[id.Value]; q != nil && q.Kind == KindMulti {
						return m.picked(q, lit.Value, v)
					}
				}
			}
			a, b := m.node(n.Left, v), m.node(n.Right, v)
			if b.op == opArray {
				for _, e := range b.args {
					m.compared(a, e)
				}
			}
			m.widen(b)
			return nodeOf(opIn, a, b)
		case "+", "-", "*", "/", "%":
			a, b := m.node(n.Left, v), m.node(n.Right, v)
			m.widen(a)
			m.widen(b)
			out := nodeOf(opArith, a, b)
			out.s = n.Operator
			return out
		case "contains", "startsWith", "endsWith":
			a, b := m.node(n.Left, v), m.node(n.Right, v)
			m.widen(b)
			if b.op == opConst && a.op == opVar {
				m.vars[a.v].strs = append(m.vars[a.v].strs, b.c.s)
			} else {
				m.widen(a)
			}
			out := nodeOf(opText, a, b)
			out.s = n.Operator
			return out
		}
	case *ast.ArrayNode:
		args := make([]*lnode, len(n.Nodes))
		for i, e := range n.Nodes {
			args[i] = m.node(e, v)
		}
		return nodeOf(opArray, args...)
	case *ast.ConditionalNode:
		return nodeOf(opCond, m.node(n.Cond, v), m.node(n.Exp1, v), m.node(n.Exp2, v))
	case *ast.BuiltinNode:
		if n.Name == "len" && len(n.Arguments) == 1 {
			a := m.node(n.Arguments[0], v)
			if a.op != opList {
				m.widen(a)
			}
			return nodeOf(opLen, a)
		}
	}
	return m.opaque(x, v)
}

// compared notes that a is compared with b: a number or text to add to
// a's candidates, or any other use that needs all of them.
func (m *model) compared(a, b *lnode) {
	if a.op != opVar {
		return
	}
	va := m.vars[a.v]
	switch {
	case b.op == opConst && b.c.kind == lvNum:
		va.nums = append(va.nums, b.c.n)
	case b.op == opConst && b.c.kind == lvStr:
		va.strs = append(va.strs, b.c.s)
	case b.op == opVar:
		va.wide = true
	default:
		m.widen(b)
	}
}

// widen marks every variable n reads directly, in a way other than a
// comparison with a constant, as needing all its values.
func (m *model) widen(n *lnode) {
	if n.op == opVar {
		m.vars[n.v].wide = true
	}
	if n.op == opLen && len(n.args) == 1 && n.args[0].op == opVar {
		m.vars[n.args[0].v].wide = true
	}
}

// opaque makes a node that expr works out itself, once every variable its
// part of the condition reads is known.
func (m *model) opaque(x ast.Node, v lview) *lnode {
	x0 := &opaque{names: map[string]int{}, flags: map[string]int{}, dims: map[string][2]int{}}
	n := &lnode{op: opOpaque, x: x0}
	if m.cc.config == nil {
		m.cc.config = newConfig(m.s)
	}
	cfg := *m.cc.config
	cfg.Expect = reflect.Invalid
	cfg.ExpectAny = false
	prog, err := compiler.Compile(&parser.Tree{Node: x}, &cfg)
	if err != nil {
		return m.freeVar()
	}
	x0.prog = prog
	add := func(i int) {
		if !slices.Contains(n.vars, i) {
			n.vars = append(n.vars, i)
		}
		m.vars[i].wide = true
	}
	ast.Walk(&x, visitFunc(func(p *ast.Node) {
		switch e := (*p).(type) {
		case *ast.IdentifierNode:
			switch e.Value {
			case "composite":
				n.x.names[e.Value] = m.compositeVar()
				add(n.x.names[e.Value])
			case "has_composite":
				n.x.names[e.Value] = m.hasVar()
				add(n.x.names[e.Value])
			case "verdict":
				n.x.names[e.Value] = m.verdictVar()
				add(n.x.names[e.Value])
			}
			if q := m.s.index.questions[e.Value]; q != nil {
				m.opaqueQuestion(n, q, v, add)
			}
		case *ast.MemberNode:
			if id, ok := e.Node.(*ast.IdentifierNode); ok && id.Value == "dim" {
				if p, ok := e.Property.(*ast.StringNode); ok && m.s.index.dimensions[p.Value] != nil {
					pair := [2]int{m.scoredVar(p.Value), m.dimVar(p.Value)}
					n.x.dims[p.Value] = pair
					add(pair[0])
					add(pair[1])
				}
			}
		case *ast.CallNode:
			id, ok := e.Callee.(*ast.IdentifierNode)
			if !ok || len(e.Arguments) != 1 {
				return
			}
			arg, ok := e.Arguments[0].(*ast.StringNode)
			if !ok {
				return
			}
			switch id.Value {
			case "flagged":
				if f := m.s.index.flags[arg.Value]; f != nil {
					n.x.flags[f.ID] = m.flagVar(f, v)
					add(n.x.flags[f.ID])
				}
			case "answered":
				if q := m.s.index.questions[arg.Value]; q != nil {
					m.opaqueQuestion(n, q, v, add)
				}
			case "scored":
				if m.s.index.dimensions[arg.Value] != nil {
					pair := [2]int{m.scoredVar(arg.Value), m.dimVar(arg.Value)}
					n.x.dims[arg.Value] = pair
					add(pair[0])
					add(pair[1])
				}
			}
		}
	}))
	return n
}

func (m *model) opaqueQuestion(n *lnode, q *Question, v lview, add func(int)) {
	if v.cutoff >= 0 && q.Pos >= v.cutoff {
		return // reads as unanswered
	}
	if q.Kind == KindMulti {
		for _, o := range q.Options {
			add(m.pickedVar(q, o.Value))
		}
		n.x.names[q.ID] = -1
		return
	}
	n.x.names[q.ID] = m.answerVar(q)
	add(n.x.names[q.ID])
}

// eval works n out with the variables as they stand; known is false while
// what it reads is not yet known.
func (m *model) eval(n *lnode) (out lval, known bool) {
	switch n.op {
	case opConst:
		return *n.c, true
	case opVar:
		i := m.at[n.v]
		if i < 0 {
			return lval{}, false
		}
		return m.domain(int(n.v))[i], true
	case opAnswered:
		a, ok := m.eval(n.args[0])
		return boolVal(a.ans), ok
	case opList:
		out = lval{kind: lvList}
		for i, a := range n.args {
			x, ok := m.eval(a)
			if !ok {
				return lval{}, false
			}
			if x.b {
				out.l = append(out.l, n.args[i].optValue(m))
			}
		}
		return out, true
	case opAnd:
		known = true
		for _, a := range n.args {
			x, ok := m.eval(a)
			if ok && !truthy(x) {
				return boolVal(false), true
			}
			known = known && ok
		}
		return boolVal(true), known
	case opOr:
		known = true
		for _, a := range n.args {
			x, ok := m.eval(a)
			if ok && truthy(x) {
				return boolVal(true), true
			}
			known = known && ok
		}
		return boolVal(false), known
	case opNot:
		x, ok := m.eval(n.args[0])
		return boolVal(!truthy(x)), ok
	case opIff:
		a, ok1 := m.eval(n.args[0])
		if !ok1 {
			return lval{}, false
		}
		b, ok2 := m.eval(n.args[1])
		if !ok2 {
			return lval{}, false
		}
		return boolVal(truthy(a) == truthy(b)), true
	case opCmp:
		a, ok1 := m.eval(n.args[0])
		b, ok2 := m.eval(n.args[1])
		if !ok1 || !ok2 {
			return lval{}, false
		}
		return boolVal(compare(n.s, a, b)), true
	case opIn:
		a, ok := m.eval(n.args[0])
		if !ok {
			return lval{}, false
		}
		if r := n.args[1]; r.op == opArray {
			known = true
			for _, e := range r.args {
				x, ok := m.eval(e)
				if ok && compare("==", a, x) {
					return boolVal(true), true
				}
				known = known && ok
			}
			return boolVal(false), known
		}
		b, ok := m.eval(n.args[1])
		if !ok {
			return lval{}, false
		}
		return boolVal(a.kind == lvStr && slices.Contains(b.l, a.s)), true
	case opArray:
		out = lval{kind: lvList}
		for _, a := range n.args {
			x, ok := m.eval(a)
			if !ok {
				return lval{}, false
			}
			out.l = append(out.l, x.s)
		}
		return out, true
	case opArith:
		a, ok1 := m.eval(n.args[0])
		b, ok2 := m.eval(n.args[1])
		if !ok1 || !ok2 {
			return lval{}, false
		}
		if a.kind == lvStr && b.kind == lvStr && n.s == "+" {
			return lval{kind: lvStr, s: a.s + b.s}, true
		}
		switch n.s {
		case "+":
			return lval{kind: lvNum, n: a.n + b.n}, true
		case "-":
			return lval{kind: lvNum, n: a.n - b.n}, true
		case "*":
			return lval{kind: lvNum, n: a.n * b.n}, true
		case "/":
			if b.n == 0 {
				return lval{kind: lvNum, n: math.Inf(1)}, true
			}
			return lval{kind: lvNum, n: a.n / b.n}, true
		case "%":
			if b.n == 0 {
				return lval{kind: lvNum}, true
			}
			return lval{kind: lvNum, n: math.Mod(a.n, b.n)}, true
		}
	case opNeg:
		a, ok := m.eval(n.args[0])
		return lval{kind: lvNum, n: -a.n}, ok
	case opLen:
		a, ok := m.eval(n.args[0])
		if !ok {
			return lval{}, false
		}
		if a.kind == lvList {
			return lval{kind: lvNum, n: float64(len(a.l))}, true
		}
		if a.s == otherText {
			return lval{kind: lvNum, n: 10}, true
		}
		return lval{kind: lvNum, n: float64(len([]rune(a.s)))}, true
	case opText:
		a, ok1 := m.eval(n.args[0])
		b, ok2 := m.eval(n.args[1])
		if !ok1 || !ok2 {
			return lval{}, false
		}
		switch n.s {
		case "contains":
			return boolVal(strings.Contains(a.s, b.s)), true
		case "startsWith":
			return boolVal(strings.HasPrefix(a.s, b.s)), true
		}
		return boolVal(strings.HasSuffix(a.s, b.s)), true
	case opCond:
		c, ok := m.eval(n.args[0])
		if ok {
			if truthy(c) {
				return m.eval(n.args[1])
			}
			return m.eval(n.args[2])
		}
		a, ok1 := m.eval(n.args[1])
		b, ok2 := m.eval(n.args[2])
		if ok1 && ok2 && compare("==", a, b) {
			return a, true
		}
		return lval{}, false
	case opAtMost:
		count, open := 0, 0
		for _, a := range n.args {
			x, ok := m.eval(a)
			switch {
			case !ok:
				open++
			case truthy(x):
				count++
			}
		}
		switch {
		case count > int(n.k):
			return boolVal(false), true
		case count+open <= int(n.k):
			return boolVal(true), true
		}
		return lval{}, false
	case opOpaque:
		key := make([]byte, 0, 2*len(n.vars))
		for _, i := range n.vars {
			if m.at[i] < 0 {
				return lval{}, false
			}
			key = append(key, byte(m.at[i]), byte(m.at[i]>>8))
		}
		// The search asks again and again with the same values; expr
		// runs once for each.
		if x, ok := n.x.memo[string(key)]; ok {
			return x, true
		}
		x := m.runOpaque(n)
		if n.x.memo == nil {
			n.x.memo = map[string]lval{}
		}
		if len(n.x.memo) < 1<<12 {
			n.x.memo[string(key)] = x
		}
		return x, true
	}
	return lval{}, false
}

// optValue is the option a varPicked node stands for.
func (n *lnode) optValue(m *model) string { return m.vars[n.v].opt }

func truthy(x lval) bool { return x.kind == lvBool && x.b }

func ftoa(f float64) string {
	if f == math.Trunc(f) && math.Abs(f) < 1e15 {
		return itoa(int(f))
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

func compare(op string, a, b lval) bool {
	if a.kind == lvNum && b.kind == lvNum {
		switch op {
		case "==":
			return a.n == b.n
		case "!=":
			return a.n != b.n
		case "<":
			return a.n < b.n
		case "<=":
			return a.n <= b.n
		case ">":
			return a.n > b.n
		case ">=":
			return a.n >= b.n
		}
	}
	if a.kind != b.kind {
		return op == "!="
	}
	var eq bool
	switch a.kind {
	case lvBool:
		eq = a.b == b.b
	case lvStr:
		switch op {
		case "<":
			return a.s < b.s
		case "<=":
			return a.s <= b.s
		case ">":
			return a.s > b.s
		case ">=":
			return a.s >= b.s
		}
		eq = a.s == b.s
	case lvList:
		eq = slices.Equal(a.l, b.l)
	}
	switch op {
	case "==":
		return eq
	case "!=":
		return !eq
	}
	return false
}

// runOpaque runs an opaque part of a condition with what the variables
// hold, as the quiz would.
func (m *model) runOpaque(n *lnode) lval {
	answers := map[string]any{}
	facts := &Facts{Dims: map[string]float64{}, Flags: map[string]bool{}}
	for id, i := range n.x.names {
		switch id {
		case "composite":
			facts.Composite = m.value(i).n
			continue
		case "has_composite":
			facts.HasComposite = m.value(i).b
			continue
		case "verdict":
			facts.Verdict = m.value(i).s
			continue
		}
		q := m.s.index.questions[id]
		if q.Kind == KindMulti {
			list := []string{}
			for _, o := range q.Options {
				if j, ok := m.index["p:"+q.ID+"\x00"+o.Value]; ok && m.value(j).b {
					list = append(list, o.Value)
				}
			}
			if len(list) > 0 {
				answers[id] = list
			}
			continue
		}
		if x := m.value(i); x.ans {
			answers[id] = x.native(q)
		}
	}
	for id, i := range n.x.flags {
		facts.Flags[id] = m.value(i).b
	}
	for id, pair := range n.x.dims {
		if m.value(pair[0]).b {
			facts.Dims[id] = m.value(pair[1]).n
		}
	}
	out, err := vm.Run(n.x.prog, m.s.Env(answers, facts).vars)
	if err != nil {
		return boolVal(false)
	}
	switch x := out.(type) {
	case bool:
		return boolVal(x)
	case int:
		return lval{kind: lvNum, n: float64(x)}
	case float64:
		return lval{kind: lvNum, n: x}
	case string:
		return lval{kind: lvStr, s: x}
	case []string:
		return lval{kind: lvList, l: x}
	case []any:
		out := lval{kind: lvList}
		for _, e := range x {
			s, _ := e.(string)
			out.l = append(out.l, s)
		}
		return out
	}
	return boolVal(false)
}

// value is what variable i holds now; it must hold something.
func (m *model) value(i int) lval { return m.domain(i)[m.at[i]] }

// native is an answer as the quiz keeps it.
func (x lval) native(q *Question) any {
	switch q.Kind {
	case KindScale, KindNumber:
		return int(x.n)
	case KindText:
		if x.s == otherText {
			return "some words"
		}
	}
	return x.s
}
