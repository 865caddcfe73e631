// Package routes is an analyzer that lists the HTTP routes a package
// registers (net/http, chi, gin, echo, gorilla/mux, fiber, from the router
// table of pkg/goapi) with what the inventory wants to know of each: the
// full path with group and mount prefixes, the handler, the middleware,
// whether a credential check is on the way (pkg/goapi/authn, as GO101
// decides it), the capabilities the handler reaches (pkg/goapi/reach),
// whether it reads the body and what limits it, and the read timeouts of
// the servers the package starts. It reports nothing.
package routes

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/apiaudit/apiaudit/pkg/goapi"
	"github.com/apiaudit/apiaudit/pkg/goapi/authn"
	"github.com/apiaudit/apiaudit/pkg/goapi/reach"
	"github.com/apiaudit/apiaudit/pkg/inventory"
)

// Analyzer computes a *Result for every package.
var Analyzer = &analysis.Analyzer{
	Name:       "apiauditinventoryroutes",
	Doc:        "lists the HTTP routes a package registers, for the API inventory",
	Requires:   []*analysis.Analyzer{inspect.Analyzer, reach.Analyzer, authn.Analyzer, FactsAnalyzer},
	Run:        run,
	ResultType: reflect.TypeFor[*Result](),
}

// Result is the package's routes, in source order. Positions name files
// by their absolute path; Module is left empty for the caller to fill.
type Result struct {
	Routes []inventory.Route
}

var frameworks = map[string]string{
	"net/http":                 "net/http",
	"github.com/go-chi/chi":    "chi",
	"github.com/gin-gonic/gin": "gin",
	"github.com/labstack/echo": "echo",
	"github.com/gorilla/mux":   "gorilla/mux",
	"github.com/gofiber/fiber": "fiber",
}

