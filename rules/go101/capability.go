package go101

import (
	"go/ast"
	"go/constant"
	"go/types"
	"regexp"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/apiaudit/apiaudit/pkg/goapi"
)

// A capability URL is a route addressed by a secret: a webhook's hook id,
// a share token, an API key in the path. Whoever holds the URL may call
// it, by design, and the handler answers only for ids it knows. Both
// halves must be in the code: a path parameter named like a secret, and a
// handler that reads it and rejects an unknown one (404, 401, 403 or 410
// and return), in the function that reads it or in one of the package's
// functions it passes the id to. An ordinary /users/:id, whose handler
// answers 404 too, does not have the name.
var capabilityName = regexp.MustCompile(`^(?:web)?hook(?:id|key|token|secret)?$|token$|secret$|^(?:api|access|hook|share|secret|signing)key$`)

// pathParams are the names of a route's path parameters: gin, echo and
// fiber's :name and *name, chi, gorilla/mux and net/http's {name},
// {name:regexp} and {name...}.
func pathParams(route string) []string {
	var out []string
	for _, seg := range strings.Split(route, "/") {
		switch {
		case strings.HasPrefix(seg, ":"), strings.HasPrefix(seg, "*"):
			out = append(out, seg[1:])
		case strings.HasPrefix(seg, "{") && strings.HasSuffix(seg, "}"):
			name, _, _ := strings.Cut(seg[1:len(seg)-1], ":")
			out = append(out, strings.TrimSuffix(name, "..."))
		}
	}
	return out
}

// capabilityParam is the path parameter that makes the route a capability
// URL (see capabilityName), and where the handler rejects an unknown one;
// "" when there is none.
func capabilityParam(pass *analysis.Pass, decls map[*types.Func]*ast.FuncDecl, route string, h ast.Expr) (param string, at ast.Node) {
	var names []string
	for _, p := range pathParams(route) {
		n := strings.NewReplacer("_", "", "-", "").Replace(strings.ToLower(p))
		if capabilityName.MatchString(n) {
			names = append(names, p)
		}
	}
	if len(names) == 0 {
		return "", nil
	}
	body := handlerCode(pass.TypesInfo, decls, h)
	if body == nil {
		return "", nil
	}
	info := pass.TypesInfo
	for _, name := range names {
		// The variables that hold the parameter: c.Param("hook_id"),
		// chi.URLParam(r, "hook_id"), r.PathValue("hook_id"),
		// mux.Vars(r)["hook_id"].
		vars := map[types.Object]bool{}
		ast.Inspect(body, func(n ast.Node) bool {
			as, ok := n.(*ast.AssignStmt)
			if !ok || len(as.Lhs) != len(as.Rhs) {
				return true
			}
			for i, rhs := range as.Rhs {
				if readsParam(info, rhs, name) {
					if id, ok := as.Lhs[i].(*ast.Ident); ok && info.ObjectOf(id) != nil {
						vars[info.ObjectOf(id)] = true
					}
				}
			}
			return true
		})
		if len(vars) == 0 {
			continue
		}
		if r := rejection(info, body); r != nil {
			return name, r
		}
		// The package's functions the id is passed to.
		var found ast.Node
		ast.Inspect(body, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || found != nil {
				return found == nil
			}
			for _, a := range call.Args {
				id, ok := ast.Unparen(a).(*ast.Ident)
				if !ok || !vars[info.Uses[id]] {
					continue
				}
				if fn := goapi.Callee(info, call); fn != nil {
					if d := decls[fn.Origin()]; d != nil && d.Body != nil {
						if r := rejection(info, d.Body); r != nil {
							found = r
						}
					}
				}
			}
			return found == nil
		})
		if found != nil {
			return name, found
		}
	}
	return "", nil
}

// handlerCode is the code of a route's handler: a literal, a function of
// the package, or the function of the package that makes it
// (app.Endpoint(cfg) returning a literal); nil when it is elsewhere.
func handlerCode(info *types.Info, decls map[*types.Func]*ast.FuncDecl, h ast.Expr) ast.Node {
	lit, fn := goapi.FuncOf(info, h)
	if lit != nil {
		return lit.Body
	}
	if fn == nil {
		return nil
	}
	if d := decls[fn.Origin()]; d != nil && d.Body != nil {
		return d.Body
	}
	return nil
}

// readsParam reports whether e reads the path parameter name: a call
// with the name as its last argument, or an index by it.
func readsParam(info *types.Info, e ast.Expr, name string) bool {
	is := func(a ast.Expr) bool {
		tv, ok := info.Types[a]
		return ok && tv.Value != nil && tv.Value.Kind() == constant.String && constant.StringVal(tv.Value) == name
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		return len(e.Args) > 0 && is(e.Args[len(e.Args)-1])
	case *ast.IndexExpr:
		return is(e.Index)
	}
	return false
}

// rejection is the first if in body (nested literals included) whose
// branch answers 401, 403, 404 or 410 and returns or aborts; nil when
// there is none.
func rejection(info *types.Info, body ast.Node) ast.Node {
	var found ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		if found != nil {
			return false
		}
		ifs, ok := n.(*ast.IfStmt)
		if !ok {
			return true
		}
		status, stops := false, false
		ast.Inspect(ifs.Body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.ReturnStmt:
				stops = true
			case *ast.CallExpr:
				if fn := goapi.Callee(info, n); fn != nil && strings.HasPrefix(fn.Name(), "Abort") {
					stops = true
				}
				for _, a := range n.Args {
					if tv, ok := info.Types[a]; ok && tv.Value != nil {
						switch tv.Value.ExactString() {
						case "401", "403", "404", "410":
							status = true
						}
					}
				}
			}
			return true
		})
		if status && stops {
			found = ifs
		}
		return true
	})
	return found
}
