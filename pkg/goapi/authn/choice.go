package authn

import (
	"go/ast"
	"go/build"
	"go/constant"
	"go/token"
	"go/types"
	"path/filepath"
	"strings"

	"github.com/apiaudit/apiaudit/pkg/goapi"
)

// choices finds what fn returns as an interface value when it returns
// values of several concrete types: a constructor such as
//
//	func NewAuthenticator(cfg Config) (Authenticator, error) {
//		if !cfg.Auth.Enabled {
//			return &Noop{}, nil
//		}
//		return &OIDC{...}, nil
//	}
//
// is Choice{Returns: [{Noop, "!cfg.Auth.Enabled"}, {OIDC, "cfg.Auth.Enabled"}]}.
// nil when fn returns no interface value of a concrete type.
func choices(fset *token.FileSet, info *types.Info, fn *types.Func, body *ast.BlockStmt) *Choice {
	res := fn.Signature().Results()
	iface := -1
	for i := range res.Len() {
		// an interface of the program's or a library's, not the standard
		// library's (http.Handler, io.Reader) nor an unnamed one (any)
		n, ok := types.Unalias(res.At(i).Type()).(*types.Named)
		if ok && types.IsInterface(n) && n.Obj().Pkg() != nil && !strings.HasPrefix(fset.Position(n.Obj().Pos()).Filename, goroot) {
			iface = i
			break
		}
	}
	if iface < 0 {
		return nil
	}
	var c Choice
	seen := map[string]bool{}
	var stack []ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return false
		}
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		stack = append(stack, n)
		ret, ok := n.(*ast.ReturnStmt)
		if !ok || len(ret.Results) != res.Len() {
			return true
		}
		tv := info.Types[ret.Results[iface]]
		if tv.IsNil() {
			return true
		}
		t := tv.Type
		if t == nil || types.IsInterface(t) || qualified(t) == "" {
			c.Partial = true
			return true
		}
		name := qualified(t)
		if seen[name] {
			return true
		}
		seen[name] = true
		c.Returns = append(c.Returns, Returned{Type: name, When: whenReached(info, stack)})
		return true
	})
	if len(c.Returns) == 0 {
		return nil
	}
	return &c
}

var goroot = filepath.Join(build.Default.GOROOT, "src") + string(filepath.Separator)

func isErrorType(t types.Type) bool {
	return t != nil && types.Identical(t, types.Universe.Lookup("error").Type())
}

// qualified is the package path and name of a named type, through one
// pointer: example.com/mw.Noop; "" for other types.
func qualified(t types.Type) string {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return ""
	}
	return n.Obj().Pkg().Path() + "." + n.Obj().Name()
}

// whenReached is the condition under which the statement at the top of
// stack (a path from body down to it) runs, as source text: the
// conditions of the ifs and switch cases around it, and the negations of
// the conditions of earlier ifs in the same blocks that always return
// (the early-return style); "" when it always runs.
func whenReached(info *types.Info, stack []ast.Node) string {
	var conds []string
	for i := len(stack) - 1; i > 0; i-- {
		child, n := stack[i], stack[i-1]
		switch n := n.(type) {
		case *ast.IfStmt:
			switch child {
			case n.Body:
				conds = append(conds, text(n.Cond))
			case n.Else:
				conds = append(conds, Negate(n.Cond))
			}
		case *ast.CaseClause:
			if sw, ok := parentSwitch(stack[:i-1]); ok && len(n.List) > 0 {
				if sw.Tag != nil {
					conds = append(conds, text(sw.Tag)+" == "+text(n.List[0]))
				} else {
					conds = append(conds, text(n.List[0]))
				}
			}
		case *ast.BlockStmt:
			// earlier statements of this block that always return
			for _, st := range n.List {
				if st == child {
					break
				}
				if ifs, ok := st.(*ast.IfStmt); ok && ifs.Else == nil && returns(ifs.Body) && !errCheck(info, ifs.Cond) {
					conds = append(conds, Negate(ifs.Cond))
				}
			}
		}
	}
	// outermost first
	for i, j := 0, len(conds)-1; i < j; i, j = i+1, j-1 {
		conds[i], conds[j] = conds[j], conds[i]
	}
	return strings.Join(conds, " && ")
}

// errCheck: err != nil, which says nothing about a setting.
func errCheck(info *types.Info, e ast.Expr) bool {
	b, ok := ast.Unparen(e).(*ast.BinaryExpr)
	if !ok || b.Op != token.NEQ {
		return false
	}
	tv, ok := info.Types[b.Y]
	return ok && tv.IsNil() && isErrorType(info.TypeOf(b.X))
}

