// Package go201 defines rule GO201: an HTTP handler that reads the request
// body with no size limit.
package go201

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/apiaudit/apiaudit/pkg/goapi"
	"github.com/apiaudit/apiaudit/pkg/goapi/authn"
	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/rules/go101"
)

var Rule = &lint.Rule{
	ID:   "GO201",
	Name: "unbounded-request-body",
	Doc: lint.Doc{
		Title: "Request body is read without a size limit",
		Summary: "An HTTP handler reads or decodes the request body (io.ReadAll, json.NewDecoder, xml.NewDecoder, " +
			"r.ParseMultipartForm, r.FormFile, r.MultipartReader, gin's Bind and ShouldBind methods, echo's " +
			"c.Bind) with no http.MaxBytesReader applied earlier in the same function and no body-limit " +
			"middleware (a framework's, or your own that wraps the body and calls the next handler) installed by the package.",
		Why: `net/http does not limit the size of a request body. A handler that reads the
whole body into memory (io.ReadAll), decodes it as one JSON or XML value, or
parses a multipart form (whose files spill to disk) lets any client make the
server allocate memory or disk in proportion to what it sends. A few large or
slow requests are enough to exhaust a small container, and endpoints that
front a model (prompts, documents for retrieval, tool results) are the ones
that invite large bodies and are expensive to run.

` + "`http.MaxBytesReader`" + ` fixes this at the source: once r.Body is wrapped, reads past
the limit fail and the server closes the connection. gosec's G120 looks only
at ParseMultipartForm and still reports it when MaxBytesReader is in place;
this rule treats ` + "`r.Body = http.MaxBytesReader(w, r.Body, n)`" + ` earlier in the
handler, ` + "`io.LimitReader(r.Body, n)`" + ` at the call, and registration through
` + "`http.MaxBytesHandler`" + ` in the same package as limits.

A handler that parses its multipart form once and then reads it (r.ParseMultipartForm
followed by r.FormFile) reads the body once: one finding, at the first read, with
the later reads as related locations.

Framework binders read the whole body too: gin's Bind, BindJSON, ShouldBind,
ShouldBindJSON, ShouldBindBodyWith (and their XML, YAML, TOML and plain
variants), GetRawData, and echo's c.Bind. Neither gin nor echo v4 limits
bodies by default.

The check is mostly intraprocedural. It looks at net/http handlers
(functions that take both an http.ResponseWriter and an *http.Request) and
at gin and echo handlers (functions that take a *gin.Context or an
echo.Context). A limit counts when it is set earlier in the handler
(` + "`c.Request.Body = http.MaxBytesReader(...)`" + ` for gin, ` + "`c.Request().Body = ...`" + ` for
echo), when the handler is named inside ` + "`http.MaxBytesHandler`" + `, or when the same
package installs a body-limit middleware: chi's ` + "`middleware.RequestSize`" + ` (for
net/http handlers), echo's ` + "`middleware.BodyLimit`" + `, a gin middleware that wraps
c.Request.Body with http.MaxBytesReader, or http.MaxBytesHandler around a
gin engine. Such a middleware is taken to cover every handler of its kind in
the package, even when it is installed on one route group only. Across
packages (in apiaudit scan, after the module is analysed): when some package
of the module installs such a middleware and every package whose routes
serve handlers of that kind installs one too (one router package with
` + "`e.Use(middleware.BodyLimit(\"10M\"))`" + `, handlers and body helpers in
others), the handlers of that kind in every package are covered; a second
router of the same kind without a limit leaves them reported. That holds for
echo and gin. A net/http limiter (chi's or your own) wrapped around a handler
covers only the handlers of its own package, since it is as often wrapped
around one route as installed on the router; installed on a router (` + "`router.Use(middleware.RequestSize(1 << 20))`" + `,
` + "`r.With(limit)`" + `) it covers the routes that other packages register on
routers they are handed (` + "`func Projects(r chi.Router) { r.Post(...) }`" + `)
or on routers they build for it to mount (` + "`r.Mount(\"/\", admin.Routes())`" + `),
and the handlers that constructors of other packages return for it to serve;
a package that builds a router served on its own (a second server's) keeps
its findings unless it installs a limit itself. A package that registers on
routers handed to it is under the limits of the packages that hand them (a
call that passes one of their routers, or a function of it given to a router
method, as ` + "`r.Route(\"/x\", handlers.Projects)`" + `): all of them must be
covered; where the module shows no such call, any router's limit counts. Fiber
handlers are not checked (fiber limits bodies to 4 MB unless
` + "`fiber.Config{BodyLimit: ...}`" + ` says otherwise).

Your own net/http body-limit middleware counts too: a function that sets
r.Body = http.MaxBytesReader(w, r.Body, n) (or an io.LimitReader) and then
passes the request on (next.ServeHTTP(w, r), next(w, r)); and a handler
that bounds the body and then hands the request to functions of its
package (go-sdk's StreamableHTTPHandler), whose reads are bounded. The package
that defines it is taken to limit: its handlers when it installs it
(r.Use(limit(n)), limit(n)(mux)); the functions it hands the limited
request to (a handler that bounds the body and dispatches to a session's
methods); and its other middleware (functions that take the next
http.Handler or http.HandlerFunc), which are taken to run after it, as a
chain built elsewhere usually puts the limit first. A limiter defined in
another package and installed here is not seen (name it in an ignore), nor
are limits set in helpers that receive the request.
"Earlier" means earlier in the source, so a limit set in one branch counts
for the rest of the function. r.ParseForm, r.FormValue and r.PostFormValue
are not reported: net/http caps url-encoded forms at 10 MB by itself.
Binders that read only the query, headers or path (ShouldBindQuery,
BindHeader, BindUri) are not reported.

An unbounded body that only authenticated callers can send (every route
that serves the handler has auth middleware, as GO101 sees it, whether the
routes are registered in the handler's package or in another package of
the module: apiaudit scan joins the two after the analysis) is a note:
the caller is accountable and rate-limited, and on the projects judged so
far nobody would act on it. One that anyone may send stays a warning.
So is one in a package whose every server listens on a loopback address
(a local setup wizard on 127.0.0.1:0): only this machine can send it.`,
		Fix: "wrap the body before reading it (r.Body = http.MaxBytesReader(w, r.Body, limit)) or install a body-limit middleware",
		Bad: `func upload(w http.ResponseWriter, r *http.Request) {
	var req PromptRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	// ...
}`,
		Good: `func upload(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20) // 1 MiB
	var req PromptRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	// ...
}`,
		Lang:      "go",
		Severity:  lint.SeverityWarning,
		Grades:    "A note when every route that serves the handler checks credentials (only authenticated callers send the body; the routes of any method count, a handler factory's literal is what the routes that name the factory serve, and a helper counts when every live caller is such a handler; a handler that checks credentials itself covers only the reads after its check), when every server of the package listens on a loopback address, and in example code or test scaffolding (examples/, _examples, demo, conformance, test/, testkit, a package named like oauthtest). Followed across the module too: a note when every listen call of the handler's package is a Unix socket or a loopback address by default (a flag's or configuration default passed to the server's constructor), or when every route that serves the handler is served by servers that listen only there. A check that a setting can switch off (if len(adminPass) != 0 && key != adminPass) is not authentication here: the read stays a warning. So is auth middleware installed only under a condition, in a router's Use or appended to the slice a chain helper applies (GO105 reports the condition). A handler held in a local http.Handler variable is its ServeHTTP method; in a plugin of a host that authenticates requests (goapi.Hosts: a Mattermost plugin's check of Mattermost-User-Id or Mattermost-Plugin-ID), a route behind the host's identity header is authenticated. Across the module (apiaudit scan): a note when no program of the module builds the server, that is when the function that holds the finding is called by no main package outside tests (followed through calls, method values and the types reached code names) and code outside the module cannot call it (its package is under internal/ or main, or no exported function of an importable package leads to it); the message names the function.",
		Precision: "high",
		CWE:       []int{770, 400},
		OWASP:     []string{"API4:2023", "LLM10:2025"},
		Since:     "v0.1.0",
	},
}

