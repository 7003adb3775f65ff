package questions

import (
	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/parser"
)

// Before the first question, working out which questions apply (and so
// how many there are) compiles every condition of the quiz: the larger
// part of amends' start-up. Two things keep that short: a condition of
// the built-in set compiles once for all of its kind with the same text,
// and a named condition's source is parsed once per set.

// lazyKey is what a built-in set's condition compiles to depends on: its
// text and the kind of place it stands in. The set was checked when its
// snapshot was written, so where exactly it stands only decides problems
// it does not have.
type lazyKey struct {
	ctx  context
	flag bool // a flag's own condition
	src  string
}

// compileLazy compiles c, a condition of the built-in set, when first
// used; another with the same text in the same kind of place takes what
// the first made.
func (cc *condCompiler) compileLazy(c *Cond, ctx context, before int) {
	key := lazyKey{ctx, before == flagPosition, c.Src}
	if done, ok := cc.compiled[key]; ok {
		c.share(done)
		return
	}
	cc.compile(c, ctx, before)
	if c.prog != nil {
		if cc.compiled == nil {
			cc.compiled = map[lazyKey]*Cond{}
		}
		cc.compiled[key] = c
	}
}

// share makes c what compiling from made: the program and what it
// reads, which no one changes once made.
func (c *Cond) share(from *Cond) {
	c.prog, c.node, c.constant, c.parts = from.prog, from.node, from.constant, from.parts
	c.questions, c.affirmed, c.dims, c.flags, c.builtins = from.questions, from.affirmed, from.dims, from.flags, from.builtins
}

// A named condition is put in place wherever it is used, a new copy each
// time (the checker writes types into the nodes it checks): its source is
// parsed once per set and the tree copied for each use.

// parsedName is a named condition's source as parsed once.
type parsedName struct {
	tree *parser.Tree
	err  error
}

// parseName parses the source of the named condition name, src, once,
// and returns a copy of the tree each call.
func (cc *condCompiler) parseName(name, src string) (*parser.Tree, error) {
	p, ok := cc.parsedNames[name]
	if !ok {
		p.tree, p.err = parser.ParseWithConfig(src, cc.config)
		if cc.parsedNames == nil {
			cc.parsedNames = map[string]parsedName{}
		}
		cc.parsedNames[name] = p
	}
	if p.err != nil {
		return nil, p.err
	}
	if n, ok := cloneNode(p.tree.Node); ok {
		return &parser.Tree{Node: n, Source: p.tree.Source}, nil
	}
	return parser.ParseWithConfig(src, cc.config) // a node cloneNode does not know
}

// cloneNode returns a deep copy of the tree n, and false if it holds a
// kind of node it does not know.
func cloneNode(n ast.Node) (ast.Node, bool) {
	ok := true
	var c func(n ast.Node) ast.Node
	list := func(ns []ast.Node) []ast.Node {
		if ns == nil {
			return nil
		}
		out := make([]ast.Node, len(ns))
		for i, x := range ns {
			out[i] = c(x)
		}
		return out
	}
	c = func(n ast.Node) ast.Node {
		switch x := n.(type) {
		case nil:
			return nil
		case *ast.NilNode:
			y := *x
			return &y
		case *ast.IdentifierNode:
			y := *x
			return &y
		case *ast.IntegerNode:
			y := *x
			return &y
		case *ast.FloatNode:
			y := *x
			return &y
		case *ast.BoolNode:
			y := *x
			return &y
		case *ast.StringNode:
			y := *x
			return &y
		case *ast.BytesNode:
			y := *x
			return &y
		case *ast.ConstantNode:
			y := *x
			return &y
		case *ast.PointerNode:
			y := *x
			return &y
		case *ast.UnaryNode:
			y := *x
			y.Node = c(x.Node)
			return &y
		case *ast.BinaryNode:
			y := *x
			y.Left, y.Right = c(x.Left), c(x.Right)
			return &y
		case *ast.ChainNode:
			y := *x
			y.Node = c(x.Node)
			return &y
		case *ast.MemberNode:
			y := *x
			y.Node, y.Property = c(x.Node), c(x.Property)
			return &y
		case *ast.SliceNode:
			y := *x
			y.Node, y.From, y.To = c(x.Node), c(x.From), c(x.To)
			return &y
		case *ast.CallNode:
			y := *x
			y.Callee, y.Arguments = c(x.Callee), list(x.Arguments)
			return &y
		case *ast.BuiltinNode:
			y := *x
			y.Arguments, y.Map = list(x.Arguments), c(x.Map)
			return &y
		case *ast.PredicateNode:
			y := *x
			y.Node = c(x.Node)
			return &y
		case *ast.ConditionalNode:
			y := *x
			y.Cond, y.Exp1, y.Exp2 = c(x.Cond), c(x.Exp1), c(x.Exp2)
			return &y
		case *ast.VariableDeclaratorNode:
			y := *x
			y.Value, y.Expr = c(x.Value), c(x.Expr)
			return &y
		case *ast.SequenceNode:
			y := *x
			y.Nodes = list(x.Nodes)
			return &y
		case *ast.ArrayNode:
			y := *x
			y.Nodes = list(x.Nodes)
			return &y
		case *ast.MapNode:
			y := *x
			y.Pairs = list(x.Pairs)
			return &y
		case *ast.PairNode:
			y := *x
			y.Key, y.Value = c(x.Key), c(x.Value)
			return &y
		}
		ok = false
		return n
	}
	out := c(n)
	return out, ok
}
