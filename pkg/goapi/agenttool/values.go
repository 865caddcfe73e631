package agenttool

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/apiaudit/apiaudit/pkg/goapi"
)

// Values follows expressions back to what they were built from, within one
// package: a variable assigned exactly once and never changed field by
// field, or a call of a function of the package, to the expression its
// last return statement gives.
type Values struct {
	info    *types.Info
	defs    map[types.Object]ast.Expr
	assigns map[types.Object]int
	changed map[types.Object]bool
	funcs   map[*types.Func]*ast.FuncDecl
}

// NewValues indexes the assignments and functions of a package.
func NewValues(info *types.Info, ins *inspector.Inspector) *Values {
	v := &Values{
		info:    info,
		defs:    map[types.Object]ast.Expr{},
		assigns: map[types.Object]int{},
		changed: map[types.Object]bool{},
		funcs:   map[*types.Func]*ast.FuncDecl{},
	}
	nodes := []ast.Node{(*ast.ValueSpec)(nil), (*ast.AssignStmt)(nil), (*ast.IncDecStmt)(nil),
		(*ast.RangeStmt)(nil), (*ast.UnaryExpr)(nil), (*ast.FuncDecl)(nil)}
	for n := range ins.PreorderSeq(nodes...) {
		switch n := n.(type) {
		case *ast.ValueSpec:
			for i, name := range n.Names {
				obj := info.Defs[name]
				if obj == nil {
					continue
				}
				if len(n.Values) == len(n.Names) {
					v.assign(obj, n.Values[i])
				} else if len(n.Values) > 0 {
					v.assign(obj, nil)
				}
			}
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				var rhs ast.Expr
				if len(n.Lhs) == len(n.Rhs) {
					rhs = n.Rhs[i]
				}
				if n.Tok != token.ASSIGN && n.Tok != token.DEFINE {
					rhs = nil // x += ...
				}
				if id, ok := ast.Unparen(lhs).(*ast.Ident); ok {
					if obj := v.object(id); obj != nil {
						v.assign(obj, rhs)
					}
					continue
				}
				v.change(lhs)
			}
		case *ast.IncDecStmt:
			v.change(n.X)
		case *ast.RangeStmt:
			for _, e := range []ast.Expr{n.Key, n.Value} {
				if id, ok := e.(*ast.Ident); ok {
					if obj := v.object(id); obj != nil {
						v.assign(obj, nil)
					}
				}
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				v.change(n.X)
			}
		case *ast.FuncDecl:
			if fn, ok := info.Defs[n.Name].(*types.Func); ok && n.Body != nil {
				v.funcs[fn] = n
			}
		}
	}
	return v
}

func (v *Values) object(id *ast.Ident) types.Object {
	if obj := v.info.Defs[id]; obj != nil {
		return obj
	}
	return v.info.Uses[id]
}

func (v *Values) assign(obj types.Object, rhs ast.Expr) {
	v.assigns[obj]++
	if rhs != nil {
		v.defs[obj] = rhs
	}
}

// change marks the variable at the root of x.f, x[i], *x or &x as changed
// in place.
func (v *Values) change(e ast.Expr) {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.SelectorExpr:
			e = x.X
			continue
		case *ast.IndexExpr:
			e = x.X
			continue
		case *ast.StarExpr:
			e = x.X
			continue
		case *ast.Ident:
			if obj := v.object(x); obj != nil {
				v.changed[obj] = true
			}
		}
		return
	}
}

// Resolve follows e back through variables and calls of the package's
// functions as far as it can, and returns the expression reached.
func (v *Values) Resolve(e ast.Expr) ast.Expr {
	for range 8 {
		e = ast.Unparen(e)
		switch x := e.(type) {
		case *ast.Ident:
			obj, ok := v.info.Uses[x].(*types.Var)
			if !ok || v.assigns[obj] != 1 || v.changed[obj] || v.defs[obj] == nil {
				return e
			}
			e = v.defs[obj]
		case *ast.CallExpr:
			res := v.Returns(v.info, x)
			if len(res) != 1 {
				return e
			}
			e = res[0]
		default:
			return e
		}
	}
	return e
}

// Returns is what a call of a function declared in the package returns,
// as its last return statement writes it (outside function literals); nil
// for other calls.
func (v *Values) Returns(info *types.Info, call *ast.CallExpr) []ast.Expr {
	fn := goapi.Callee(info, call)
	if fn == nil {
		return nil
	}
	decl := v.funcs[fn.Origin()]
	if decl == nil {
		return nil
	}
	var last *ast.ReturnStmt
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			last = n
		}
		return true
	})
	if last == nil || len(last.Results) != fn.Signature().Results().Len() {
		return nil
	}
	return last.Results
}

// FuncBody is the body of a function declared in the package; nil for
// others.
func (v *Values) FuncBody(fn *types.Func) *ast.BlockStmt {
	if fn == nil {
		return nil
	}
	if d := v.funcs[fn.Origin()]; d != nil {
		return d.Body
	}
	return nil
}