func run(pass *analysis.Pass) (any, error) {
	res := &Result{}
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	caps := pass.ResultOf[reach.Analyzer].(*reach.Result)
	info := pass.TypesInfo

	type reg struct {
		call *ast.CallExpr
		c    goapi.RouteCall
		fn   *types.Func
	}
	var regs, mounts []reg
	uses := map[types.Object][]ast.Expr{} // router variable -> middleware given to its Use
	decls := map[*types.Func]*ast.FuncDecl{}
	var timeouts []string
	for n := range ins.PreorderSeq((*ast.CallExpr)(nil), (*ast.FuncDecl)(nil), (*ast.CompositeLit)(nil)) {
		switch n := n.(type) {
		case *ast.FuncDecl:
			if fn, ok := info.Defs[n.Name].(*types.Func); ok && n.Body != nil {
				decls[fn] = n
			}
		case *ast.CompositeLit:
			if goapi.IsType(info.TypeOf(n), "net/http", "Server") {
				if t := serverTimeout(n); t != "" {
					timeouts = append(timeouts, t)
				} else {
					timeouts = append(timeouts, "none")
				}
			}
		case *ast.CallExpr:
			fn := goapi.Callee(info, n)
			c, ok := goapi.Routers.Lookup(fn)
			if !ok {
				continue
			}
			switch c.Kind {
			case goapi.RouteRegister:
				if fn.Name() == "Mount" {
					mounts = append(mounts, reg{n, c, fn})
				} else {
					regs = append(regs, reg{n, c, fn})
				}
			case goapi.RouteUse:
				if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok {
					if obj := rootObj(info, sel.X); obj != nil {
						uses[obj] = append(uses[obj], n.Args...)
					}
				}
			case goapi.RouteServe:
				if fn.Pkg().Path() == "net/http" {
					timeouts = append(timeouts, "none")
				} else if c.Receiver {
					timeouts = append(timeouts, "none (framework default server)")
				}
			}
		}
	}
	if len(regs) == 0 {
		return res, nil
	}
	g := authn.NewGuard(pass, pass.ResultOf[authn.Analyzer].(*authn.Result))

	// Mounts: r.Mount("/api", apiRouter()) puts the routes that apiRouter
	// registers under /api.
	mountOf := map[*types.Func]string{}
	for _, m := range mounts {
		_, prefix := Describe(pass, g, m.call, m.c)
		h, _ := authn.Handler(m.call, m.c)
		if h == nil {
			continue
		}
		if id, ok := ast.Unparen(h).(*ast.Ident); ok {
			if a := g.Assigned(info.Uses[id]); len(a) > 0 {
				h = a[0]
			}
		}
		if call, ok := ast.Unparen(h).(*ast.CallExpr); ok {
			if f := goapi.Callee(info, call); f != nil && f.Pkg() == pass.Pkg {
				mountOf[f] = prefix
			}
		}
	}
	enclosing := func(pos token.Pos) *types.Func {
		for fn, d := range decls {
			if d.Pos() <= pos && pos < d.End() {
				return fn
			}
		}
		return nil
	}

	timeout := summarize(timeouts)
	for _, r := range regs {
		h, mws := authn.Handler(r.call, r.c)
		if h == nil {
			continue
		}
		mcp := mcpKind(info, g, h)
		// A router served as a handler (gorilla PathPrefix("/x").Handler(sub),
		// mux.Handle("/x/", sub)): listed as a subtree; the routes of a router
		// of the package are listed on their own too.
		subtree := mcp == "" && servesRoutes(info.TypeOf(h))
		if _, isIface := types.Unalias(info.TypeOf(h)).Underlying().(*types.Interface); isIface && r.fn.Pkg().Path() == "net/http" {
			// mux.Handle("/api/", apiServer) with an http.Handler value:
			// another router, most likely, that decides for itself
			subtree = subtree || strings.HasSuffix(goapi.RoutePath(info, r.call.Args[0]), "/")
		}
		methods, unknown, path := describe(pass, g, r.call, r.c)
		if f := enclosing(r.call.Pos()); f != nil && mountOf[f] != "" {
			path = JoinPath(mountOf[f], path)
		}
		pos := pass.Fset.Position(r.call.Pos())
		rt := inventory.Route{
			Method: strings.Join(methods, ","),
			// Match, Method or Methods with a list not known here: not
			// every method, though the route is matched as if it were.
			MethodsUnknown: unknown,
			Path:           path,
			At:             inventory.Pos{File: pos.Filename, Line: pos.Line, Column: pos.Column},
			Framework:      frameworks[goapi.CanonPath(r.fn.Pkg().Path())],
			Handler:        handlerName(h),
			Timeouts:       timeout,
			MCP:            mcp,
			Subtree:        subtree,
		}
		for _, mw := range mws {
			rt.Middleware = append(rt.Middleware, short(types.ExprString(mw)))
		}
		if sel, ok := ast.Unparen(r.call.Fun).(*ast.SelectorExpr); ok {
			if obj := rootObj(info, sel.X); obj != nil {
				for _, mw := range uses[obj] {
					rt.Middleware = append(rt.Middleware, short(types.ExprString(mw)))
				}
			}
		}
		switch g.Route(r.call, r.c) {
		case authn.Protected:
			rt.Auth = inventory.AuthYes
		case authn.MaybeOff:
			// Auth middleware installed under a condition that can be
			// false at run time (GO105 reports the condition).
			rt.Auth = inventory.AuthYes
			rt.Conditional = true
		case authn.Open:
			rt.Auth = inventory.AuthNo
		default:
			rt.Auth = inventory.AuthUnknown
		}
		if f := caps.Node(h); f != nil {
			for _, c := range f.Caps.Each() {
				rt.Reaches = append(rt.Reaches, c.String())
			}
		}
		facts := pass.ResultOf[FactsAnalyzer].(*Facts)
		rt.Recv = recvOf(info, h)
		body := handlerBody(info, decls, h)
		if body != nil {
			looksAt(info, body, facts, &rt)
		}
		if body == nil || !rt.ChecksMethod || rt.Page == "" && len(rt.Redirects) == 0 && rt.Websocket == "" {
			// A handler (or a handler factory) of another package: what
			// its facts say it does with the request.
			if hf, ok := facts.Handler(info, h); ok {
				rt.ChecksMethod = rt.ChecksMethod || hf.ChecksMethod
				rt.NotImplemented = rt.NotImplemented || hf.NotImplemented
				if rt.Page == "" {
					rt.Page = hf.Page
				}
				if len(rt.Redirects) == 0 {
					rt.Redirects = hf.Redirects
				}
				if rt.Websocket == "" {
					rt.Websocket = hf.Websocket
				}
			}
		}
		for _, mw := range rt.Middleware {
			for _, l := range []string{"MaxBytesHandler", "RequestSize", "BodyLimit"} {
				if strings.Contains(mw, l) && rt.BodyLimit == "" {
					rt.BodyLimit = mw
				}
			}
		}
		res.Routes = append(res.Routes, rt)
	}
	return res, nil
}

