package routes

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/apiaudit/apiaudit/pkg/goapi"
	"github.com/apiaudit/apiaudit/pkg/goapi/authn"
)

// Describe finds a route's method and full path: the registration's own
// arguments, the prefixes of the groups and sub-routers it is registered
// on, and gorilla's Methods before or after it.
func Describe(pass *analysis.Pass, g *authn.Guard, call *ast.CallExpr, c goapi.RouteCall) (method, route string) {
	info := pass.TypesInfo
	method = c.Method
	if c.MethodArg >= 0 && c.MethodArg < len(call.Args) {
		method = strings.ToUpper(goapi.ConstString(info, call.Args[c.MethodArg]))
	}
	if c.PathArg >= 0 && c.PathArg < len(call.Args) {
		route = goapi.RoutePath(info, call.Args[c.PathArg])
	}
	fn := goapi.Callee(info, call)
	if fn.Pkg().Path() == "net/http" {
		// Go 1.22 patterns: "[METHOD ][HOST]/path"
		if m, rest, ok := strings.Cut(route, " "); ok {
			method, route = m, strings.TrimSpace(rest)
		}
		if i := strings.Index(route, "/"); i > 0 {
			route = route[i:]
		}
	}
	var prefix []string
	var methods []string
	seen := map[types.Object]bool{}
	var walk func(e ast.Expr)
	walk = func(e ast.Expr) {
		switch e := ast.Unparen(e).(type) {
		case *ast.CallExpr:
			f := goapi.Callee(info, e)
			rc, ok := goapi.Routers.Lookup(f)
			if !ok {
				return
			}
			if rc.Kind == goapi.RouteDerive && rc.PathArg >= 0 && rc.PathArg < len(e.Args) {
				prefix = append(prefix, goapi.RoutePath(info, e.Args[rc.PathArg]))
			}
			if f.Name() == "Methods" {
				for _, a := range e.Args {
					methods = append(methods, strings.ToUpper(goapi.ConstString(info, a)))
				}
			}
			if sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr); ok {
				walk(sel.X)
			}
		case *ast.Ident, *ast.SelectorExpr:
			var obj types.Object
			if id, ok := e.(*ast.Ident); ok {
				obj = info.Uses[id]
			} else if sel, ok := info.Selections[e.(*ast.SelectorExpr)]; ok && sel.Kind() == types.FieldVal {
				obj = sel.Obj()
			}
			if obj == nil || seen[obj] {
				return
			}
			seen[obj] = true
			if len(g.Assigned(obj)) > 0 {
				walk(g.Assigned(obj)[0])
			}
			// a chi/fiber Route callback's parameter: the prefix of the Route call
			if lit, _ := g.ParamOf(obj); lit != nil {
				if n, ok := g.Parent(lit).(*ast.CallExpr); ok {
					rc, ok := goapi.Routers.Lookup(goapi.Callee(info, n))
					if ok && rc.Callback >= 0 && rc.Callback < len(n.Args) && n.Args[rc.Callback] == lit {
						if rc.PathArg >= 0 {
							prefix = append(prefix, goapi.RoutePath(info, n.Args[rc.PathArg]))
						}
						if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok {
							walk(sel.X)
						}
					}
				}
			}
		}
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		walk(sel.X)
	}
	// gorilla: r.HandleFunc("/x", h).Methods("POST")
	for outer := ast.Node(call); ; {
		sel, ok := g.Parent(outer).(*ast.SelectorExpr)
		if !ok {
			break
		}
		up, ok := g.Parent(sel).(*ast.CallExpr)
		if !ok || up.Fun != sel {
			break
		}
		if sel.Sel.Name == "Methods" {
			for _, a := range up.Args {
				methods = append(methods, strings.ToUpper(goapi.ConstString(info, a)))
			}
		}
		outer = up
	}
	// prefix holds the innermost group's first: r.Route("/v1", func(r
	// chi.Router) { r.Route("/admin", ...) }) gives ["/admin", "/v1"].
	for _, p := range prefix {
		route = JoinPath(p, route)
	}
	if method == "" && len(methods) == 1 {
		method = methods[0]
	} else if method == "" && len(methods) > 1 {
		method = strings.Join(methods, ",")
		for _, m := range methods {
			if m == "POST" || m == "PUT" || m == "PATCH" || m == "DELETE" {
				method = m
			}
		}
	}
	if route == "" {
		route = "/"
	}
	return method, route
}

// JoinPath joins a group or mount prefix and a route path.
func JoinPath(prefix, p string) string {
	if prefix == "" {
		return p
	}
	if p == "" {
		return prefix
	}
	return strings.TrimSuffix(prefix, "/") + "/" + strings.TrimPrefix(p, "/")
}
