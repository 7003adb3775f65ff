package questions

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/builtin"
	"github.com/expr-lang/expr/parser"
)

// A set is a file anyone can hand to someone else, so its conditions run
// under limits its author cannot get around. A condition is refused when
// the set loads (amends check says so at its line), never half-way through
// someone's quiz:
//
//   - its source is at most MaxConditionLength characters, nested at most
//     MaxConditionDepth deep (brackets and prefix operators such as ! and -
//     count), checked before the expression parser sees it, so that no
//     input can overflow the parser's stack;
//   - it has at most maxConditionNodes parts;
//   - it calls only the functions in ConditionFunctions;
//   - every value it could build is at most MaxConditionValue characters or
//     list items, and the work it could do at most maxConditionWork steps,
//     worked out from the source and the set before it ever runs.
const (
	MaxConditionLength = 4000
	MaxConditionDepth  = 32
	MaxConditionValue  = 1 << 20
	maxConditionNodes  = 500
	maxConditionWork   = 1 << 22

	// A named condition stands for its condition where it is used (see
	// named.go): with every name put in place, a condition has at most
	// maxInlinedNodes parts, and names use one another at most
	// maxNamedDepth deep. Without these, a chain of names each using the
	// one before twice would grow a condition twice over at every step.
	maxInlinedNodes = 4 * maxConditionNodes
	maxNamedDepth   = 16
)

// namedTooLarge and namedTooDeep begin the problems spend gives.
const (
	namedTooLarge = "condition, with the named conditions it uses put in place, has more than"
	namedTooDeep  = "named conditions use one another more than"
)

// isLimitProblem reports whether p is one of spend's problems.
func isLimitProblem(p string) bool {
	return strings.HasPrefix(p, namedTooLarge) || strings.HasPrefix(p, namedTooDeep)
}

// spend takes the parts of a named condition about to be put in place
// from the compiler's budget; it returns the problem when the budget or
// the depth of names (stack) is exceeded, and "" otherwise.
func (cc *condCompiler) spend(n ast.Node, stack []string) string {
	if len(stack) > maxNamedDepth {
		return fmt.Sprintf("%s %d deep (%s ...)", namedTooDeep, maxNamedDepth, strings.Join(stack[:4], " → "))
	}
	cc.budget -= countNodes(n)
	if cc.budget < 0 {
		return fmt.Sprintf("%s %d parts; use fewer names, or names that use fewer others", namedTooLarge, maxInlinedNodes)
	}
	return ""
}

// countNodes counts the parts of a parsed condition.
func countNodes(n ast.Node) int {
	count := 0
	ast.Walk(&n, visitCount{&count})
	return count
}

type visitCount struct{ n *int }

func (v visitCount) Visit(*ast.Node) { *v.n++ }

// ConditionFunctions are the functions a condition may call: amends' own
// and the few of expr's builtins that only look at answers. Anything that
// builds large values (repeat, join, map, reduce, toJSON...) or reads the
// clock (now, date) is left out.
var ConditionFunctions = []string{
	"abs", "all", "answered", "any", "ceil", "count", "filter", "first", "flagged", "floor",
	"last", "len", "lower", "max", "mean", "min", "none", "one", "round", "scored", "sum",
	"trim", "trimPrefix", "trimSuffix", "upper",
}

// ownFunctions are the functions amends gives conditions.
var ownFunctions = map[string]bool{"flagged": true, "answered": true, "scored": true}

// allowedBuiltin reports whether a condition may call expr's builtin name.
func allowedBuiltin(name string) bool {
	_, sorted := slices.BinarySearch(ConditionFunctions, name)
	return sorted && !ownFunctions[name]
}

// disabledBuiltins is every expr builtin a condition may not call, for the
// compiler's configuration. expr parses its predicate builtins (map,
// reduce, ...) whatever the configuration says, so the tree is checked too
// (see limitTree).
func disabledBuiltins() map[string]bool {
	off := map[string]bool{}
	for _, f := range builtin.Builtins {
		if !allowedBuiltin(f.Name) {
			off[f.Name] = true
		}
	}
	return off
}