// rootObj is the variable at the root of a router expression (r in
// r.Group("/x").GET): the one whose Use calls apply.
func rootObj(info *types.Info, e ast.Expr) types.Object {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return info.Uses[e]
	case *ast.SelectorExpr:
		if s, ok := info.Selections[e]; ok && s.Kind() == types.FieldVal {
			return s.Obj()
		}
	}
	return nil
}

// serverTimeout names the read timeout an http.Server literal sets, "" if
// none.
func serverTimeout(lit *ast.CompositeLit) string {
	var set []string
	for _, f := range []string{"ReadHeaderTimeout", "ReadTimeout"} {
		if v := goapi.Keyed(lit, f); v != nil {
			set = append(set, f+"="+types.ExprString(v))
		}
	}
	return strings.Join(set, " ")
}

// summarize is the servers' timeouts, the weakest first.
func summarize(ts []string) string {
	slices.Sort(ts)
	ts = slices.Compact(ts)
	slices.SortStableFunc(ts, func(a, b string) int {
		an, bn := strings.HasPrefix(a, "none"), strings.HasPrefix(b, "none")
		switch {
		case an && !bn:
			return -1
		case bn && !an:
			return 1
		}
		return 0
	})
	return strings.Join(ts, "; ")
}

// mcpKind is the kind of MCP server a handler is ("streamable HTTP",
// "SSE"), following a variable to its definition and wrappers to the
// handler they wrap (their last argument: auth(logging(h)),
// s.withDeadline(d, h)).
func mcpKind(info *types.Info, g *authn.Guard, h ast.Expr) string {
	for range 8 {
		switch e := ast.Unparen(h).(type) {
		case *ast.CallExpr:
			if k, _, ok := goapi.MCPHTTPHandlers.Call(info, e); ok {
				return k
			}
			if len(e.Args) == 0 {
				return ""
			}
			h = e.Args[len(e.Args)-1]
		case *ast.Ident:
			a := g.Assigned(info.Uses[e])
			if len(a) == 0 {
				return ""
			}
			h = a[0]
		default:
			return ""
		}
	}
	return ""
}

func servesRoutes(t types.Type) bool {
	for _, r := range [][2]string{
		{"net/http", "ServeMux"}, {"github.com/go-chi/chi", "Mux"}, {"github.com/go-chi/chi", "Router"},
		{"github.com/gin-gonic/gin", "Engine"}, {"github.com/labstack/echo", "Echo"},
		{"github.com/gorilla/mux", "Router"}, {"github.com/gofiber/fiber", "App"},
	} {
		if goapi.IsType(t, r[0], r[1]) {
			return true
		}
	}
	return false
}

// recvOf is the type whose method a handler expression names
// (h.Dashboard, http.HandlerFunc(h.Dashboard), auth(h.Dashboard)), as
// package path and name; "" for a function or anything else.
func recvOf(info *types.Info, h ast.Expr) string {
	for range 6 {
		switch e := ast.Unparen(h).(type) {
		case *ast.SelectorExpr:
			fn, _ := info.Uses[e.Sel].(*types.Func)
			if fn == nil || fn.Signature().Recv() == nil {
				return ""
			}
			t := fn.Signature().Recv().Type()
			if p, ok := types.Unalias(t).(*types.Pointer); ok {
				t = p.Elem()
			}
			if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil {
				return n.Obj().Pkg().Path() + "." + n.Obj().Name()
			}
			return ""
		case *ast.CallExpr:
			if len(e.Args) != 1 {
				return ""
			}
			h = e.Args[0]
		default:
			return ""
		}
	}
	return ""
}

