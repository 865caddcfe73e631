package goapi

import (
	"go/ast"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ast/inspector"
)

// Validators are the calls that check decoded data against a schema or a
// set of rules. A method named Validate on any type counts too (see
// IsValidation).
var Validators = Set(true,
	// github.com/go-playground/validator/v10 (CanonPath keeps /v10: it drops v2-v9 only)
	"(*github.com/go-playground/validator/v10.Validate).Struct",
	"(*github.com/go-playground/validator/v10.Validate).StructCtx",
	"(*github.com/go-playground/validator/v10.Validate).StructPartial",
	"(*github.com/go-playground/validator/v10.Validate).StructExcept",
	"(*github.com/go-playground/validator/v10.Validate).StructFiltered",
	"(*github.com/go-playground/validator/v10.Validate).Var",
	"(*github.com/go-playground/validator/v10.Validate).VarCtx",
	"(*github.com/go-playground/validator/v10.Validate).ValidateMap",
	"(*github.com/go-playground/validator/v10.Validate).ValidateMapCtx",
	// github.com/go-ozzo/ozzo-validation/v4
	"github.com/go-ozzo/ozzo-validation.Validate",
	"github.com/go-ozzo/ozzo-validation.ValidateWithContext",
	"github.com/go-ozzo/ozzo-validation.ValidateStruct",
	"github.com/go-ozzo/ozzo-validation.ValidateStructWithContext",
	// JSON Schema validators
	"(*github.com/santhosh-tekuri/jsonschema.Schema).Validate",
	"(*github.com/google/jsonschema-go/jsonschema.Resolved).Validate",
	"github.com/xeipuuv/gojsonschema.Validate",
	"(*github.com/xeipuuv/gojsonschema.Schema).Validate",
	"(*github.com/kaptinlin/jsonschema.Schema).Validate",
	"(*github.com/kaptinlin/jsonschema.Schema).ValidateJSON",
	"(*github.com/kaptinlin/jsonschema.Schema).ValidateMap",
	"(*github.com/kaptinlin/jsonschema.Schema).ValidateStruct",
)

// IsValidation reports whether call validates data: an entry of
// Validators or of extra, or a method named Validate (ozzo's Validatable,
// echo's Context.Validate, a type's own Validate method).
func IsValidation(info *types.Info, call *ast.CallExpr, extra Table[bool]) bool {
	fn := Callee(info, call)
	if fn == nil {
		return false
	}
	if Validators[Of(fn)] || extra[Of(fn)] {
		return true
	}
	return fn.Name() == "Validate" && fn.Signature().Recv() != nil
}

// IsUntyped reports whether decoded JSON of type t keeps no shape: any
// (interface{}), a map from strings to untyped values (map[string]any,
// gin.H), or a slice of them.
func IsUntyped(t types.Type) bool {
	if t == nil {
		return false
	}
	switch u := types.Unalias(t).Underlying().(type) {
	case *types.Interface:
		return u.Empty()
	case *types.Map:
		k, ok := u.Key().Underlying().(*types.Basic)
		return ok && k.Kind() == types.String && IsUntyped(u.Elem())
	case *types.Slice:
		return IsUntyped(u.Elem())
	}
	return false
}

// Harmless are calls that may receive untyped decoded data without using
// its shape: re-encoding it, printing it, logging it.
var Harmless = Set(true,
	"encoding/json.Marshal", "encoding/json.MarshalIndent", "(*encoding/json.Encoder).Encode",
	"(*github.com/gin-gonic/gin.Context).JSON", "(*github.com/gin-gonic/gin.Context).IndentedJSON",
	"(*github.com/gin-gonic/gin.Context).PureJSON", "(github.com/labstack/echo.Context).JSON",
	"(github.com/labstack/echo.Context).JSONPretty", "(*github.com/gofiber/fiber.Ctx).JSON",
)

// harmlessPkgs are packages whose functions only print or log.
var harmlessPkgs = map[string]bool{"fmt": true, "log": true, "log/slog": true}

// IsHarmless reports whether call is in Harmless, prints or logs, or is
// the builtin len or cap.
func IsHarmless(info *types.Info, call *ast.CallExpr) bool {
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := info.Uses[id].(*types.Builtin); ok {
			return b.Name() == "len" || b.Name() == "cap" || b.Name() == "delete"
		}
	}
	fn := Callee(info, call)
	if fn == nil {
		return false
	}
	if Harmless[Of(fn)] || (fn.Pkg() != nil && harmlessPkgs[fn.Pkg().Path()]) {
		return true
	}
	// *log.Logger and *slog.Logger methods.
	if fn.Signature().Recv() != nil && fn.Pkg() != nil && harmlessPkgs[fn.Pkg().Path()] {
		return true
	}
	return logMethod(fn)
}