// Analyzer is the rule's check; its name is the rule's ID.
var Analyzer = &analysis.Analyzer{
	Name:     "GO201",
	Doc:      "reports HTTP handlers that read the request body with no size limit",
	URL:      Rule.HelpURI(),
	Requires: []*analysis.Analyzer{inspect.Analyzer, limiters, go101.AllRoutesAnalyzer},
	Run:      run,
}

// limiters finds the package's body-limit middleware. It exports no
// facts: an analyzer with facts makes a scan load every dependency's
// syntax, which GO201 does not otherwise need (and which fails on some
// standard packages with cgo on), so a limiter installed from another
// package is not seen.
var limiters = &analysis.Analyzer{
	Name: "apiauditbodylimit",
	Doc:  "finds net/http middleware that limit the request body and pass the request on",
	Run: func(pass *analysis.Pass) (any, error) {
		own, covered := httpLimiters(pass)
		return &limiterSet{pass, own, covered}, nil
	},
	ResultType: reflect.TypeFor[*limiterSet](),
}

// limiterSet answers which functions of the package limit the body.
type limiterSet struct {
	pass *analysis.Pass
	own  map[*types.Func]bool
	// covered are the functions of the package that a limiter hands the
	// limited request to (req.Body is bounded there), directly or through
	// each other: a handler that wraps the body and dispatches to a
	// session's servePOST.
	covered map[*types.Func]bool
}

func (l *limiterSet) has(fn *types.Func) bool {
	return l.own[fn]
}

func init() { Rule.Analyzer = Analyzer }

// bodyReaders are the functions that read all of their reader argument, by
// package path and name, with the index of that argument.
var bodyReaders = map[[2]string]int{
	{"io", "ReadAll"}:               0,
	{"io/ioutil", "ReadAll"}:        0,
	{"encoding/json", "NewDecoder"}: 0,
	{"encoding/xml", "NewDecoder"}:  0,
}

// formParsers are the *http.Request methods that read a multipart body.
var formParsers = map[string]bool{"ParseMultipartForm": true, "FormFile": true, "MultipartReader": true}