// limitSource refuses a condition too long or too deeply nested to parse
// safely; it returns the problem, or "".
func limitSource(src string) string {
	if n := utf8.RuneCountInString(src); n > MaxConditionLength {
		return fmt.Sprintf("condition is %d characters long; a condition may have at most %d", n, MaxConditionLength)
	}
	if d := nesting(src); d > MaxConditionDepth {
		return fmt.Sprintf("condition nests %d deep (brackets and operators such as ! and - inside one another); at most %d", d, MaxConditionDepth)
	}
	return ""
}

// nesting returns how deep the parts of an expression nest, read from its
// characters alone: each open bracket, and each prefix operator (!, not,
// unary - and +) until its operand ends, counts one; so do a ternary "?",
// let and if, until their bracket closes. The parser recurses once for
// each of these, so this bounds its depth.
func nesting(src string) int {
	type level struct{ prefix, tail int }
	stack := []level{{}}
	depth, most := 0, 0
	operand := false // the last token ended an operand
	push := func() {
		stack = append(stack, level{})
		depth++
		most = max(most, depth)
		operand = false
	}
	prefix := func() {
		stack[len(stack)-1].prefix++
		depth++
		most = max(most, depth)
		operand = false
	}
	tail := func() {
		stack[len(stack)-1].tail++
		depth++
		most = max(most, depth)
		operand = false
	}
	endOperand := func() {
		top := &stack[len(stack)-1]
		depth -= top.prefix
		top.prefix = 0
		operand = true
	}
	isWord := func(c byte) bool {
		return c == '_' || c == '$' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
	}
	for i := 0; i < len(src); {
		c := src[i]
		next := byte(0)
		if i+1 < len(src) {
			next = src[i+1]
		}
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == '"' || c == '\'':
			i++
			for i < len(src) && src[i] != c {
				if src[i] == '\\' {
					i++
				}
				i++
			}
			i++
			endOperand()
		case c == '`':
			end := strings.IndexByte(src[i+1:], '`')
			if end < 0 {
				i = len(src)
			} else {
				i += end + 2
			}
			endOperand()
		case c == '/' && next == '/':
			end := strings.IndexByte(src[i:], '\n')
			if end < 0 {
				end = len(src) - i
			}
			i += end
		case c == '/' && next == '*':
			end := strings.Index(src[i+2:], "*/")
			if end < 0 {
				i = len(src)
			} else {
				i += end + 4
			}
		case c == '(' || c == '[' || c == '{':
			push()
			i++
		case c == ')' || c == ']' || c == '}':
			if len(stack) > 1 {
				top := stack[len(stack)-1]
				depth -= 1 + top.prefix + top.tail
				stack = stack[:len(stack)-1]
			}
			endOperand()
			i++
		case c == '!' && next != '=':
			prefix()
			i++
		case (c == '-' || c == '+') && !operand:
			prefix()
			i++
		case c == '?' && next != '?' && next != '.':
			tail()
			i++
		case c == '#':
			i++
			for i < len(src) && isWord(src[i]) {
				i++
			}
			endOperand()
		case isWord(c):
			j := i
			for j < len(src) && isWord(src[j]) {
				j++
			}
			switch word := src[i:j]; word {
			case "not":
				if operand {
					operand = false // not in, not contains...
				} else {
					prefix()
				}
			case "let", "if":
				tail()
			case "and", "or", "in", "matches", "contains", "startsWith", "endsWith", "else":
				operand = false
			default:
				endOperand()
			}
			i = j
		default: // an operator: ==, &&, .., ?? and the like
			if c == '?' || c == '.' {
				// ?. and . lead to a member of the operand before.
				operand = false
				i++
				if i < len(src) && (src[i] == '.' || src[i] == '?') {
					i++
				}
				continue
			}
			operand = false
			i++
		}
	}
	return most
}

// size is an upper bound, worked out before a condition runs, on what one
// of its parts costs: the size of the value it gives (characters of a
// string, items of a list, one for a number or a yes-or-no) and the work
// of computing it.
type size struct{ value, work int64 }

// saturate keeps bounds from overflowing; anything past it is refused anyway.
const saturate = 1 << 40

func sat(n int64) int64 { return min(max(n, 0), saturate) }

// plus is the size of two parts side by side: their values and their work added.
func (a size) plus(b size) size { return size{sat(a.value + b.value), sat(a.work + b.work)} }

