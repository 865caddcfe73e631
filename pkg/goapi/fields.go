package goapi

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"math"

	"golang.org/x/tools/go/ast/inspector"
)

// Helpers for rules that judge configuration written as struct literals
// and field assignments (limits, caps, timeouts).

// KeyedFields maps the field names of a keyed struct literal to their
// values. ok is false for an unkeyed literal, which sets every field.
func KeyedFields(lit *ast.CompositeLit) (fields map[string]ast.Expr, ok bool) {
	fields = map[string]ast.Expr{}
	for _, elt := range lit.Elts {
		kv, isKV := elt.(*ast.KeyValueExpr)
		if !isKV {
			return nil, false
		}
		if key, isID := kv.Key.(*ast.Ident); isID {
			fields[key.Name] = kv.Value
		}
	}
	return fields, true
}

// FieldAssign is an assignment to a field of a struct (x.F = v, x.y.F = v).
type FieldAssign struct {
	Recv  types.Type // type of the expression the field is selected from
	X     ast.Expr   // that expression
	Field string
	Value ast.Expr // nil for assignments from a multi-valued call
}

// FieldAssigns lists the assignments to struct fields in an assignment
// statement.
func FieldAssigns(info *types.Info, as *ast.AssignStmt) []FieldAssign {
	var out []FieldAssign
	for i, lhs := range as.Lhs {
		sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
		if !ok {
			continue
		}
		s, ok := info.Selections[sel]
		if !ok || s.Kind() != types.FieldVal {
			continue
		}
		fa := FieldAssign{Recv: s.Recv(), X: sel.X, Field: sel.Sel.Name}
		if len(as.Lhs) == len(as.Rhs) {
			fa.Value = as.Rhs[i]
		}
		out = append(out, fa)
	}
	return out
}

// ConstInt is the value of an integer constant expression, saturated to
// the int64 range; ok is false when e is not an integer constant.
func ConstInt(info *types.Info, e ast.Expr) (v int64, ok bool) {
	cv := constValue(info, e)
	if cv == nil {
		return 0, false
	}
	cv = constant.ToInt(cv)
	if cv.Kind() != constant.Int {
		return 0, false
	}
	if n, exact := constant.Int64Val(cv); exact {
		return n, true
	}
	if constant.Sign(cv) > 0 {
		return math.MaxInt64, true
	}
	return math.MinInt64, true
}

// StoredIn is the variable that the expression at cur is stored in when
// it is the right-hand side of a declaration or assignment (x := e,
// x := &e, var x = e, x = e); nil otherwise.
func StoredIn(info *types.Info, cur inspector.Cursor) types.Object {
	e := cur.Node()
	parent := cur.Parent()
	if u, ok := parent.Node().(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = u
		parent = parent.Parent()
	}
	if p, ok := parent.Node().(*ast.ParenExpr); ok {
		e = p
		parent = parent.Parent()
	}
	switch p := parent.Node().(type) {
	case *ast.AssignStmt:
		if len(p.Lhs) == len(p.Rhs) {
			for i, rhs := range p.Rhs {
				if rhs == e {
					if id, ok := p.Lhs[i].(*ast.Ident); ok {
						return info.ObjectOf(id)
					}
				}
			}
		}
	case *ast.ValueSpec:
		if len(p.Names) == len(p.Values) {
			for i, val := range p.Values {
				if val == e {
					return info.ObjectOf(p.Names[i])
				}
			}
		}
	}
	return nil
}

// FieldSetOn reports whether code under body assigns a field named field
// of the variable v, directly (v.F = x) or through nested fields
// (v.Params.F = x), with a value that ok accepts (nil accepts any).
func FieldSetOn(info *types.Info, body ast.Node, v types.Object, field string, ok func(ast.Expr) bool) bool {
	if body == nil || v == nil {
		return false
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		as, isAssign := n.(*ast.AssignStmt)
		if found || !isAssign {
			return !found
		}
		for _, fa := range FieldAssigns(info, as) {
			if fa.Field != field || !rootIs(info, fa.X, v) {
				continue
			}
			if ok == nil || (fa.Value != nil && ok(fa.Value)) {
				found = true
			}
		}
		return !found
	})
	return found
}

// rootIs reports whether e is v or a field path from v (v.a.b).
func rootIs(info *types.Info, e ast.Expr, v types.Object) bool {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			return info.Uses[x] == v
		case *ast.SelectorExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		default:
			return false
		}
	}
}

// EnclosingFunc is the body of the innermost function declaration or
// literal around cur; nil at package level.
func EnclosingFunc(cur inspector.Cursor) ast.Node {
	for c := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		switch n := c.Node().(type) {
		case *ast.FuncDecl:
			if n.Body != nil {
				return n.Body
			}
			return nil
		case *ast.FuncLit:
			return n.Body
		}
	}
	return nil
}