func parentSwitch(stack []ast.Node) (*ast.SwitchStmt, bool) {
	for i := len(stack) - 1; i >= 0; i-- {
		if sw, ok := stack[i].(*ast.SwitchStmt); ok {
			return sw, true
		}
	}
	return nil, false
}

// returns reports whether a block ends in a return (or a panic, or a call
// that exits: log.Fatal, os.Exit).
func returns(b *ast.BlockStmt) bool {
	if len(b.List) == 0 {
		return false
	}
	switch st := b.List[len(b.List)-1].(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.ExprStmt:
		if call, ok := st.X.(*ast.CallExpr); ok {
			switch f := types.ExprString(call.Fun); {
			case f == "panic", f == "os.Exit", strings.HasPrefix(f, "log.Fatal"), strings.HasPrefix(f, "log.Panic"):
				return true
			}
		}
	}
	return false
}

func text(e ast.Expr) string { return types.ExprString(e) }

// Negate is the source text of the negation of a condition: !x for x, x
// for !x, a != b for a == b, and !(c) otherwise.
func Negate(e ast.Expr) string {
	switch e := ast.Unparen(e).(type) {
	case *ast.UnaryExpr:
		if e.Op == token.NOT {
			return text(ast.Unparen(e.X))
		}
	case *ast.BinaryExpr:
		switch e.Op {
		case token.EQL:
			return text(e.X) + " != " + text(e.Y)
		case token.NEQ:
			return text(e.X) + " == " + text(e.Y)
		}
	case *ast.Ident, *ast.SelectorExpr, *ast.CallExpr, *ast.StarExpr:
		return "!" + text(e)
	}
	return "!(" + text(e) + ")"
}

// passesOn reports whether the code under n hands the request on to the
// next handler: next.ServeHTTP(w, r), gin's or fiber's c.Next(), or a call
// of a handler value (echo's next(c)).
func passesOn(info *types.Info, n ast.Node) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			switch sel.Sel.Name {
			case "ServeHTTP":
				found = len(call.Args) == 2
			case "Next":
				t := info.TypeOf(sel.X)
				found = goapi.IsType(t, "github.com/gin-gonic/gin", "Context") || goapi.IsType(t, "github.com/gofiber/fiber", "Ctx")
			}
		}
		if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
			if v, ok := info.Uses[id].(*types.Var); ok && isHandlerish(v.Type()) {
				found = true
			}
		}
		return !found
	})
	return found
}

// requestDependent reports whether a condition looks at the request: a
// request, response writer or framework context, or a value read from one.
func requestDependent(info *types.Info, cond ast.Expr, fromReq map[types.Object]bool) bool {
	if requestValue(info, cond, fromReq) {
		return true
	}
	found := false
	ast.Inspect(cond, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok || found {
			return !found
		}
		v, ok := info.Uses[id].(*types.Var)
		if !ok {
			return true
		}
		t := v.Type()
		for _, r := range [][2]string{
			{"net/http", "Request"}, {"net/http", "ResponseWriter"}, {"net/http", "Header"}, {"net/url", "URL"},
			{"github.com/gin-gonic/gin", "Context"}, {"github.com/labstack/echo", "Context"}, {"github.com/gofiber/fiber", "Ctx"},
		} {
			if goapi.IsType(t, r[0], r[1]) {
				found = true
			}
		}
		found = found || fromReq[v]
		return !found
	})
	return found
}

