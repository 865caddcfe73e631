package authn

import (
	"go/ast"
	"go/types"

	"github.com/apiaudit/apiaudit/pkg/goapi"
)

// ChainFact describes a method of a middleware chain type of the program's
// own: a struct that keeps middleware in a slice field, gains elements
// through one method (c.Use(mw) appends mw and returns c) and installs them
// on a router through another (c.Apply(group) loops group.Use(mw) over the
// field). A route on a group that such a chain was applied to is behind
// whatever the chain holds at that point, which the guard reads from the
// calls that built the chain value (see chainElems).
type ChainFact struct {
	// Field is the slice field that holds the middleware.
	Field string
	// Applies is the index of the router parameter the method installs
	// every element of Field on; -1 when it does not.
	Applies int
	// Collects is the index of the parameter the method appends to Field
	// (for a variadic last parameter, every argument from there on); -1
	// when it does not.
	Collects int
	// Self: the method returns its receiver, so calls chain
	// (NewChain().Use(a).Use(b)).
	Self bool
}

func (*ChainFact) AFact() {}

func (f *ChainFact) String() string {
	switch {
	case f.Applies >= 0:
		return "installs the middleware of field " + f.Field + " on its router argument"
	default:
		return "adds its argument to the middleware of field " + f.Field
	}
}

// chainFact looks at a method body for the two shapes ChainFact
// describes; nil when it has neither.
func chainFact(info *types.Info, fn *types.Func, body *ast.BlockStmt) *ChainFact {
	sig := fn.Signature()
	if sig.Recv() == nil || goapi.TypeName(sig.Recv().Type()) == "" {
		return nil
	}
	recv := sig.Recv()
	params := map[types.Object]int{}
	for i := range sig.Params().Len() {
		params[sig.Params().At(i)] = i
	}
	// field is the name of the middleware slice field e selects on the
	// receiver (c.middlewares); "" otherwise.
	field := func(e ast.Expr) string {
		sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
		if !ok {
			return ""
		}
		id, ok := ast.Unparen(sel.X).(*ast.Ident)
		if !ok || info.Uses[id] != recv {
			return ""
		}
		f, ok := info.Uses[sel.Sel].(*types.Var)
		if !ok || !f.IsField() {
			return ""
		}
		s, ok := f.Type().Underlying().(*types.Slice)
		if !ok || !isHandlerish(s.Elem()) && !isMiddlewareValue(s.Elem()) {
			return ""
		}
		return f.Name()
	}
	fact := &ChainFact{Applies: -1, Collects: -1}
	elems := map[types.Object]string{} // range variables over a field
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.RangeStmt:
			if f := field(n.X); f != "" {
				if v, ok := n.Value.(*ast.Ident); ok && info.Defs[v] != nil {
					elems[info.Defs[v]] = f
				}
			}
		case *ast.AssignStmt:
			// c.middlewares = append(c.middlewares, mw) or mws...
			if len(n.Lhs) != 1 || len(n.Rhs) != 1 {
				return true
			}
			f := field(n.Lhs[0])
			call, ok := ast.Unparen(n.Rhs[0]).(*ast.CallExpr)
			if f == "" || !ok || len(call.Args) < 2 || field(call.Args[0]) != f {
				return true
			}
			if b, ok := info.Uses[identOf(call.Fun)].(*types.Builtin); !ok || b.Name() != "append" {
				return true
			}
			if id, ok := ast.Unparen(call.Args[1]).(*ast.Ident); ok {
				if i, ok := params[info.Uses[id]]; ok {
					fact.Field, fact.Collects = f, i
				}
			}
		case *ast.CallExpr:
			// group.Use(mw) in a range over the field, or
			// group.Use(c.middlewares...)
			c, ok := goapi.Routers.Lookup(goapi.Callee(info, n))
			if !ok || c.Kind != goapi.RouteUse || len(n.Args) == 0 {
				return true
			}
			sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr)
			if !ok {
				return true
			}
			id, ok := ast.Unparen(sel.X).(*ast.Ident)
			if !ok {
				return true
			}
			i, ok := params[info.Uses[id]]
			if !ok {
				return true
			}
			f := ""
			if v, ok := ast.Unparen(n.Args[0]).(*ast.Ident); ok {
				f = elems[info.Uses[v]]
			} else if n.Ellipsis.IsValid() {
				f = field(n.Args[0])
			}
			if f != "" {
				fact.Field, fact.Applies = f, i
			}
		}
		return true
	})
	if fact.Field == "" {
		return nil
	}
	if fact.Collects >= 0 {
		fact.Self = returnsRecv(info, recv, body)
	}
	return fact
}

// returnsRecv: every return statement of body returns the receiver alone.
func returnsRecv(info *types.Info, recv *types.Var, body *ast.BlockStmt) bool {
	found, other := false, false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if len(n.Results) == 1 {
				if id, ok := ast.Unparen(n.Results[0]).(*ast.Ident); ok && info.Uses[id] == recv {
					found = true
					return true
				}
			}
			other = true
		}
		return true
	})
	return found && !other
}

