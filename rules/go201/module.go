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
	// ownsRouter: the package makes a router of its own (chi.NewRouter,
	// http.NewServeMux); one that does not registers its routes on
	// routers handed to it (func(r chi.Router)), built and served
	// elsewhere.
	ownsRouter bool
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
	res.limits, res.routerLimit = lim.kinds, lim.onRouter
	for n := range ins.PreorderSeq((*ast.CallExpr)(nil)) {
		if c, ok := goapi.Routers.Lookup(typeutil.StaticCallee(pass.TypesInfo, n.(*ast.CallExpr))); ok && c.Kind == goapi.RouteNew {
			res.ownsRouter = true
			break
		}
	}
	for _, rt := range pass.ResultOf[go101.AllRoutesAnalyzer].([]go101.Route) {
		protected := routeProtection(pass.TypesInfo, rt)
		servedFuncs(pass.TypesInfo, rt.Guard, rt.Handler, func(f *types.Func) {
			if k := sigKind(f.Signature()); k != "" {
				res.routes[k] = true
			}
			name := goapi.Of(f).String()
			if was, seen := res.served[name]; seen {
				res.served[name] = combine(was, protected)
			} else {
				res.served[name] = protected
			}
		})
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
	limited := moduleLimits(collected)
	if len(limited) > 0 {
		// A body-limit middleware that every router of the module installs
		// bounds every handler of its kind, wherever the handler is written:
		// such a read is no finding, as in the limiter's own package.
		findings = slices.DeleteFunc(findings, func(f lint.Finding) bool {
			for _, h := range funcs {
				if limited[h.kind] && f.Location.Line >= h.start && f.Location.Line <= h.end && sameFile(root, h.file, f.Location.File) {
					return true
				}
			}
			return false
		})
	}
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
	return listen.Regrade(findings, listens, root, goapi.Warning, func(f lint.Finding, v listen.Verdict, g *goapi.Grade) bool {
		g.LowerTo(goapi.Note, v.Reason())
		return true
	})
}

func sameFile(root, abs, rel string) bool {
	r, err := filepath.Rel(root, abs)
	return err == nil && filepath.ToSlash(r) == rel && !strings.HasPrefix(r, "..")
}

// moduleLimits are the kinds of handler whose bodies are bounded in the
// whole module: some package installs a body-limit middleware for that
// kind (echo's middleware.BodyLimit, a gin middleware that wraps
// c.Request.Body with http.MaxBytesReader), and every package whose
// routes serve handlers of that kind installs one. net/http handlers
// (chi's included) are left out: a limiter of their kind is as often a
// wrapper around one route as the router's middleware, and covers
// handlers of other packages only where the routes say so. A module with one server that sets
// the limit in its router package and handlers in others (echo's
// e.Use(middleware.BodyLimit("10M")) in internal/server, the handlers in
// internal/admin) is covered; one with a second router of the same kind
// and no limit there is not.
func moduleLimits(collected []any) map[string]bool {
	installs, routes := map[string]bool{}, map[string]bool{}
	for _, c := range collected {
		ph, ok := c.(*packageHandlers)
		if !ok {
			continue
		}
		for k := range ph.limits {
			installs[k] = true
		}
	}
	onRouter := false
	for _, c := range collected {
		if ph, ok := c.(*packageHandlers); ok && ph.routerLimit {
			onRouter = true
		}
	}
	out := map[string]bool{}
	for k := range installs {
		// A net/http limiter is often a wrapper around one handler (the
		// MCP endpoint's), not the router: it says nothing of handlers of
		// other packages mounted beside it, unless it is installed on a
		// router (Use, With). The frameworks' limits are installed on the
		// router, for all its routes.
		if k != "http" || onRouter {
			out[k] = true
		}
	}
	for _, c := range collected {
		ph, ok := c.(*packageHandlers)
		if !ok {
			continue
		}
		for k := range ph.routes {
			routes[k] = true
			// A package that registers net/http routes only on routers
			// handed to it (func(r chi.Router) { r.Post(...) }) extends
			// a router built elsewhere, under that router's limit; one
			// that makes a router of its own must install the limit.
			if !ph.limits[k] && (k != "http" || ph.ownsRouter) {
				delete(out, k)
			}
		}
	}
	for k := range out {
		if !routes[k] {
			delete(out, k) // a limiter with no route of its kind in the module covers nothing seen
		}
	}
	return out
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