// Framework binders: methods of the request context that read and decode
// the whole body.
var (
	ginBinders = goapi.Set(true,
		"(*github.com/gin-gonic/gin.Context).Bind", "(*github.com/gin-gonic/gin.Context).BindJSON",
		"(*github.com/gin-gonic/gin.Context).BindXML", "(*github.com/gin-gonic/gin.Context).BindYAML",
		"(*github.com/gin-gonic/gin.Context).BindTOML", "(*github.com/gin-gonic/gin.Context).BindPlain",
		"(*github.com/gin-gonic/gin.Context).ShouldBind", "(*github.com/gin-gonic/gin.Context).ShouldBindJSON",
		"(*github.com/gin-gonic/gin.Context).ShouldBindXML", "(*github.com/gin-gonic/gin.Context).ShouldBindYAML",
		"(*github.com/gin-gonic/gin.Context).ShouldBindTOML", "(*github.com/gin-gonic/gin.Context).ShouldBindPlain",
		"(*github.com/gin-gonic/gin.Context).ShouldBindBodyWith", "(*github.com/gin-gonic/gin.Context).ShouldBindBodyWithJSON",
		"(*github.com/gin-gonic/gin.Context).ShouldBindBodyWithXML", "(*github.com/gin-gonic/gin.Context).ShouldBindBodyWithYAML",
		"(*github.com/gin-gonic/gin.Context).ShouldBindBodyWithTOML", "(*github.com/gin-gonic/gin.Context).ShouldBindBodyWithPlain",
		"(*github.com/gin-gonic/gin.Context).GetRawData")
	echoBinders = goapi.Set(true, "(github.com/labstack/echo.Context).Bind")
	// Middleware that limits every body of the routes it is used on.
	chiLimit  = goapi.Set(true, "github.com/go-chi/chi/middleware.RequestSize")
	echoLimit = goapi.Set(true, "github.com/labstack/echo/middleware.BodyLimit", "github.com/labstack/echo/middleware.BodyLimitWithConfig")
	ioLimit   = goapi.MustFunc("io.LimitReader")
)

const (
	ginPkg  = "github.com/gin-gonic/gin"
	echoPkg = "github.com/labstack/echo"
)

// authedReason is why an unbounded body that only authenticated callers
// can send is a note.
const authedReason = "only authenticated callers reach this handler (every route that serves it checks credentials); a body limit there guards against a client's bug more than an attack"

// handler is a function that serves a request: a net/http handler (its
// *http.Request), a gin handler or an echo handler (its context).
type handler struct {
	req  types.Object // *http.Request, *gin.Context or echo.Context parameter
	kind string       // "http", "gin" or "echo"
}