// Chain is fn's ChainFact, from this package or through facts; nil when
// fn is no chain method.
func (r *Result) Chain(fn *types.Func) *ChainFact {
	if fn == nil {
		return nil
	}
	fn = fn.Origin()
	if fn.Pkg() == r.pass.Pkg {
		return r.chains[fn]
	}
	var f ChainFact
	if r.pass.ImportObjectFact(fn, &f) {
		return &f
	}
	return nil
}

// chainEl is a middleware a chain value holds and the call that added it
// (nil when it came with the value's constructor).
type chainEl struct {
	mw  ast.Expr
	add *ast.CallExpr
}

// chainElems is the middleware the chain value e holds: the arguments of
// the collecting calls it was built with (NewChain().Use(a).Use(b)), those
// of a constructor of this package, and, for a variable, those of every
// value assigned to it and of the collecting calls made on it anywhere in
// the package (chain.Use(c) under an if: see applyAuth). A constructor
// of another package adds nothing: what it puts in is not known here.
func (g *Guard) chainElems(e ast.Expr, field string) []chainEl {
	if !g.enter(e) {
		return nil
	}
	defer g.leave(e)
	info := g.pass.TypesInfo
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		fn := goapi.Callee(info, e)
		if fn == nil {
			return nil
		}
		if f := g.res.Chain(fn); f != nil && f.Field == field && f.Collects >= 0 {
			var out []chainEl
			if sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr); ok && f.Self {
				out = g.chainElems(sel.X, field)
			}
			return append(out, collected(e, f)...)
		}
		if d := g.decls[fn.Origin()]; d != nil && d.Body != nil {
			var out []chainEl
			ast.Inspect(d.Body, func(n ast.Node) bool {
				if _, ok := n.(*ast.FuncLit); ok {
					return false
				}
				if r, ok := n.(*ast.ReturnStmt); ok && len(r.Results) == 1 {
					out = append(out, g.chainElems(r.Results[0], field)...)
				}
				return true
			})
			return out
		}
	case *ast.Ident, *ast.SelectorExpr:
		obj := g.objOf(e)
		if obj == nil {
			return nil
		}
		var out []chainEl
		for _, rhs := range g.assigns[obj] {
			out = append(out, g.chainElems(rhs, field)...)
		}
		for _, u := range g.uses[obj] {
			sel, ok := g.parentOf(u).(*ast.SelectorExpr)
			if !ok || sel.X != u {
				continue
			}
			call, ok := g.parentOf(sel).(*ast.CallExpr)
			if !ok || call.Fun != sel {
				continue
			}
			if f := g.res.Chain(goapi.Callee(info, call)); f != nil && f.Field == field && f.Collects >= 0 {
				if _, isStmt := g.parentOf(call).(*ast.ExprStmt); isStmt {
					out = append(out, collected(call, f)...)
				}
			}
		}
		return out
	}
	return nil
}

// collected is what a collecting call adds.
func collected(call *ast.CallExpr, f *ChainFact) []chainEl {
	if f.Collects >= len(call.Args) {
		return nil
	}
	var out []chainEl
	for _, a := range call.Args[f.Collects:] {
		out = append(out, chainEl{a, call})
	}
	if call.Ellipsis.IsValid() {
		out = out[:len(out)-1] // c.Use(mws...): not followed
	}
	return out
}

// applyAuth looks at the chains of the program's own applied to the
// router variable obj (chain.Apply(group)): ok when one holds auth that
// is always on, else the auth that may be off, if any. Auth added to the
// chain under a condition (if cfg.Auth { chain.Use(auth) }) is
// conditional on it.
func (g *Guard) applyAuth(obj types.Object) (cond *Conditional, ok bool) {
	info := g.pass.TypesInfo
	for _, u := range g.uses[obj] {
		call, isCall := g.parentOf(u).(*ast.CallExpr)
		if !isCall || ast.Unparen(call.Fun) == u {
			continue
		}
		f := g.res.Chain(goapi.Callee(info, call))
		if f == nil || f.Applies < 0 || argIndex(call, u) != f.Applies {
			continue
		}
		sel, isSel := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !isSel {
			continue
		}
		for _, el := range g.chainElems(sel.X, f.Field) {
			var off string
			if !g.IsAuth(el.mw) {
				if off = g.offWhen(el.mw); off == "" {
					continue
				}
			}
			c := g.conditional(obj, call, el.mw, off)
			if c == nil && el.add != nil {
				if added := g.condition(nil, el.add); added != nil && !g.sameBlock(el.add, call) {
					c = &Conditional{Use: el.add, Mw: el.mw, Cond: added}
				}
			}
			if c == nil {
				return nil, true
			}
			if cond == nil {
				cond = c
			}
		}
	}
	return cond, false
}

// sameBlock: a and b are under the same innermost if or case (so a
// condition on one holds for the other).
func (g *Guard) sameBlock(a, b ast.Node) bool {
	inner := func(n ast.Node) ast.Node {
		for p := g.parent[n]; p != nil; p = g.parent[p] {
			switch p.(type) {
			case *ast.IfStmt, *ast.CaseClause, *ast.FuncDecl, *ast.FuncLit:
				return p
			}
		}
		return nil
	}
	return inner(a) == inner(b)
}
