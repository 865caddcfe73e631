package authn

import (
	"go/ast"
	"go/types"

	"github.com/apiaudit/apiaudit/pkg/goapi"
)

// spread looks at the middleware that a chain helper of the package
// applies from a slice passed to it variadically (chain(h, mws...), where
// chain wraps h with each element in a loop): on when an element that
// checks credentials is always in the slice, else the first one that is
// added under a condition (if s.oauth != nil { mws = append(mws,
// s.oauth.Validate()) }) or that a setting can switch off, as a
// Conditional. Only a local slice is followed: its composite literal and
// the appends to it.
func (g *Guard) spread(call *ast.CallExpr) (on bool, maybe *Conditional) {
	obj := g.spreadSlice(call)
	if obj == nil {
		return false, nil
	}
	info := g.pass.TypesInfo
	for _, rhs := range g.assigns[obj] {
		var elems []ast.Expr
		var use *ast.CallExpr
		switch rhs := ast.Unparen(rhs).(type) {
		case *ast.CompositeLit:
			elems = rhs.Elts
		case *ast.CallExpr:
			if b, ok := info.Uses[identOf(rhs.Fun)].(*types.Builtin); !ok || b.Name() != "append" || len(rhs.Args) < 2 {
				continue
			}
			elems, use = rhs.Args[1:], rhs
			if rhs.Ellipsis.IsValid() {
				elems = elems[:len(elems)-1] // append(mws, more...): not followed
			}
		}
		for _, el := range elems {
			var off string
			if !g.IsAuth(el) {
				if off = g.offWhen(el); off == "" {
					continue
				}
			}
			var c *Conditional
			switch {
			case use != nil:
				c = g.conditional(obj, use, el, off)
			case off != "":
				c = &Conditional{Use: call, Mw: el, Off: off}
			}
			if c == nil {
				return true, nil
			}
			if maybe == nil {
				maybe = c
			}
		}
	}
	return false, maybe
}

// appliesEach reports whether d, a function whose last parameter is
// variadic, calls each element of that parameter: a range over it that
// calls the element (for _, mw := range mws { h = mw(h) }), or a call of
// mws[i].
func appliesEach(info *types.Info, d *ast.FuncDecl) bool {
	fn, _ := info.Defs[d.Name].(*types.Func)
	if fn == nil || !fn.Signature().Variadic() || d.Body == nil {
		return false
	}
	ps := fn.Signature().Params()
	param := ps.At(ps.Len() - 1)
	if !isMiddlewareValue(param.Type().(*types.Slice).Elem()) {
		return false
	}
	elem := map[types.Object]bool{}
	found := false
	ast.Inspect(d.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.RangeStmt:
			if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && info.Uses[id] == param {
				if v, ok := n.Value.(*ast.Ident); ok && info.Defs[v] != nil {
					elem[info.Defs[v]] = true
				}
			}
		case *ast.CallExpr:
			switch f := ast.Unparen(n.Fun).(type) {
			case *ast.Ident:
				if obj := info.Uses[f]; obj != nil && elem[obj] {
					found = true
				}
			case *ast.IndexExpr:
				if id, ok := ast.Unparen(f.X).(*ast.Ident); ok && info.Uses[id] == param {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// spreadSlice is the local slice that call, a call of a chain helper of
// the package (appliesEach), passes variadically: chain(h, mws...); nil
// for other calls. What the helper does is then what the slice holds,
// whatever the functions stored elsewhere under the same type do.
func (g *Guard) spreadSlice(call *ast.CallExpr) *types.Var {
	if call == nil || !call.Ellipsis.IsValid() || len(call.Args) < 2 {
		return nil
	}
	info := g.pass.TypesInfo
	fn := goapi.Callee(info, call)
	if fn == nil {
		return nil
	}
	d := g.decls[fn.Origin()]
	if d == nil || !appliesEach(info, d) {
		return nil
	}
	obj, _ := g.objOf(call.Args[len(call.Args)-1]).(*types.Var)
	if obj == nil || obj.IsField() || obj.Pkg() == nil || obj.Parent() == nil || obj.Parent() == obj.Pkg().Scope() {
		return nil
	}
	if _, isParam := g.params[obj]; isParam {
		return nil
	}
	return obj
}

// SpreadAuth reports whether h is a call of a chain helper of the package
// that applies, from a slice passed variadically, middleware that checks
// credentials on every request (see spread): the route's chain
// authenticates, not the handler.
func (g *Guard) SpreadAuth(h ast.Expr) bool {
	call, ok := ast.Unparen(h).(*ast.CallExpr)
	if !ok {
		return false
	}
	on, _ := g.spread(call)
	return on
}
