package go201

import (
	"go/ast"
	"go/types"
	"path/filepath"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/apiaudit/apiaudit/pkg/goapi"
	"github.com/apiaudit/apiaudit/pkg/goapi/listen"
	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/rules/go101"
)

// Handlers in one package and the routes that serve them in another (a
// controller package and a router package, as one-api and gotify are
// laid out) are joined after the analysis of the module: a package's
// analysis only sees the packages it imports, and the router imports the
// handlers, not the reverse. The step runs in apiaudit scan; under go vet
// such findings keep the rule's severity.
func init() {
	Rule.Module = &lint.ModuleStep{Collect: handlersAnalyzer, Apply: regrade}
}

// packageHandlers is what one package says for the module step.
type packageHandlers struct {
	// served are the handler functions (goapi.Of names) that the
	// package's routes serve, with how every such route checks
	// credentials (authn, as GO101 decides it; open when one does not).
	served map[string]protection
	// funcs are the package's handler-shaped function declarations.
	funcs []handlerSpan
	// listen is the package's listen calls (listen.Analyzer).
	listen *listen.Package
	// limits are the kinds of handler ("http", "gin", "echo") whose
	// bodies a middleware the package installs bounds for every route of
	// that kind the package sets up (limitedHandlers' kinds).
	limits map[string]bool
	// routes are the kinds of handler the package's routes serve.
	routes map[string]bool
	// routerLimit: the package installs a net/http body limiter on a
	// router (Use, With), for every route of it and of what is mounted
	// on it.
	routerLimit bool
	// builders are the package's functions that make a router of their
	// own (chi.NewRouter, http.NewServeMux); a package with none
	// registers its routes on routers handed to it (func(r chi.Router)),
	// built and served elsewhere.
	builders []string
	// mounted are the functions (goapi.Of names) whose results the
	// package's routes mount on a router (r.Mount("/", admin.Routes())):
	// a router built there is served under this one's middleware.
	mounted []string
	// routerMws are the functions installed on the package's routers
	// (limits.routerMws); limiters are the package's own net/http body
	// limiters, by goapi.Of name.
	routerMws, limiters []string
	// limitsHanded and wrapsHanded: limits.limitsHanded and
	// limits.wrapsHanded.
	limitsHanded []string
	wrapsHanded  map[string][]string
	// files are the package's Go files, absolute.
	files []string
	// servedAt are, by handler function (goapi.Of name), where the
	// routers of the routes that serve it are served (absolute file, line,
	// column), as the guard saw them; a handler one of whose routes is
	// served where it could not see is left out.
	servedAt map[string][]lint.Location
	// decls are all the package's function declarations (kind unset):
	// a handler constructor's span holds the handler it returns.
	decls []handlerSpan
	// attaches are the functions of other packages (goapi.Of names) that
	// this package hands a router to (handlers.Register(r)) or attaches
	// to one of its routers (r.Route("/x", handlers.Projects),
	// r.Mount("/", admin.Routes())): the routes they register are served
	// through this package's routers.
	attaches []string
}

type handlerSpan struct {
	name       string // goapi.Of
	file       string // absolute
	start, end int    // lines
	kind       string // "http", "gin" or "echo"
	// callers are the functions of the package that call this one (a
	// helper such as updateBoolField(c, set) that handlers share).
	callers []string
	// checked is the line of the handler's own credential check (an if
	// that answers 401 or 403 and returns; rejectsAt), 0 when it has none:
	// where the routes leave the check to the handler, only the reads
	// after it are authenticated callers'.
	checked int
}

var handlersAnalyzer = &analysis.Analyzer{
	Name:       "apiauditgo201handlers",
	Doc:        "lists the package's handlers and the handlers its routes serve, with their authentication, for GO201's grading across packages",
	Requires:   []*analysis.Analyzer{go101.AllRoutesAnalyzer, listen.Analyzer, inspect.Analyzer, limiters},
	Run:        collectHandlers,
	ResultType: reflect.TypeFor[*packageHandlers](),
}