// logLevels are the names of a logger's methods that write a line.
var logLevels = map[string]bool{
	"Trace": true, "Tracef": true, "Debug": true, "Debugf": true, "Debugw": true,
	"Info": true, "Infof": true, "Infow": true, "Warn": true, "Warnf": true, "Warnw": true,
	"Warning": true, "Warningf": true, "Error": true, "Errorf": true, "Errorw": true,
	"Print": true, "Printf": true, "Println": true, "Log": true, "Logf": true,
}

// logMethod reports whether fn is a logger's level method of any package
// (a project's own logger, logrus, zap's sugared logger): a method named
// like a level (Info, Debugf, Errorw) whose last parameter is ...any,
// which formats its arguments into a line and relies on nothing of their
// shape.
func logMethod(fn *types.Func) bool {
	sig := fn.Signature()
	if sig.Recv() == nil || !sig.Variadic() || !logLevels[fn.Name()] {
		return false
	}
	last := sig.Params().At(sig.Params().Len() - 1).Type()
	s, ok := last.(*types.Slice)
	if !ok {
		return false
	}
	it, ok := types.Unalias(s.Elem()).Underlying().(*types.Interface)
	return ok && it.Empty()
}

// onlyPrinted: the body of the range uses its key and value only as
// arguments of calls that print, log or re-encode them (IsHarmless), or
// as the operand of a checked type assertion (v, ok := x.(T), a type
// switch): formatting a map of arguments into text relies on nothing of
// its shape. A range without a key or value variable is not a use either.
func onlyPrinted(info *types.Info, rs *ast.RangeStmt) bool {
	vars := map[types.Object]bool{}
	for _, e := range []ast.Expr{rs.Key, rs.Value} {
		if id, ok := e.(*ast.Ident); ok && id.Name != "_" {
			if obj := info.ObjectOf(id); obj != nil {
				vars[obj] = true
			}
		}
	}
	safe := true
	var stack []ast.Node
	ast.Inspect(rs.Body, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if id, ok := n.(*ast.Ident); ok && vars[info.Uses[id]] && !printedUse(info, stack) {
			safe = false
		}
		stack = append(stack, n)
		return safe
	})
	return safe
}

// printedUse: the identifier whose ancestors are stack (innermost last) is
// an argument of a harmless call or the operand of a checked assertion.
func printedUse(info *types.Info, stack []ast.Node) bool {
	if len(stack) == 0 {
		return false
	}
	switch p := stack[len(stack)-1].(type) {
	case *ast.CallExpr:
		return IsHarmless(info, p)
	case *ast.TypeAssertExpr:
		if len(stack) < 2 {
			return false
		}
		switch g := stack[len(stack)-2].(type) {
		case *ast.AssignStmt:
			return len(g.Lhs) == 2
		case *ast.ExprStmt:
			return false
		case *ast.ValueSpec:
			return len(g.Names) == 2
		}
		// x.(type) in a type switch's assignment
		return p.Type == nil
	}
	return false
}

// UntypedUse is a place where untyped decoded data is relied on.
type UntypedUse struct {
	Node ast.Node // the expression or statement that uses it
	What string   // "type-asserted", "ranged over", "indexed and passed to exec.Command"...
}

// FindUntypedUse looks in the code under body for the first place where
// untyped data is relied on without a check: asserted to a type with no
// ", ok", ranged over, or handed to a function (other than those that
// re-encode, print or log it), itself or one of its elements. The data is
// held by the variables in holders or produced by expressions for which
// direct returns true; variables assigned from either (m := args,
// m, ok := v.(map[string]any), name := m["name"]) are followed. Checked
// assertions, type switches, comparisons and returns are not uses.
func FindUntypedUse(info *types.Info, body inspector.Cursor, holders map[types.Object]bool, direct func(ast.Expr) bool) (UntypedUse, bool) {
	uses := FindUntypedUses(info, body, holders, direct)
	if len(uses) == 0 {
		return UntypedUse{}, false
	}
	return uses[0], true
}