func run(pass *analysis.Pass) (any, error) {
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	limited := limitedHandlers(pass, ins)
	authed := authenticated(pass)
	loopback := loopbackOnly(pass)
	for n := range ins.PreorderSeq((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		var ftype *ast.FuncType
		var body *ast.BlockStmt
		var key any = n
		switch n := n.(type) {
		case *ast.FuncDecl:
			if limited.funcs[pass.TypesInfo.Defs[n.Name]] || limited.dispatched[pass.TypesInfo.Defs[n.Name]] {
				continue
			}
			ftype, body, key = n.Type, n.Body, pass.TypesInfo.Defs[n.Name]
		case *ast.FuncLit:
			if limited.covers(n.Pos()) {
				continue
			}
			ftype, body = n.Type, n.Body
			if fn := factory(pass, ins, n); fn != nil && authed[fn] != 0 && authed[n] == 0 {
				// func getHandler(...) gin.HandlerFunc { return func(c) {...} }:
				// the routes name the factory; the literal is what they serve.
				key = fn
			}
		}
		if body == nil {
			continue
		}
		if h, ok := handlerOf(pass, ftype); ok && !limited.kinds[h.kind] {
			checkHandler(pass, h, body, authed[key], loopback)
		}
	}
	return nil, nil
}

// factory is the declared function that lit is returned from (a handler
// factory: func getHandler(cfg) gin.HandlerFunc { return func(c) {...} });
// nil when lit is not the operand of a return statement of a declared
// function's own body.
func factory(pass *analysis.Pass, ins *inspector.Inspector, lit *ast.FuncLit) types.Object {
	cur, ok := ins.Root().FindNode(lit)
	if !ok {
		return nil
	}
	if _, ok := cur.Parent().Node().(*ast.ReturnStmt); !ok {
		return nil
	}
	for p := cur.Parent(); p.Node() != nil; p = p.Parent() {
		switch d := p.Node().(type) {
		case *ast.FuncLit:
			return nil
		case *ast.FuncDecl:
			return pass.TypesInfo.Defs[d.Name]
		}
	}
	return nil
}

// handlerOf finds the request of a function shaped like a handler: one
// that takes an http.ResponseWriter and an *http.Request, a *gin.Context
// or an echo.Context.
func handlerOf(pass *analysis.Pass, ft *ast.FuncType) (handler, bool) {
	var req, ctx handler
	writer := false
	for _, field := range ft.Params.List {
		t := pass.TypesInfo.TypeOf(field.Type)
		if len(field.Names) != 1 {
			if isNamed(t, "ResponseWriter") {
				writer = true
			}
			continue
		}
		obj := pass.TypesInfo.Defs[field.Names[0]]
		switch {
		case isNamed(t, "ResponseWriter"):
			writer = true
		case isRequestPtr(t):
			req = handler{obj, "http"}
		case goapi.IsType(t, ginPkg, "Context"):
			ctx = handler{obj, "gin"}
		case goapi.IsType(t, echoPkg, "Context"):
			ctx = handler{obj, "echo"}
		}
	}
	if writer && req.req != nil {
		return req, true
	}
	return ctx, ctx.req != nil
}

// checkHandler reports reads of the request body in body, in source order,
// until the body is replaced by a limited reader. Function literals inside
// are left alone: those that are handlers are checked on their own.
func checkHandler(pass *analysis.Pass, h handler, body *ast.BlockStmt, authed protection, loopback string) {
	checkedAt := token.NoPos
	if authed == byHandler {
		checkedAt = rejectsAt(pass.TypesInfo, body)
	}
	var reportWith func(pos token.Pos, related []analysis.RelatedInformation, format string, args ...any)
	report := func(pos token.Pos, format string, args ...any) {
		reportWith(pos, nil, format, args...)
	}
	reportWith = func(pos token.Pos, related []analysis.RelatedInformation, format string, args ...any) {
		g := goapi.NewGrade(goapi.Warning)
		switch {
		case authed == byChain || authed == byHandler && checkedAt.IsValid() && pos > checkedAt:
			g.Lower(authedReason)
		case loopback != "":
			g.Lower("the package serves its routes on " + loopback + " only, reachable from this machine")
		}
		g.LowerPlace(goapi.PlacePath(pass))
		g.Report(pass, analysis.Diagnostic{Pos: pos, Message: fmt.Sprintf(format, args...), Related: related})
	}
	limitAt := token.NoPos
	// The multipart reads of the request: the first one reads the body
	// (ParseMultipartForm, then FormFile and MultipartForm use the form it
	// parsed), so they are one finding, at the first, with the later ones
	// as related locations.
	var multipart []*ast.CallExpr
	defer func() {
		if len(multipart) == 0 {
			return
		}
		var related []analysis.RelatedInformation
		for _, c := range multipart[1:] {
			related = append(related, analysis.RelatedInformation{Pos: c.Pos(),
				Message: types.ExprString(c.Fun) + " reads the form that " + types.ExprString(multipart[0].Fun) + " parsed: the same read of the body"})
		}
		reportWith(multipart[0].Pos(), related, "%s reads a multipart body with no size limit", types.ExprString(multipart[0].Fun))
	}()
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				if i < len(n.Rhs) && isBody(pass, lhs, h) && isLimit(pass, n.Rhs[i]) && !limitAt.IsValid() {
					limitAt = n.Pos()
				}
			}
		case *ast.CallExpr:
			if limitAt.IsValid() && n.Pos() > limitAt {
				return true
			}
			fn := goapi.Callee(pass.TypesInfo, n)
			if fn == nil || fn.Pkg() == nil {
				return true
			}
			if i, ok := bodyReaders[[2]string{fn.Pkg().Path(), fn.Name()}]; ok && fn.Signature().Recv() == nil && i < len(n.Args) && isBody(pass, n.Args[i], h) {
				report(n.Pos(), "%s.%s reads %s with no size limit", fn.Pkg().Name(), fn.Name(), types.ExprString(ast.Unparen(n.Args[i])))
			}
			sel, ok := n.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if formParsers[fn.Name()] && isRequestMethod(fn) && isRequest(pass, sel.X, h) {
				multipart = append(multipart, n)
			}
			binders := ginBinders
			if h.kind == "echo" {
				binders = echoBinders
			}
			if _, ok := binders.Lookup(fn); ok && h.kind != "http" && refersTo(pass, sel.X, h.req) {
				report(n.Pos(), "%s reads the request body with no size limit", types.ExprString(sel))
			}
		}
		return true
	})
}

// authenticated are the handlers (functions, and function literals written
// in a registration) that only authenticated routes serve: each route of
// the package whose handler expression names them checks credentials on
// the way (go101.Routes: auth middleware on the route, its group, router or
// server, or in the handler). A handler no route names is not in it.
func authenticated(pass *analysis.Pass) map[any]protection {
	state := map[any]protection{} // open: served open somewhere
	for _, rt := range pass.ResultOf[go101.AllRoutesAnalyzer].([]go101.Route) {
		protected := routeProtection(pass.TypesInfo, rt)
		mark := func(k any) {
			was, ok := state[k]
			if !ok {
				state[k] = protected
			} else {
				state[k] = combine(was, protected)
			}
		}
		ast.Inspect(rt.Handler, func(n ast.Node) bool {
			if lit, ok := n.(*ast.FuncLit); ok {
				mark(lit)
			}
			return true
		})
		servedFuncs(pass.TypesInfo, rt.Guard, rt.Handler, func(f *types.Func) { mark(types.Object(f)) })
	}
	for k, protected := range state {
		if protected == open {
			delete(state, k)
		}
	}
	return state
}

// protection is how the routes that serve a handler authenticate.
type protection int8

const (
	open      protection = iota // some route serves it open (or none serves it)
	byChain                     // middleware on every route, group, router or server
	byHandler                   // the handler checks credentials itself (on some route)
)