func collectHandlers(pass *analysis.Pass) (any, error) {
	res := &packageHandlers{served: map[string]protection{}, listen: pass.ResultOf[listen.Analyzer].(*listen.Package),
		routes: map[string]bool{}}
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	lim := limitedHandlers(pass, ins)
	res.limits, res.routerLimit, res.routerMws = lim.kinds, lim.onRouter, lim.routerMws
	res.limitsHanded, res.wrapsHanded = lim.limitsHanded, lim.wrapsHanded
	for _, f := range pass.Files {
		res.files = append(res.files, pass.Fset.File(f.Pos()).Name())
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				if fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
					start, end := pass.Fset.Position(fd.Pos()), pass.Fset.Position(fd.End())
					res.decls = append(res.decls, handlerSpan{name: goapi.Of(fn).String(), file: start.Filename, start: start.Line, end: end.Line})
				}
			}
		}
	}
	for fn := range pass.ResultOf[limiters].(*limiterSet).own {
		res.limiters = append(res.limiters, goapi.Of(fn).String())
	}
	slices.Sort(res.limiters)
	attach := func(fn *types.Func) {
		if fn != nil && fn.Pkg() != nil && fn.Pkg() != pass.Pkg {
			if name := goapi.Of(fn).String(); !slices.Contains(res.attaches, name) {
				res.attaches = append(res.attaches, name)
			}
		}
	}
	// One walk over the calls: routers made here (builders), functions
	// whose results a route mounts (mounted), and functions of other
	// packages handed a router or given to a router method (attaches).
	ins.WithStack([]ast.Node{(*ast.CallExpr)(nil)}, func(n ast.Node, push bool, stack []ast.Node) bool {
		if !push {
			return true
		}
		call := n.(*ast.CallExpr)
		fn := goapi.Callee(pass.TypesInfo, call) // chi.Router's methods are interface methods
		c, ok := goapi.Routers.Lookup(fn)
		if !ok {
			if slices.ContainsFunc(call.Args, func(a ast.Expr) bool { return routerValue(pass.TypesInfo.TypeOf(a)) }) {
				attach(fn) // handlers.Register(r)
			}
			return true
		}
		if c.Kind == goapi.RouteNew {
			name := "" // at the top of a file: a builder nobody can mount
			for i := len(stack) - 1; i >= 0; i-- {
				if fd, ok := stack[i].(*ast.FuncDecl); ok {
					if fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
						name = goapi.Of(fn).String()
					}
					break
				}
			}
			if !slices.Contains(res.builders, name) {
				res.builders = append(res.builders, name)
			}
		}
		for _, a := range call.Args {
			var arg *types.Func
			switch a := ast.Unparen(a).(type) {
			case *ast.CallExpr: // r.Mount("/", admin.Routes())
				arg = typeutil.StaticCallee(pass.TypesInfo, a)
				if arg != nil && c.Kind == goapi.RouteRegister {
					res.mounted = append(res.mounted, goapi.Of(arg).String())
				}
			case *ast.Ident: // r.Route("/x", projects)
				arg, _ = pass.TypesInfo.Uses[a].(*types.Func)
			case *ast.SelectorExpr: // r.Route("/x", handlers.Projects)
				arg, _ = pass.TypesInfo.Uses[a.Sel].(*types.Func)
			}
			attach(arg)
		}
		return true
	})
	slices.Sort(res.attaches)
	res.servedAt = map[string][]lint.Location{}
	unseen := map[string]bool{}
	for _, rt := range pass.ResultOf[go101.AllRoutesAnalyzer].([]go101.Route) {
		protected := routeProtection(pass.TypesInfo, rt)
		servedFuncs(pass.TypesInfo, rt.Guard, rt.Handler, func(f *types.Func) {
			if k := sigKind(f.Signature()); k != "" {
				res.routes[k] = true
			}
			name := goapi.Of(f).String()
			if len(rt.Served) == 0 {
				unseen[name] = true
			}
			for _, at := range rt.Served {
				x := pass.Fset.Position(at)
				res.servedAt[name] = append(res.servedAt[name], lint.Location{File: x.Filename, Line: x.Line, Column: x.Column})
			}
			if was, seen := res.served[name]; seen {
				res.served[name] = combine(was, protected)
			} else {
				res.served[name] = protected
			}
		})
	}
	for name := range unseen {
		delete(res.servedAt, name)
	}
	callers := map[string][]string{}
	for _, file := range pass.Files {
		for _, d := range file.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			caller, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if !ok {
				continue
			}
			name := goapi.Of(caller).String()
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				if call, ok := n.(*ast.CallExpr); ok {
					if fn := goapi.Callee(pass.TypesInfo, call); fn != nil && fn.Pkg() == pass.Pkg {
						callee := goapi.Of(fn).String()
						if !slices.Contains(callers[callee], name) {
							callers[callee] = append(callers[callee], name)
						}
					}
				}
				return true
			})
		}
	}
	for _, file := range pass.Files {
		for _, d := range file.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if !ok {
				continue
			}
			h, ok := handlerOf(pass, fd.Type)
			if !ok {
				continue
			}
			start, end := pass.Fset.Position(fd.Pos()), pass.Fset.Position(fd.End())
			name := goapi.Of(fn).String()
			checked := 0
			if at := rejectsAt(pass.TypesInfo, fd.Body); at.IsValid() {
				checked = pass.Fset.Position(at).Line
			}
			res.funcs = append(res.funcs, handlerSpan{name, start.Filename, start.Line, end.Line, h.kind, callers[name], checked})
		}
	}
	return res, nil
}