func mul(a, b int64) int64 {
	if a != 0 && b > saturate/a {
		return saturate
	}
	return sat(a * b)
}

// limitTree checks a parsed condition: only the functions it may call, no
// range with ends not written out, and bounded value sizes and work.
func (cc *condCompiler) limitTree(tree *parser.Tree) []string {
	l := &limiter{cc: cc, vars: map[string]int64{}}
	total := l.size(tree.Node)
	if l.problems == nil && total.work > maxConditionWork {
		l.fail("condition could take too long to work out (lists gone through inside one another); keep it to plain comparisons of answers")
	}
	return l.problems
}

type limiter struct {
	cc       *condCompiler
	vars     map[string]int64 // let variables: their value's size
	elems    []int64          // the size of # in the predicates around
	problems []string
}

func (l *limiter) fail(format string, a ...any) {
	msg := fmt.Sprintf(format, a...)
	if !slices.Contains(l.problems, msg) {
		l.problems = append(l.problems, msg)
	}
}

// answerSize is the largest value a question's answer can be.
func (l *limiter) answerSize(q *Question) int64 {
	switch q.Kind {
	case KindChoice:
		n := int64(1)
		for _, o := range q.Options {
			n = max(n, int64(len(o.Value))+1)
		}
		return n
	case KindMulti:
		n := int64(1)
		for _, o := range q.Options {
			n += int64(len(o.Value)) + 1
		}
		return n
	case KindText:
		return MaxTextAnswer*utf8.UTFMax + 1
	}
	return 1
}

func (l *limiter) size(n ast.Node) size {
	s := l.measure(n)
	if s.value > MaxConditionValue {
		l.fail("condition could build a value of more than %d characters or list items; a condition compares answers and needs nothing that large", MaxConditionValue)
	}
	return s
}

func (l *limiter) measure(n ast.Node) size {
	one := size{1, 1}
	switch n := n.(type) {
	case nil:
		return one
	case *ast.NilNode, *ast.BoolNode, *ast.IntegerNode, *ast.FloatNode, *ast.ConstantNode:
		return one
	case *ast.StringNode:
		return size{int64(len(n.Value)) + 1, 1}
	case *ast.BytesNode:
		return size{int64(len(n.Value)) + 1, 1}
	case *ast.IdentifierNode:
		if v, ok := l.vars[n.Value]; ok {
			return size{v, 1}
		}
		s := l.cc.set
		switch n.Value {
		case "$env":
			l.fail("condition uses $env; name the question, dimension or flag itself")
			return one
		case "dim":
			return size{int64(len(s.Dimensions)) + 1, 1}
		case "verdict":
			v := int64(1)
			for _, vd := range s.Verdicts {
				v = max(v, int64(len(vd.ID))+1)
			}
			return size{v, 1}
		}
		if q := s.index.questions[n.Value]; q != nil {
			return size{l.answerSize(q), 1}
		}
		return one // a number, a yes-or-no, or a name the reference check reports
	case *ast.UnaryNode:
		x := l.size(n.Node)
		return size{1, sat(x.work + 1)}
	case *ast.BinaryNode:
		a, b := l.size(n.Left), l.size(n.Right)
		work := sat(a.work + b.work + a.value + b.value)
		switch n.Operator {
		case "+":
			return size{sat(a.value + b.value), work}
		case "??":
			return size{max(a.value, b.value), work}
		case "..":
			lo, ok1 := literalInt(n.Left)
			hi, ok2 := literalInt(n.Right)
			if !ok1 || !ok2 {
				l.fail("a range (..) in a condition needs whole numbers written out at both ends, such as 1..5")
				return one
			}
			items := sat(int64(hi) - int64(lo) + 1)
			return size{max(items, 1), sat(work + items)}
		case "matches":
			return size{1, sat(work + mul(a.value, b.value))}
		}
		return size{1, work}
	case *ast.ChainNode:
		return l.size(n.Node)
	case *ast.MemberNode:
		x, p := l.size(n.Node), l.size(n.Property)
		return size{x.value, sat(x.work + p.work + 1)}
	case *ast.SliceNode:
		x, from, to := l.size(n.Node), l.size(n.From), l.size(n.To)
		return size{x.value, sat(x.work + from.work + to.work + x.value)}
	case *ast.CallNode:
		work := int64(1)
		for _, a := range n.Arguments {
			work = sat(work + l.size(a).work)
		}
		if id, ok := n.Callee.(*ast.IdentifierNode); ok {
			if _, isBuiltin := builtin.Index[id.Value]; isBuiltin && !allowedBuiltin(id.Value) {
				l.notAllowed(id.Value)
			}
		}
		return size{1, work}
	case *ast.BuiltinNode:
		return l.builtin(n)
	case *ast.PredicateNode:
		return l.size(n.Node)
	case *ast.PointerNode:
		switch {
		case n.Name == "acc":
			l.fail("condition uses #acc, which only reduce has, and conditions may not call reduce")
			return one
		case n.Name != "" || len(l.elems) == 0:
			return one // #index, or a misplaced # the checker reports
		}
		return size{l.elems[len(l.elems)-1], 1}
	case *ast.ConditionalNode:
		c, a, b := l.size(n.Cond), l.size(n.Exp1), l.size(n.Exp2)
		return size{max(a.value, b.value), sat(c.work + a.work + b.work)}
	case *ast.VariableDeclaratorNode:
		v := l.size(n.Value)
		old, had := l.vars[n.Name]
		l.vars[n.Name] = v.value
		e := l.size(n.Expr)
		if had {
			l.vars[n.Name] = old
		} else {
			delete(l.vars, n.Name)
		}
		return size{e.value, sat(v.work + e.work)}
	case *ast.SequenceNode:
		out := one
		work := int64(0)
		for _, x := range n.Nodes {
			out = l.size(x)
			work = sat(work + out.work)
		}
		return size{out.value, work}
	case *ast.ArrayNode:
		out := size{1, 1}
		for _, x := range n.Nodes {
			e := l.size(x)
			out = out.plus(e)
		}
		return out
	case *ast.MapNode:
		out := size{1, 1}
		for _, p := range n.Pairs {
			e := l.size(p)
			out = out.plus(e)
		}
		return out
	case *ast.PairNode:
		k, v := l.size(n.Key), l.size(n.Value)
		return k.plus(v)
	}
	l.fail("condition uses %T, which conditions do not support", n)
	return one
}