// routeProtection is how a route authenticates: by its chain (byChain), by
// the handler's own check (byHandler), or not (open). Auth that may be
// off (authn.MaybeOff: installed under a
// condition, or a check a setting switches off) is not authentication
// here: the judged reads behind it were servers that run open unless the
// operator sets a key (fabric's --api-key), which GO105 reports.
func routeProtection(info *types.Info, rt go101.Route) protection {
	if rt.State != authn.Protected {
		return open
	}
	if rt.Handler != nil && !wrapped(info, rt.Handler) && rt.Guard.IsAuth(rt.Handler) && !chainAuth(rt) {
		// The handler checks credentials itself: reads before the check
		// are anyone's.
		return byHandler
	}
	return byChain
}

// wrapped reports whether the handler expression h is a call that wraps
// another handler (requireToken(http.HandlerFunc(create))): auth there is
// the route's chain, not the handler's own check. A conversion
// (http.HandlerFunc(create)) is looked through; a factory that takes no
// handler (publishHandler(check)) builds the handler, whose check is its own.
func wrapped(info *types.Info, h ast.Expr) bool {
	for {
		call, ok := ast.Unparen(h).(*ast.CallExpr)
		if !ok {
			return false
		}
		if tv, ok := info.Types[call.Fun]; ok && tv.IsType() && len(call.Args) == 1 {
			h = call.Args[0]
			continue
		}
		for _, a := range call.Args {
			if isHandlerValue(info.TypeOf(a)) {
				return true
			}
		}
		return false
	}
}

// isHandlerValue reports whether t is a net/http handler: a type with a
// ServeHTTP method, or a func(http.ResponseWriter, *http.Request).
func isHandlerValue(t types.Type) bool {
	if t == nil {
		return false
	}
	if types.NewMethodSet(t).Lookup(nil, "ServeHTTP") != nil {
		return true
	}
	sig, ok := t.Underlying().(*types.Signature)
	return ok && sig.Params().Len() == 2 && goapi.IsType(sig.Params().At(0).Type(), "net/http", "ResponseWriter") &&
		isRequestPtr(sig.Params().At(1).Type())
}

// combine is the protection of a handler that two routes serve: open when
// one is; otherwise the weaker of the two.
func combine(a, b protection) protection {
	switch {
	case a == open || b == open:
		return open
	case a == byHandler || b == byHandler:
		return byHandler
	}
	return byChain
}

// servedFuncs calls yield with each function a route's handler expression
// serves: the functions it names, and the ServeHTTP method of each value
// of a concrete type that a local variable named in it is assigned
// (var h http.Handler; h = NewProxy(cfg); mux.Handle("/", chain(h, mws...))).
func servedFuncs(info *types.Info, g *authn.Guard, h ast.Expr, yield func(*types.Func)) {
	ast.Inspect(h, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok {
			return true
		}
		switch obj := info.Uses[id].(type) {
		case *types.Func:
			yield(obj.Origin())
		case *types.Var:
			if obj.IsField() || obj.Pkg() == nil || obj.Parent() == obj.Pkg().Scope() || !types.IsInterface(obj.Type()) {
				return true
			}
			for _, rhs := range g.Assigned(obj) {
				t := info.TypeOf(rhs)
				if t == nil || types.IsInterface(t) {
					continue
				}
				if m, _, _ := types.LookupFieldOrMethod(t, true, obj.Pkg(), "ServeHTTP"); m != nil {
					if f, ok := m.(*types.Func); ok {
						yield(f.Origin())
					}
				}
			}
		}
		return true
	})
}

// chainAuth reports whether the route's middleware, router or server
// authenticates, not (only) the handler: the route's state with the
// handler left aside.
func chainAuth(rt go101.Route) bool {
	if rt.Handler != nil && rt.Guard.SpreadAuth(rt.Handler) {
		return true
	}
	for _, mw := range rt.Mws {
		if rt.Guard.IsAuth(mw) {
			return true
		}
	}
	sel, ok := ast.Unparen(rt.Call.Fun).(*ast.SelectorExpr)
	return ok && rt.Guard.Router(sel.X) == authn.Protected
}

// rejectsAt is the position of the first if in body (outside function
// literals) that answers 401 or 403 and returns: the handler's own
// credential check. NoPos when there is none.
func rejectsAt(info *types.Info, body *ast.BlockStmt) token.Pos {
	at := token.NoPos
	ast.Inspect(body, func(n ast.Node) bool {
		if at.IsValid() {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.IfStmt:
			status, ret := false, false
			ast.Inspect(n.Body, func(m ast.Node) bool {
				switch m := m.(type) {
				case *ast.FuncLit:
					return false
				case *ast.ReturnStmt:
					ret = true
				case ast.Expr:
					if goapi.IsAuthStatus(info, m) {
						status = true
					}
				}
				return true
			})
			if status && ret {
				at = n.Pos()
			}
		}
		return true
	})
	return at
}

// loopbackOnly is the address the package's servers listen on when every
// one of them listens on a constant loopback address (a local setup
// wizard on 127.0.0.1:0): its handlers are reachable from this machine
// only. "" when the package starts no server, or one that listens
// elsewhere or on an address not known here.
func loopbackOnly(pass *analysis.Pass) string {
	addr := ""
	for _, body := range goapi.FuncBodies(pass.TypesInfo, pass.Files) {
		if !startsServer(pass.TypesInfo, body) {
			continue
		}
		a, ok := goapi.LoopbackListen(pass.TypesInfo, body)
		if !ok {
			return ""
		}
		addr = a
	}
	return addr
}