// regrade lowers to a note the findings, at the rule's default severity,
// in handlers that routes of other packages serve when every one of those
// routes checks credentials, as the analysis does for routes of the
// handler's own package.
func regrade(findings []lint.Finding, collected []any, root string) []lint.Finding {
	served := map[string]protection{}
	var funcs []handlerSpan
	var listens []any
	for _, c := range collected {
		ph, ok := c.(*packageHandlers)
		if !ok {
			continue
		}
		listens = append(listens, ph.listen)
		for name, protected := range ph.served {
			if was, seen := served[name]; seen {
				served[name] = combine(was, protected)
			} else {
				served[name] = protected
			}
		}
		funcs = append(funcs, ph.funcs...)
	}
	// A body-limit middleware that the routers serving a handler install
	// bounds it, wherever the handler is written: such a read is no
	// finding, as in the limiter's own package.
	limited, limitedPkg, servedLimited := moduleLimits(collected)
	findings = slices.DeleteFunc(findings, func(f lint.Finding) bool {
		inHandler := false
		for _, h := range funcs {
			if f.Location.Line >= h.start && f.Location.Line <= h.end && sameFile(root, h.file, f.Location.File) {
				if limited(h) {
					return true
				}
				inHandler = true
			}
		}
		if inHandler {
			return false
		}
		for _, c := range collected {
			ph, ok := c.(*packageHandlers)
			if !ok {
				continue
			}
			for _, d := range ph.decls {
				if f.Location.Line >= d.start && f.Location.Line <= d.end && sameFile(root, d.file, f.Location.File) {
					if covered, ok := servedLimited(d.name); ok {
						return covered
					}
				}
			}
		}
		for _, c := range collected {
			if ph, ok := c.(*packageHandlers); ok && slices.ContainsFunc(ph.files, func(file string) bool { return sameFile(root, file, f.Location.File) }) {
				return limitedPkg(ph)
			}
		}
		return false
	})
	byName := map[string]handlerSpan{}
	for _, h := range funcs {
		byName[h.name] = h
	}
	// protected: how every route that serves the function checks
	// credentials, or, for a helper, how those of all its callers do.
	var protected func(name string, depth int) protection
	protected = func(name string, depth int) protection {
		if p, ok := served[name]; ok {
			return p
		}
		h, ok := byName[name]
		if !ok || len(h.callers) == 0 || depth > 4 {
			return open
		}
		p := byChain
		for _, c := range h.callers {
			p = combine(p, protected(c, depth+1))
		}
		return p
	}
	for i := range findings {
		f := &findings[i]
		if f.Severity != lint.SeverityDefault {
			continue // graded already: by its own package's routes, or by place
		}
		for _, h := range funcs {
			if f.Location.Line < h.start || f.Location.Line > h.end || !sameFile(root, h.file, f.Location.File) {
				continue
			}
			switch protected(h.name, 0) {
			case byChain:
			case byHandler:
				// the routes leave the check to the handler: the reads
				// before it are anyone's
				if h.checked == 0 || f.Location.Line <= h.checked {
					continue
				}
			default:
				continue
			}
			f.Severity = lint.SeverityNote
			f.Message += goapi.NewGrade(goapi.Warning).Lower(authedReason).Suffix()
			break
		}
	}
	// A body read by a server that only this machine, or only the user's
	// own processes, can connect to is not a resource attack anyone else
	// can mount.
	// A handler is judged by the servers of the routes that serve it,
	// when all were seen: a package may serve one mux on a Unix socket
	// and another on every interface.
	servedAt := func(f lint.Finding) []lint.Location {
		for _, c := range collected {
			ph, ok := c.(*packageHandlers)
			if !ok {
				continue
			}
			for _, h := range ph.funcs {
				if f.Location.Line >= h.start && f.Location.Line <= h.end && sameFile(root, h.file, f.Location.File) {
					return ph.servedAt[h.name]
				}
			}
		}
		return nil
	}
	return listen.RegradeServed(findings, listens, root, goapi.Warning, servedAt, func(f lint.Finding, v listen.Verdict, g *goapi.Grade) bool {
		g.LowerTo(goapi.Note, v.Reason())
		return true
	})
}