func (l *limiter) notAllowed(name string) {
	l.fail("condition calls %s, which is not one of the functions a condition may use (%s)", name, strings.Join(ConditionFunctions, ", "))
}

// builtin measures a call of one of expr's builtins.
func (l *limiter) builtin(n *ast.BuiltinNode) size {
	if !allowedBuiltin(n.Name) {
		l.notAllowed(n.Name)
		return size{1, 1}
	}
	if len(n.Arguments) == 0 {
		return size{1, 1}
	}
	first := l.size(n.Arguments[0])
	rest := int64(0)
	restValue := int64(0)
	for _, a := range n.Arguments[1:] {
		if _, ok := a.(*ast.PredicateNode); ok {
			continue
		}
		s := l.size(a)
		rest = sat(rest + s.work)
		restValue = sat(restValue + s.value)
	}
	work := sat(first.work + rest + first.value + restValue)
	for _, a := range n.Arguments[1:] {
		if p, ok := a.(*ast.PredicateNode); ok {
			// The predicate runs once per item, with # an item.
			l.elems = append(l.elems, first.value)
			body := l.size(p)
			l.elems = l.elems[:len(l.elems)-1]
			work = sat(work + mul(first.value, body.work+1))
		}
	}
	switch n.Name {
	case "filter", "first", "last", "trim", "trimPrefix", "trimSuffix":
		return size{first.value, work}
	case "lower", "upper":
		// Changing case can make a character take more bytes, never twice as many.
		return size{mul(first.value, 2), sat(work + mul(first.value, 2))}
	}
	return size{1, work}
}

// literalInt reads a whole number written out, possibly negative.
func literalInt(n ast.Node) (int, bool) {
	switch n := n.(type) {
	case *ast.IntegerNode:
		return n.Value, true
	case *ast.UnaryNode:
		if i, ok := n.Node.(*ast.IntegerNode); ok && (n.Operator == "-" || n.Operator == "+") {
			if n.Operator == "-" {
				return -i.Value, true
			}
			return i.Value, true
		}
	}
	return 0, false
}