// startsServer reports whether body listens or serves: a serve call of the
// router table (http.ListenAndServe, gin's Run...), net.Listen, a
// net.ListenConfig's Listen, or an http.Server's ListenAndServe or Serve.
func startsServer(info *types.Info, body ast.Node) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		fn := goapi.Callee(info, call)
		if fn == nil || fn.Pkg() == nil {
			return true
		}
		if c, ok := goapi.Routers.Lookup(fn); ok && c.Kind == goapi.RouteServe {
			found = true
		}
		switch goapi.Of(fn).String() {
		case "net.Listen", "(net.ListenConfig).Listen", "(*net.ListenConfig).Listen",
			"(*net/http.Server).ListenAndServe", "(*net/http.Server).ListenAndServeTLS",
			"(*net/http.Server).Serve", "(*net/http.Server).ServeTLS":
			found = true
		}
		return !found
	})
	return found
}

// limits records what puts a size limit on bodies outside the handler:
// named functions mentioned in the first argument of http.MaxBytesHandler,
// the extent of that argument (for function literals written inside it),
// and the kinds of handler that a package-wide middleware covers.
type limits struct {
	funcs      map[types.Object]bool
	dispatched map[types.Object]bool // handed the request after a limiter bounded it
	ranges     [][2]token.Pos
	kinds      map[string]bool
	// onRouter is set when a net/http body limiter is installed on a
	// router for all its routes (router.Use(middleware.RequestSize(n)),
	// r.With(limit)), not wrapped around one handler.
	onRouter bool
	// routerMws are the functions (goapi.Of names) passed to a router's
	// Use or With, or called to make what is passed: a limiter of
	// another package of the module is among them when it is installed
	// here (facts would tell, but GO201 has none; the module step joins
	// them with the limiters each package defines).
	routerMws []string
	// limitsHanded are the package's functions (goapi.Of names) that put
	// a body limit around a handler or router they are handed
	// (func Start(h http.Handler) { h = maxBytes(h, n); ... }): whoever
	// hands them a router has its routes bounded. wrapsHanded are, for
	// the other such functions, what they call with it (a limiter of
	// another package is among them, as for routerMws).
	limitsHanded []string
	wrapsHanded  map[string][]string
}

func (l limits) covers(pos token.Pos) bool {
	for _, r := range l.ranges {
		if r[0] <= pos && pos < r[1] {
			return true
		}
	}
	return false
}