func sameFile(root, abs, rel string) bool {
	r, err := filepath.Rel(root, abs)
	return err == nil && filepath.ToSlash(r) == rel && !strings.HasPrefix(r, "..")
}

// moduleLimits says whether a handler's body is bounded by a body-limit
// middleware that another package of the module installs.
//
// For echo and gin, by kind across the module: some package installs a
// limiter for that kind (echo's middleware.BodyLimit, a gin middleware that
// wraps c.Request.Body with http.MaxBytesReader), and every package whose
// routes serve handlers of that kind installs one. A module with one
// server that sets the limit in its router package and handlers in others
// (echo's e.Use(middleware.BodyLimit("10M")) in internal/server, the
// handlers in internal/admin) is covered; one with a second router of the
// same kind and no limit there is not.
//
// For net/http, by package: a limiter wrapped around a handler (the MCP
// endpoint's) says nothing of handlers of other packages mounted beside
// it, but one installed on a router (router.Use(middleware.RequestSize(n)),
// r.With(limit), chi's or a limiter some package of the module defines)
// bounds the routes of that router and of the routers mounted on it. A
// package that registers its routes only on routers handed to it
// (func(r chi.Router) { r.Post(...) }), or on routers it builds for
// another package to mount (r.Mount("/", admin.Routes())), is under such a
// limit; one that builds a router served on its own (a second server, a
// mock in scripts/) is not, unless it installs a limit itself. A handler
// is covered when every package whose routes serve it is; one no route
// serves by name (a helper, a handler a constructor returns) when every
// package with net/http routes is. A package that registers on routers
// handed to it is covered when every package that hands it one (a call
// with one of their routers, or one of its functions given to a router
// method) is covered; when the module shows none, when any router of the
// module has a limit.
func moduleLimits(collected []any) (byHandler func(h handlerSpan) bool, byPackage func(ph *packageHandlers) bool, served func(name string) (covered, ok bool)) {
	var phs []*packageHandlers
	for _, c := range collected {
		if ph, ok := c.(*packageHandlers); ok {
			phs = append(phs, ph)
		}
	}
	installs, routes := map[string]bool{}, map[string]bool{}
	limiterNames, mounted := map[string]bool{}, map[string]bool{}
	for _, ph := range phs {
		for k := range ph.limits {
			installs[k] = true
		}
		for _, n := range ph.limiters {
			limiterNames[n] = true
		}
		for _, m := range ph.mounted {
			mounted[m] = true
		}
		for k := range ph.routes {
			routes[k] = true
		}
	}
	frameworks := map[string]bool{}
	for k := range installs {
		if k != "http" && routes[k] {
			frameworks[k] = true
		}
	}
	for _, ph := range phs {
		for k := range ph.routes {
			if k != "http" && !ph.limits[k] {
				delete(frameworks, k)
			}
		}
	}
	// Functions that put a limit around the router they are handed
	// (setup.StartServer(r) wraps it before it serves it).
	limitsHanded := map[string]bool{}
	for _, ph := range phs {
		for _, n := range ph.limitsHanded {
			limitsHanded[n] = true
		}
		for n, callees := range ph.wrapsHanded {
			if slices.ContainsFunc(callees, func(c string) bool { return limiterNames[c] }) {
				limitsHanded[n] = true
			}
		}
	}
	onRouter := func(ph *packageHandlers) bool {
		return ph.routerLimit || slices.ContainsFunc(ph.routerMws, func(n string) bool { return limiterNames[n] }) ||
			slices.ContainsFunc(ph.attaches, func(n string) bool { return limitsHanded[n] })
	}
	anyOnRouter := slices.ContainsFunc(phs, onRouter)
	ownsRouter := func(ph *packageHandlers) bool {
		return slices.ContainsFunc(ph.builders, func(b string) bool { return b == "" || !mounted[b] })
	}
	// attachedBy: the packages that hand a function its router, or attach
	// it to theirs.
	attachedBy := map[string][]*packageHandlers{}
	for _, ph := range phs {
		for _, name := range ph.attaches {
			attachedBy[name] = append(attachedBy[name], ph)
		}
	}
	var covered func(ph *packageHandlers) bool
	// allCovered: every package of by is covered.
	allCovered := func(by []*packageHandlers) bool {
		return !slices.ContainsFunc(by, func(ph *packageHandlers) bool { return !covered(ph) })
	}
	visiting := map[*packageHandlers]bool{}
	covered = func(ph *packageHandlers) bool {
		switch {
		case onRouter(ph):
			return true
		case !anyOnRouter || ownsRouter(ph) || visiting[ph]:
			return false
		}
		visiting[ph] = true
		defer delete(visiting, ph)
		// A package that registers on routers handed to it is under the
		// limits of the packages that hand them: all of them, when the
		// module says which; any router's of the module when it does not.
		var from []*packageHandlers
		for _, d := range ph.decls {
			from = append(from, attachedBy[d.name]...)
		}
		return allCovered(slices.DeleteFunc(from, func(q *packageHandlers) bool { return q == ph }))
	}
	servedBy := map[string][]*packageHandlers{}
	for _, ph := range phs {
		for name := range ph.served {
			servedBy[name] = append(servedBy[name], ph)
		}
	}
	every := anyOnRouter && allCovered(slices.DeleteFunc(slices.Clone(phs), func(ph *packageHandlers) bool { return !ph.routes["http"] }))
	byHandler = func(h handlerSpan) bool {
		if h.kind != "http" {
			return frameworks[h.kind]
		}
		if !anyOnRouter {
			return false
		}
		if by := servedBy[h.name]; len(by) > 0 {
			return allCovered(by)
		}
		return every
	}
	// A read outside every handler declaration (in the handler a
	// constructor returns: r.Post("/", createHandler(db))) is in a
	// package whose own net/http routes serve it.
	byPackage = func(ph *packageHandlers) bool {
		return anyOnRouter && ph.routes["http"] && covered(ph)
	}
	// A handler constructor served by name (r.Post("/", gateway.NewHandler(db))):
	// what it returns is under the limits of the packages that serve it.
	served = func(name string) (bool, bool) {
		by := servedBy[name]
		if len(by) == 0 {
			return false, false
		}
		return anyOnRouter && allCovered(by), true
	}
	return byHandler, byPackage, served
}

