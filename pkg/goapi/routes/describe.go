package routes

import (
	"go/ast"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/apiaudit/apiaudit/pkg/goapi"
	"github.com/apiaudit/apiaudit/pkg/goapi/authn"
)

// Describe finds a route's method and full path: the registration's own
// arguments, the prefixes of the groups and sub-routers it is registered
// on, and gorilla's Methods before or after it. A route that answers
// several methods is named by its one unsafe method (POST of GET and
// POST), or by all of them joined with "," when none is unsafe; "" is
// every method, or methods not known here.
func Describe(pass *analysis.Pass, g *authn.Guard, call *ast.CallExpr, c goapi.RouteCall) (method, route string) {
	methods, _, route := describe(pass, g, call, c)
	switch len(methods) {
	case 0:
	case 1:
		method = methods[0]
	default:
		method = strings.Join(methods, ",")
		for _, m := range methods {
			if m == "POST" || m == "PUT" || m == "PATCH" || m == "DELETE" {
				method = m
			}
		}
	}
	return method, route
}

// describe is Describe with every method the route answers: nil when it
// answers every method, or when they are not known here (unknown is then
// true: a method or list held in a variable whose value is not in sight,
// chi's Method(m, ...) with m computed).
func describe(pass *analysis.Pass, g *authn.Guard, call *ast.CallExpr, c goapi.RouteCall) (methods []string, unknown bool, route string) {
	info := pass.TypesInfo
	if c.Method != "" {
		methods = []string{c.Method}
	}
	if c.MethodArg >= 0 && c.MethodArg < len(call.Args) {
		// chi Method("GET", ...), gin Handle("GET", ...), echo Add; gin and
		// echo Match([]string{"GET", "HEAD"}, ...)
		methods, unknown = methodList(info, g, call.Args[c.MethodArg])
	}
	if c.PathArg >= 0 && c.PathArg < len(call.Args) {
		route = goapi.RoutePath(info, call.Args[c.PathArg])
	}
	fn := goapi.Callee(info, call)
	if fn.Pkg().Path() == "net/http" {
		// Go 1.22 patterns: "[METHOD ][HOST]/path"
		if m, rest, ok := strings.Cut(route, " "); ok {
			methods, route = []string{m}, strings.TrimSpace(rest)
		}
		// (a part computed at run time before the first slash is the
		// path's own start, not a host: path+"/prometheus")
		if i := strings.Index(route, "/"); i > 0 && !strings.Contains(route[:i], "…") {
			route = route[i:]
		}
	}
	// gorilla: Methods("GET", "HEAD") before or after the registration
	gorillaMethods := func(args []ast.Expr) {
		for _, a := range args {
			if m := goapi.ConstString(info, a); m != "" {
				methods = append(methods, strings.ToUpper(m))
			} else {
				unknown = true
			}
		}
	}
	var prefix []string
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
				gorillaMethods(e.Args)
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
			gorillaMethods(up.Args)
		}
		outer = up
	}
	// prefix holds the innermost group's first: r.Route("/v1", func(r
	// chi.Router) { r.Route("/admin", ...) }) gives ["/admin", "/v1"].
	for _, p := range prefix {
		route = JoinPath(p, route)
	}
	if route == "" {
		route = "/"
	}
	slices.Sort(methods)
	return slices.Compact(methods), unknown, route
}

// methodList is the methods an argument names: one constant ("GET",
// http.MethodGet) or a slice of constants ([]string{"GET", "HEAD"}),
// followed through a local variable's definition. ok is false when a
// method is not a constant known here.
func methodList(info *types.Info, g *authn.Guard, e ast.Expr) (methods []string, unknown bool) {
	for range 4 {
		e = ast.Unparen(e)
		if s := goapi.ConstString(info, e); s != "" {
			return []string{strings.ToUpper(s)}, false
		}
		switch x := e.(type) {
		case *ast.CompositeLit:
			for _, el := range x.Elts {
				s := goapi.ConstString(info, el)
				if s == "" {
					return nil, true
				}
				methods = append(methods, strings.ToUpper(s))
			}
			return methods, len(methods) == 0
		case *ast.Ident:
			a := g.Assigned(info.Uses[x])
			if len(a) != 1 {
				return nil, true
			}
			e = a[0]
		default:
			return nil, true
		}
	}
	return nil, true
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