// handlerBody is the body of the function a handler expression names: a
// function literal, a function or method of the package, or the argument
// of http.HandlerFunc(f) or of a one-argument wrapper (auth(h)).
func handlerBody(info *types.Info, decls map[*types.Func]*ast.FuncDecl, h ast.Expr) *ast.BlockStmt {
	for range 6 {
		switch e := ast.Unparen(h).(type) {
		case *ast.FuncLit:
			return e.Body
		case *ast.Ident, *ast.SelectorExpr:
			var obj types.Object
			if id, ok := e.(*ast.Ident); ok {
				obj = info.Uses[id]
			} else {
				obj = info.Uses[e.(*ast.SelectorExpr).Sel]
			}
			if fn, ok := obj.(*types.Func); ok && decls[fn] != nil {
				return decls[fn].Body
			}
			return nil
		case *ast.CallExpr:
			if len(e.Args) != 1 {
				return nil
			}
			// Go down into the one argument of a conversion or a wrapper.
			if tv, ok := info.Types[e.Fun]; ok && tv.IsType() {
				h = e.Args[0] // a conversion: http.HandlerFunc(f)
				continue
			}
			h = e.Args[0] // a wrapper: requireToken(http.HandlerFunc(f))
		default:
			return nil
		}
	}
	return nil
}

// bodyReads are calls that read and decode the whole request body.
var bodyReads = goapi.Set(true,
	"encoding/json.NewDecoder", "encoding/xml.NewDecoder", "io.ReadAll", "io/ioutil.ReadAll",
	"(*github.com/gin-gonic/gin.Context).Bind", "(*github.com/gin-gonic/gin.Context).BindJSON",
	"(*github.com/gin-gonic/gin.Context).ShouldBind", "(*github.com/gin-gonic/gin.Context).ShouldBindJSON",
	"(*github.com/gin-gonic/gin.Context).ShouldBindBodyWith", "(*github.com/gin-gonic/gin.Context).GetRawData",
	"(github.com/labstack/echo.Context).Bind",
	"(*github.com/gofiber/fiber.Ctx).BodyParser", "(*github.com/gofiber/fiber.Ctx).Bind",
)

// bodyLimits are calls that bound how much of the body is read.
var bodyLimits = goapi.Set(true, "net/http.MaxBytesReader", "io.LimitReader")

// looksAt records what a handler's own body does with the request: reads
// the body, limits it, validates what it decoded, looks at the method.
// Calls into other functions are not followed.
func looksAt(info *types.Info, body *ast.BlockStmt, facts *Facts, rt *inventory.Route) {
	rt.Page = Page(info, body, facts)
	rt.Redirects = Redirects(info, body)
	rt.Websocket = Websocket(info, body)
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			fn := goapi.Callee(info, n)
			if fn == nil {
				return true
			}
			if bodyReads[goapi.Of(fn)] {
				rt.ReadsBody = true
			}
			if bodyLimits[goapi.Of(fn)] && rt.BodyLimit == "" {
				rt.BodyLimit = fn.Pkg().Name() + "." + fn.Name()
			}
			if strings.HasPrefix(strings.ToLower(fn.Name()), "validate") || (fn.Pkg() != nil && strings.Contains(fn.Pkg().Path(), "validator") && fn.Name() == "Struct") {
				rt.Validates = true
			}
		case *ast.SelectorExpr:
			if n.Sel.Name == "Method" && goapi.IsType(info.TypeOf(n.X), "net/http", "Request") {
				rt.ChecksMethod = true
			}
			if n.Sel.Name == "Method" && (goapi.IsType(info.TypeOf(n.X), "github.com/gofiber/fiber", "Ctx")) {
				rt.ChecksMethod = true
			}
		}
		return true
	})
}

// handlerName is how the inventory names a handler: its expression, or
// "func literal" for one written in place.
func handlerName(h ast.Expr) string {
	if _, ok := ast.Unparen(h).(*ast.FuncLit); ok {
		return "func literal"
	}
	return short(types.ExprString(h))
}

// short elides a long expression.
func short(s string) string {
	if len(s) > 60 {
		s = s[:57] + "..."
	}
	return s
}