// routerValue reports whether a value is a router that routes are
// registered on.
func routerValue(t types.Type) bool {
	for _, r := range [][2]string{
		{"net/http", "ServeMux"}, {"github.com/go-chi/chi", "Mux"}, {"github.com/go-chi/chi", "Router"},
		{"github.com/gin-gonic/gin", "Engine"}, {"github.com/gin-gonic/gin", "RouterGroup"}, {"github.com/gin-gonic/gin", "IRouter"},
		{"github.com/labstack/echo", "Echo"}, {"github.com/labstack/echo", "Group"}, {"github.com/gorilla/mux", "Router"},
	} {
		if goapi.IsType(t, r[0], r[1]) {
			return true
		}
	}
	return false
}

// sigKind is the kind of handler a function's signature makes it: "http"
// (an http.ResponseWriter and an *http.Request), "gin" or "echo" (their
// request context), or "".
func sigKind(sig *types.Signature) string {
	writer, req, ctx := false, false, ""
	for v := range sig.Params().Variables() {
		t := v.Type()
		switch {
		case isNamed(t, "ResponseWriter"):
			writer = true
		case isRequestPtr(t):
			req = true
		case goapi.IsType(t, ginPkg, "Context"):
			ctx = "gin"
		case goapi.IsType(t, echoPkg, "Context"):
			ctx = "echo"
		}
	}
	if writer && req {
		return "http"
	}
	return ctx
}