func limitedHandlers(pass *analysis.Pass, ins *inspector.Inspector) limits {
	l := limits{funcs: map[types.Object]bool{}, kinds: map[string]bool{}}
	for n := range ins.PreorderSeq((*ast.CallExpr)(nil)) {
		call := n.(*ast.CallExpr)
		fn := typeutil.StaticCallee(pass.TypesInfo, call)
		if _, ok := chiLimit.Lookup(fn); ok {
			l.kinds["http"] = true
		}
		if _, ok := echoLimit.Lookup(fn); ok {
			l.kinds["echo"] = true
		}
		if !isHTTPFunc(fn, "MaxBytesHandler") || len(call.Args) == 0 {
			continue
		}
		arg := call.Args[0]
		if goapi.IsType(pass.TypesInfo.TypeOf(arg), ginPkg, "Engine") {
			l.kinds["gin"] = true
		}
		l.ranges = append(l.ranges, [2]token.Pos{arg.Pos(), arg.End()})
		ast.Inspect(arg, func(n ast.Node) bool {
			var id *ast.Ident
			switch n := n.(type) {
			case *ast.Ident:
				id = n
			case *ast.SelectorExpr:
				id = n.Sel
			}
			if id != nil {
				if f, ok := pass.TypesInfo.Uses[id].(*types.Func); ok {
					l.funcs[f] = true
				}
			}
			return true
		})
	}
	if ginMiddlewareLimits(pass, ins) {
		l.kinds["gin"] = true
	}
	// net/http middleware that limits the body: its own package's other
	// middleware are built to run after it, and a package that installs
	// it (r.Use(limit(n)), limit(n)(mux)) limits its handlers' bodies.
	lim := pass.ResultOf[limiters].(*limiterSet)
	for n := range ins.PreorderSeq((*ast.CallExpr)(nil)) {
		fn := typeutil.StaticCallee(pass.TypesInfo, n.(*ast.CallExpr))
		if fn == nil {
			continue
		}
		if lim.has(fn) {
			l.kinds["http"] = true
		}
	}
	// A net/http limiter passed to a router's Use or With: every route of
	// that router, and of the routers mounted on it, reads a bounded body.
	for n := range ins.PreorderSeq((*ast.CallExpr)(nil)) {
		call := n.(*ast.CallExpr)
		c, ok := goapi.Routers.Lookup(goapi.Callee(pass.TypesInfo, call)) // chi.Router's Use is an interface method
		if !ok || c.Kind != goapi.RouteUse && c.Kind != goapi.RouteDerive {
			continue
		}
		for _, a := range call.Args {
			var fn *types.Func
			switch a := ast.Unparen(a).(type) {
			case *ast.CallExpr: // middleware.RequestSize(1 << 20)
				fn = typeutil.StaticCallee(pass.TypesInfo, a)
			case *ast.Ident: // limitBody
				fn, _ = pass.TypesInfo.Uses[a].(*types.Func)
			case *ast.SelectorExpr: // mw.LimitBody
				fn, _ = pass.TypesInfo.Uses[a.Sel].(*types.Func)
			}
			if _, chi := chiLimit.Lookup(fn); chi || fn != nil && lim.has(fn) {
				l.onRouter = true
			}
			if fn != nil {
				l.routerMws = append(l.routerMws, goapi.Of(fn).String())
			}
		}
	}
	l.limitsHanded, l.wrapsHanded = handedLimits(pass, lim)
	l.dispatched = map[types.Object]bool{}
	for fn := range lim.covered {
		l.dispatched[fn] = true
	}
	if len(lim.own) > 0 {
		for n := range ins.PreorderSeq((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
			var ft *ast.FuncType
			switch n := n.(type) {
			case *ast.FuncDecl:
				ft = n.Type
			case *ast.FuncLit:
				ft = n.Type
			}
			if takesNext(pass, ft) {
				l.ranges = append(l.ranges, [2]token.Pos{n.Pos(), n.End()})
			}
		}
	}
	return l
}

// handedLimits finds the functions of the package that wrap a handler or
// router parameter in a body limiter (see limits.limitsHanded), and what
// the others call with such a parameter.
func handedLimits(pass *analysis.Pass, lim *limiterSet) (limiting []string, wraps map[string][]string) {
	wraps = map[string][]string{}
	for fn, body := range goapi.FuncBodies(pass.TypesInfo, pass.Files) {
		params := map[types.Object]bool{}
		for v := range fn.Signature().Params().Variables() {
			if t := v.Type(); isNamed(t, "Handler") || isNamed(t, "HandlerFunc") || routerValue(t) {
				params[v] = true
			}
		}
		if len(params) == 0 {
			continue
		}
		name := goapi.Of(fn).String()
		limits := false
		ast.Inspect(body, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || limits {
				return !limits
			}
			handed := slices.ContainsFunc(call.Args, func(a ast.Expr) bool {
				found := false
				ast.Inspect(a, func(m ast.Node) bool {
					if id, ok := m.(*ast.Ident); ok && params[pass.TypesInfo.Uses[id]] {
						found = true
					}
					return !found
				})
				return found
			})
			if !handed {
				return true
			}
			callee := typeutil.StaticCallee(pass.TypesInfo, call)
			if inner, ok := ast.Unparen(call.Fun).(*ast.CallExpr); ok && callee == nil {
				callee = typeutil.StaticCallee(pass.TypesInfo, inner) // middleware.RequestSize(n)(h)
			}
			if callee == nil {
				return true
			}
			if _, chi := chiLimit.Lookup(callee); chi || lim.has(callee) || isHTTPFunc(callee, "MaxBytesHandler") {
				limits = true
				return false
			}
			if callee.Pkg() != nil && callee.Pkg() != pass.Pkg {
				wraps[name] = append(wraps[name], goapi.Of(callee).String())
			}
			return true
		})
		if limits {
			limiting = append(limiting, name)
			delete(wraps, name)
		}
	}
	slices.Sort(limiting)
	return limiting, wraps
}

// httpLimiters finds the package's net/http body-limit middleware: top-level
// functions and methods that replace a request's Body by a limited reader
// and then pass the request on (next.ServeHTTP(w, r), next(w, r)), and the
// functions of the package they hand the limited request to.
func httpLimiters(pass *analysis.Pass) (out, covered map[*types.Func]bool) {
	out, covered = map[*types.Func]bool{}, map[*types.Func]bool{}
	if goapi.InGOROOT(pass.Fset, pass.Files) {
		return out, covered // the standard library's are in the tables (http.MaxBytesHandler)
	}
	bodies := map[*types.Func]*ast.BlockStmt{}
	var handOn func(body ast.Node, after token.Pos)
	handOn = func(body ast.Node, after token.Pos) {
		ast.Inspect(body, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || call.Pos() < after {
				return true
			}
			fn := goapi.Callee(pass.TypesInfo, call)
			if fn == nil || fn.Pkg() != pass.Pkg || covered[fn.Origin()] {
				return true
			}
			for _, a := range call.Args {
				if isRequestPtr(pass.TypesInfo.TypeOf(a)) {
					covered[fn.Origin()] = true
					if b := bodies[fn.Origin()]; b != nil {
						handOn(b, token.NoPos)
					}
					break
				}
			}
			return true
		})
	}
	for fn, body := range goapi.FuncBodies(pass.TypesInfo, pass.Files) {
		bodies[fn] = body
	}
	for fn, body := range goapi.FuncBodies(pass.TypesInfo, pass.Files) {
		limits, passes := false, false
		var limitAt token.Pos
		ast.Inspect(body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				for i, lhs := range n.Lhs {
					sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
					if ok && i < len(n.Rhs) && sel.Sel.Name == "Body" && isRequestPtr(pass.TypesInfo.TypeOf(sel.X)) && isLimit(pass, n.Rhs[i]) && !limits {
						limits, limitAt = true, n.End()
					}
				}
			case *ast.CallExpr:
				if limits && passesOn(pass, n) {
					passes = true
				}
			}
			return true
		})
		if limits {
			// The functions it hands the limited request to read a bounded
			// body, whether it then calls the next handler (a middleware)
			// or dispatches itself (go-sdk's StreamableHTTPHandler bounds
			// the body, then calls serveStateful, which reaches servePOST).
			handOn(body, limitAt)
			if passes {
				out[fn] = true
			}
		}
	}
	return out, covered
}