// bypass is the condition of a statement at the top of a handler's body,
// before anything reads a credential or rejects the request, that hands
// the request on and returns when a setting says so
// (if !cfg.RequireOAuth { next.ServeHTTP(w, r); return }): a condition
// that looks at neither the request nor whether something is nil (a
// defensive check), and is not constant. "" when there is none.
func (r *Result) bypass(info *types.Info, body *ast.BlockStmt, fromReq map[types.Object]bool) string {
	if body == nil {
		return ""
	}
	// locals computed from the request (source := sourceOf(r.Context()))
	local := map[types.Object]bool{}
	for k, v := range fromReq {
		local[k] = v
	}
	computed := func(as *ast.AssignStmt) {
		for _, rhs := range as.Rhs {
			if requestDependent(info, rhs, local) {
				for _, l := range as.Lhs {
					if obj := info.ObjectOf(identOf(l)); obj != nil {
						local[obj] = true
					}
				}
			}
		}
	}
	for _, st := range body.List {
		if as, ok := st.(*ast.AssignStmt); ok {
			computed(as)
		}
		ifs, ok := st.(*ast.IfStmt)
		scope := body // where the condition's locals are assigned
		if ok && ifs.Init != nil {
			// if ok := valid(r); !ok {...}, if err := check(r); err != nil
			// {...}: the init statement counts as one written before the if.
			if as, isAssign := ifs.Init.(*ast.AssignStmt); isAssign {
				computed(as)
			}
			scope = &ast.BlockStmt{List: append([]ast.Stmt{ifs.Init}, body.List...)}
		}
		passes := ok && (passesOn(info, ifs.Body) || allowsAll(info, ifs.Body))
		if ok && returns(ifs.Body) && !passes {
			// if len(adminPass) != 0 && c.GetHeader("X-API-KEY") != adminPass
			// { c.Abort(); return }: the rejection needs a setting as well
			// as a bad credential, so every request passes without it.
			if u := settingConjunct(info, scope, ifs.Cond, local); u != nil && r.walk(ifs.Body, nil).rejects {
				return Negate(u)
			}
		}
		if !ok || !returns(ifs.Body) || !passes {
			if b := r.walk(st, nil); b.reads || b.rejects || b.checks {
				return "" // the check has begun: a later branch is the check's own
			}
			continue
		}
		if tv, ok := info.Types[ifs.Cond]; ok && tv.Value != nil {
			continue
		}
		if requestDependent(info, ifs.Cond, local) || nilCheck(info, ifs.Cond) || commaOK(info, scope, ifs.Cond) {
			continue
		}
		return types.ExprString(ifs.Cond)
	}
	return ""
}

// allowsAll: body is return true, in a function whose one result says
// whether the request may pass (if m.token == "" { return true } before
// the comparison of a credential helper): the answer for every request.
func allowsAll(info *types.Info, body *ast.BlockStmt) bool {
	if len(body.List) != 1 {
		return false
	}
	ret, ok := body.List[0].(*ast.ReturnStmt)
	if !ok || len(ret.Results) != 1 {
		return false
	}
	tv, ok := info.Types[ret.Results[0]]
	return ok && tv.Value != nil && tv.Value.Kind() == constant.Bool && constant.BoolVal(tv.Value)
}

// settingConjunct is the conjunct of cond, a condition of the form
// setting && credential-check, that does not look at the request (a
// setting: len(adminPass) != 0, cfg.AuthEnabled), when another conjunct
// does; nil otherwise.
func settingConjunct(info *types.Info, body *ast.BlockStmt, cond ast.Expr, local map[types.Object]bool) ast.Expr {
	cs := goapi.Conjuncts(cond)
	if len(cs) < 2 {
		return nil
	}
	var setting ast.Expr
	dep := false
	for _, c := range cs {
		if requestDependent(info, c, local) {
			dep = true
			continue
		}
		if tv, ok := info.Types[c]; ok && tv.Value != nil || nilCheck(info, c) || commaOK(info, body, c) {
			continue
		}
		if setting == nil {
			setting = c
		}
	}
	if !dep {
		return nil
	}
	return setting
}

// commaOK: the condition is (the negation of) the ok of a type assertion
// or a map lookup in the same body (cfg, ok := v.(*Config); if !ok), a
// defensive check rather than a setting.
func commaOK(info *types.Info, body *ast.BlockStmt, cond ast.Expr) bool {
	e := ast.Unparen(cond)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.NOT {
		e = ast.Unparen(u.X)
	}
	id, ok := e.(*ast.Ident)
	if !ok {
		return false
	}
	obj := info.ObjectOf(id)
	for _, st := range body.List {
		as, ok := st.(*ast.AssignStmt)
		if !ok || len(as.Lhs) != 2 || len(as.Rhs) != 1 {
			continue
		}
		if l, ok := as.Lhs[1].(*ast.Ident); ok && info.ObjectOf(l) == obj {
			switch ast.Unparen(as.Rhs[0]).(type) {
			case *ast.TypeAssertExpr, *ast.IndexExpr:
				return true
			}
		}
	}
	return false
}

func identOf(e ast.Expr) *ast.Ident {
	id, _ := ast.Unparen(e).(*ast.Ident)
	if id == nil {
		return ast.NewIdent("_")
	}
	return id
}

// nilCheck: the condition compares something with nil.
func nilCheck(info *types.Info, cond ast.Expr) bool {
	found := false
	ast.Inspect(cond, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if tv, ok := info.Types[id]; ok && tv.IsNil() {
				found = true
			}
		}
		return !found
	})
	return found
}