// FindUntypedUses is FindUntypedUse returning every use, in source order.
func FindUntypedUses(info *types.Info, body inspector.Cursor, holders map[types.Object]bool, direct func(ast.Expr) bool) []UntypedUse {
	isHolder := func(e ast.Expr) bool {
		for {
			switch x := ast.Unparen(e).(type) {
			case *ast.Ident:
				return holders[info.Uses[x]]
			case *ast.IndexExpr:
				if !IsUntyped(info.TypeOf(x)) {
					return false
				}
				e = x.X
				continue
			case *ast.TypeAssertExpr:
				if !IsUntyped(info.TypeOf(x)) {
					return false
				}
				e = x.X
				continue
			}
			return direct != nil && direct(e)
		}
	}
	// Follow assignments to untyped variables.
	for changed := true; changed; {
		changed = false
		add := func(id *ast.Ident) {
			obj := info.ObjectOf(id)
			if obj != nil && !holders[obj] && IsUntyped(obj.Type()) {
				holders[obj] = true
				changed = true
			}
		}
		for c := range body.Preorder((*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil)) {
			var lhs []ast.Expr
			var rhs []ast.Expr
			switch n := c.Node().(type) {
			case *ast.AssignStmt:
				lhs, rhs = n.Lhs, n.Rhs
			case *ast.ValueSpec:
				for _, id := range n.Names {
					lhs = append(lhs, id)
				}
				rhs = n.Values
			}
			for i, r := range rhs {
				j := i
				if len(rhs) == 1 && len(lhs) == 2 {
					j = 0 // v, ok := x.(T) or x[k]
				} else if len(rhs) != len(lhs) {
					break
				}
				if id, ok := lhs[j].(*ast.Ident); ok && isHolder(r) {
					add(id)
				}
			}
		}
	}
	var uses []UntypedUse
	for c := range body.Preorder((*ast.Ident)(nil), (*ast.SelectorExpr)(nil), (*ast.CallExpr)(nil)) {
		e := c.Node().(ast.Expr)
		if id, ok := e.(*ast.Ident); ok {
			if !holders[info.Uses[id]] {
				continue
			}
			if sel, ok := c.Parent().Node().(*ast.SelectorExpr); ok && sel.Sel == id {
				continue
			}
		} else if direct == nil || !direct(e) {
			continue
		}
		if u, ok := classify(info, c, isHolder); ok {
			uses = append(uses, u)
		}
	}
	slices.SortStableFunc(uses, func(a, b UntypedUse) int { return int(a.Node.Pos() - b.Node.Pos()) })
	return uses
}

// classify says how the value at c is used.
func classify(info *types.Info, c inspector.Cursor, isHolder func(ast.Expr) bool) (UntypedUse, bool) {
	indexed := false
	for {
		p := c.Parent()
		switch pn := p.Node().(type) {
		case *ast.ParenExpr:
			c = p
			continue
		case *ast.IndexExpr:
			if pn.X != c.Node() {
				return UntypedUse{}, false // used as a key
			}
			indexed = true
			c = p
			continue
		case *ast.TypeAssertExpr:
			if pn.Type == nil {
				return UntypedUse{}, false // type switch
			}
			switch gp := p.Parent().Node().(type) {
			case *ast.AssignStmt:
				if len(gp.Lhs) == 2 && len(gp.Rhs) == 1 {
					return UntypedUse{}, false // v, ok := x.(T)
				}
			case *ast.ValueSpec:
				if len(gp.Names) == 2 && len(gp.Values) == 1 {
					return UntypedUse{}, false
				}
			}
			return UntypedUse{pn, "type-asserted"}, true
		case *ast.RangeStmt:
			if pn.X == c.Node() && !onlyPrinted(info, pn) {
				return UntypedUse{pn.X, describe(indexed, "ranged over")}, true
			}
			return UntypedUse{}, false
		case *ast.CallExpr:
			if pn.Fun == c.Node() || IsHarmless(info, pn) || IsValidation(info, pn, nil) {
				return UntypedUse{}, false
			}
			if tv, ok := info.Types[pn.Fun]; ok && tv.IsType() {
				return UntypedUse{}, false // a conversion
			}
			name := "a function"
			if fn := Callee(info, pn); fn != nil {
				name = fn.Name()
				if fn.Pkg() != nil && fn.Signature().Recv() == nil {
					name = fn.Pkg().Name() + "." + name
				}
			}
			return UntypedUse{c.Node(), describe(indexed, "passed to "+name)}, true
		case *ast.KeyValueExpr:
			if pn.Value == c.Node() {
				return UntypedUse{c.Node(), describe(indexed, "stored in a composite literal")}, true
			}
			return UntypedUse{}, false
		case *ast.CompositeLit:
			return UntypedUse{c.Node(), describe(indexed, "stored in a composite literal")}, true
		case *ast.SendStmt:
			return UntypedUse{c.Node(), describe(indexed, "sent on a channel")}, true
		case *ast.AssignStmt:
			for i, r := range pn.Rhs {
				if r == c.Node() && i < len(pn.Lhs) && len(pn.Lhs) == len(pn.Rhs) {
					if _, plain := pn.Lhs[i].(*ast.Ident); !plain {
						return UntypedUse{c.Node(), describe(indexed, "stored in "+types.ExprString(pn.Lhs[i]))}, true
					}
				}
			}
			return UntypedUse{}, false // followed, or the target of a write
		default:
			return UntypedUse{}, false
		}
	}
}

func describe(indexed bool, what string) string {
	if indexed {
		return "indexed and " + what
	}
	return what
}