// passesOn reports whether call hands the request to the next handler:
// h.ServeHTTP(w, r) on an http.Handler, or a call of an http.HandlerFunc
// value.
func passesOn(pass *analysis.Pass, call *ast.CallExpr) bool {
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "ServeHTTP" {
		return true
	}
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := pass.TypesInfo.Uses[id].(*types.Var)
	return ok && (isNamed(v.Type(), "HandlerFunc") || isHandlerSig(v.Type()))
}

// takesNext reports whether a function takes the next handler of a chain:
// a parameter of type http.Handler or http.HandlerFunc.
func takesNext(pass *analysis.Pass, ft *ast.FuncType) bool {
	for _, field := range ft.Params.List {
		t := pass.TypesInfo.TypeOf(field.Type)
		if isNamed(t, "Handler") || isNamed(t, "HandlerFunc") || isHandlerSig(t) {
			return true
		}
	}
	return false
}

func isHandlerSig(t types.Type) bool {
	sig, ok := types.Unalias(t).(*types.Signature)
	return ok && sig.Params().Len() == 2 && sig.Results().Len() == 0 &&
		isNamed(sig.Params().At(0).Type(), "ResponseWriter") && isRequestPtr(sig.Params().At(1).Type())
}

// ginMiddlewareLimits reports whether the package has a gin middleware that
// limits the body: a function taking a *gin.Context that replaces
// c.Request.Body by a limited reader and binds nothing itself. gin runs
// the rest of the chain after it, whether or not it calls c.Next.
func ginMiddlewareLimits(pass *analysis.Pass, ins *inspector.Inspector) bool {
	for n := range ins.PreorderSeq((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		var ft *ast.FuncType
		var body *ast.BlockStmt
		switch n := n.(type) {
		case *ast.FuncDecl:
			ft, body = n.Type, n.Body
		case *ast.FuncLit:
			ft, body = n.Type, n.Body
		}
		h, ok := handlerOf(pass, ft)
		if !ok || h.kind != "gin" || body == nil {
			continue
		}
		limits, binds := false, false
		ast.Inspect(body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.AssignStmt:
				for i, lhs := range n.Lhs {
					if i < len(n.Rhs) && isBody(pass, lhs, h) && isLimit(pass, n.Rhs[i]) {
						limits = true
					}
				}
			case *ast.CallExpr:
				if _, ok := ginBinders.Lookup(goapi.Callee(pass.TypesInfo, n)); ok {
					binds = true
				}
			}
			return true
		})
		if limits && !binds {
			return true
		}
	}
	return false
}

// isBody reports whether e is the body of the handler's request: r.Body,
// c.Request.Body (gin) or c.Request().Body (echo).
func isBody(pass *analysis.Pass, e ast.Expr, h handler) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	return ok && sel.Sel.Name == "Body" && isRequest(pass, sel.X, h)
}

// isRequest reports whether e is the handler's *http.Request.
func isRequest(pass *analysis.Pass, e ast.Expr, h handler) bool {
	e = ast.Unparen(e)
	switch h.kind {
	case "gin":
		sel, ok := e.(*ast.SelectorExpr)
		return ok && sel.Sel.Name == "Request" && refersTo(pass, sel.X, h.req)
	case "echo":
		call, ok := e.(*ast.CallExpr)
		if !ok || len(call.Args) != 0 {
			return false
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		return ok && sel.Sel.Name == "Request" && refersTo(pass, sel.X, h.req)
	}
	return refersTo(pass, e, h.req)
}

func refersTo(pass *analysis.Pass, e ast.Expr, obj types.Object) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && pass.TypesInfo.Uses[id] == obj
}

// isLimit reports whether e limits what can be read: an
// http.MaxBytesReader, or an expression built on io.LimitReader
// (io.NopCloser(io.LimitReader(r.Body, n))).
func isLimit(pass *analysis.Pass, e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			fn := typeutil.StaticCallee(pass.TypesInfo, call)
			if isHTTPFunc(fn, "MaxBytesReader") || (fn != nil && goapi.Of(fn) == ioLimit) {
				found = true
			}
		}
		return !found
	})
	return found
}

func isHTTPFunc(fn *types.Func, name string) bool {
	return fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "net/http" && fn.Name() == name && fn.Signature().Recv() == nil
}

func isRequestMethod(fn *types.Func) bool {
	recv := fn.Signature().Recv()
	return recv != nil && isRequestPtr(recv.Type())
}

func isRequestPtr(t types.Type) bool {
	p, ok := t.(*types.Pointer)
	return ok && isNamed(p.Elem(), "Request")
}

func isNamed(t types.Type, name string) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "net/http" && n.Obj().Name() == name
}
