// Package go207 defines rule GO207: an HTTP route that calls a language
// model or runs an agent, in a program with no rate limiter.
package go207

import (
	"fmt"
	"go/ast"
	"go/types"
	"regexp"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/apiaudit/apiaudit/pkg/goapi"
	"github.com/apiaudit/apiaudit/pkg/goapi/agenttool"
	"github.com/apiaudit/apiaudit/pkg/goapi/authn"
	"github.com/apiaudit/apiaudit/pkg/goapi/reach"
	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/rules/go101"
)

var Rule = &lint.Rule{
	ID:   "GO207",
	Name: "model-route-without-rate-limit",
	Doc: lint.Doc{
		Title: "Route that calls a model has no rate limiter",
		Summary: "An HTTP route (net/http, chi, gin, echo, gorilla/mux, fiber) whose handler calls a language model " +
			"or runs an agent, or an MCP server over HTTP with a tool that does, is registered in a package where no rate limiter is in sight: no x/time/rate, " +
			"httprate, tollbooth, ulule/limiter, sethvargo/go-limiter, echo's RateLimiter or fiber's limiter, and " +
			"no limiter type or function of the program's own.",
		Why: `Every call to a route that reaches a model spends tokens, and with an agent
behind it, several model calls and tool runs. Without a limit on how often
one client may call it, a single script (or a stolen key, or an agent stuck
in a loop on the other side) runs up the bill, exhausts the provider's quota
for every other user, and keeps the service busy. Authentication says who
is calling; it does not say how often they may. OWASP lists this as
unbounded consumption (LLM10) and unrestricted resource consumption (API4).

The rule reports a route whose handler, through the calls it makes, reaches
a model call or an agent run, and an MCP server served over HTTP (go-sdk,
mcp-go) whose package registers a tool that does, when the package that registers it, and the
packages of the same module it imports directly, use no rate limiter: the
libraries above, or a function or type whose name says it limits rate
(RateLimit, Limiter, Throttle, TokenBucket). It does not check that the
limiter is on this route's chain or what its rate is, and it cannot see a
limit enforced by a gateway in front of the service; ignore the finding
with that reason.`,
		Fix: "put a rate limiter on the route or its router, keyed by caller (httprate.LimitByIP or LimitByRealIP, a per-key x/time/rate limiter, echo middleware.RateLimiter, fiber limiter.New), and cap tokens per request",
		Bad: `r := chi.NewRouter()
r.Use(requireKey)
r.Post("/v1/chat", chat) // calls the model on every request`,
		Good: `r := chi.NewRouter()
r.Use(requireKey)
r.Use(httprate.LimitByRealIP(20, time.Minute))
r.Post("/v1/chat", chat)`,
		Lang:      "go",
		Severity:  lint.SeverityNote,
		NoteOnly:  "none of its 23 findings judged on real projects was worth acting on; rules.severity sets another level",
		Grades:    "A note, always: of the 23 routes judged on real projects (LLM gateways, a chat plugin's routes, agent apps; docs/precision.md), every one was true and none was one a maintainer would act on: an authenticated caller spending tokens is the product working, an open route is GO101's, GO102's or GO105's error (authentication is the fix that comes first), and a limit often sits in a gateway or the provider's quota, out of the code's sight. Raise it with `rules.severity: {GO207: warning}` where every model call is paid for by the operator and callers are not trusted.",
		Precision: "low",
		CWE:       []int{770, 799},
		OWASP:     []string{"API4:2023", "LLM10:2025"},
		Since:     "v0.1.0",
	},
}

// Analyzer is the rule's check; its name is the rule's ID.
var Analyzer = &analysis.Analyzer{
	Name:     "GO207",
	Doc:      "reports model-calling routes in packages without a rate limiter",
	URL:      Rule.HelpURI(),
	Requires: []*analysis.Analyzer{inspect.Analyzer, reach.Analyzer, authn.Analyzer, go101.RoutesAnalyzer, agenttool.Analyzer},
	Run:      run,
}

func init() { Rule.Analyzer = Analyzer }

// limiterPkgs are rate-limiting libraries (canonical paths, prefixes).
var limiterPkgs = []string{
	"golang.org/x/time/rate",
	"github.com/go-chi/httprate",
	"github.com/didip/tollbooth",
	"github.com/ulule/limiter",
	"github.com/sethvargo/go-limiter",
	"github.com/gofiber/fiber/middleware/limiter",
	"github.com/juju/ratelimit",
	"go.uber.org/ratelimit",
	"github.com/throttled/throttled",
	"github.com/JGLTechnologies/gin-rate-limit",
	"github.com/gin-contrib/limiter",
	"github.com/aviddiviner/gin-limit",
	"github.com/go-redis/redis_rate",
}

// limiterFuncs are limiter middleware of libraries that also do other
// things (echo's middleware package).
var limiterFuncs = goapi.Set(true,
	"github.com/labstack/echo/middleware.RateLimiter",
	"github.com/labstack/echo/middleware.RateLimiterWithConfig",
	"github.com/labstack/echo/middleware.NewRateLimiterMemoryStore",
	"github.com/labstack/echo/middleware.NewRateLimiterMemoryStoreWithConfig",
)

func run(pass *analysis.Pass) (any, error) {
	var limited *bool
	for _, rt := range pass.ResultOf[go101.RoutesAnalyzer].([]go101.Route) {
		model := rt.Caps & (goapi.ModelCall | goapi.AgentRun)
		if model == 0 {
			continue
		}
		if limited == nil {
			l := hasLimiter(pass)
			limited = &l
		}
		if *limited {
			return nil, nil
		}
		// Every finding is a note (see Grades): the route's authentication
		// and where the code lives no longer move it.
		grade := goapi.NewGrade(goapi.Note)
		grade.Report(pass, analysis.Diagnostic{Pos: rt.Call.Pos(), End: rt.Call.End(),
			Message: fmt.Sprintf("%s %s reaches a %s, and no rate limiter is in sight: every request spends tokens without bound",
				rt.Method, rt.Path, model.Each()[0])})
	}
	// MCP servers over HTTP whose tools call a model
	caps := pass.ResultOf[reach.Analyzer].(*reach.Result)
	var via string
	var model goapi.Capability
	for _, t := range pass.ResultOf[agenttool.Analyzer].(*agenttool.Result).Tools {
		if t.Handler == nil {
			continue
		}
		if f := caps.Node(t.Handler); f != nil && f.Caps&(goapi.ModelCall|goapi.AgentRun) != 0 {
			model = (f.Caps & (goapi.ModelCall | goapi.AgentRun)).Each()[0]
			via = t.Label() + " → " + pkgPrefix.ReplaceAllString(f.Why(model), "")
			break
		}
	}
	if model == 0 {
		return nil, nil
	}
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	for n := range ins.PreorderSeq((*ast.CallExpr)(nil)) {
		call := n.(*ast.CallExpr)
		transport, fn, ok := goapi.MCPHTTPHandlers.Call(pass.TypesInfo, call)
		if !ok {
			continue
		}
		if limited == nil {
			l := hasLimiter(pass)
			limited = &l
		}
		if *limited {
			return nil, nil
		}
		grade := goapi.NewGrade(goapi.Note)
		grade.Report(pass, analysis.Diagnostic{Pos: call.Pos(), End: call.End(),
			Message: fmt.Sprintf("MCP server over %s (%s.%s) has tools that reach a %s (%s), and no rate limiter is in sight: every tool call spends tokens without bound",
				transport, fn.Pkg().Name(), fn.Name(), model, via)})
	}
	return nil, nil
}

// hasLimiter reports whether the package, or a package of its module that
// it imports directly, uses a rate limiter.
func hasLimiter(pass *analysis.Pass) bool {
	mod := modulePrefix(pass.Pkg.Path())
	check := []*types.Package{pass.Pkg}
	for _, imp := range pass.Pkg.Imports() {
		if limiterPkg(imp.Path()) {
			return true
		}
		if mod != "" && strings.HasPrefix(imp.Path(), mod) {
			check = append(check, imp)
		}
	}
	for _, p := range check[1:] {
		for _, imp := range p.Imports() {
			if limiterPkg(imp.Path()) {
				return true
			}
		}
		if limiterNames(p.Scope()) {
			return true
		}
	}
	if limiterNames(pass.Pkg.Scope()) {
		return true
	}
	for _, obj := range pass.TypesInfo.Uses {
		if fn, ok := obj.(*types.Func); ok && limiterFuncs[goapi.Of(fn)] {
			return true
		}
	}
	return false
}

// pkgPrefix matches the import paths in a call chain, for messages.
var pkgPrefix = regexp.MustCompile(`(?:[\w.-]+/)+`)

func limiterPkg(path string) bool {
	path = goapi.CanonPath(path)
	for _, p := range limiterPkgs {
		if path == p || strings.HasPrefix(path, p+"/") {
			return true
		}
	}
	return false
}

// limiterNames: a package-level function, type or method whose name says
// it limits rate.
func limiterNames(scope *types.Scope) bool {
	for _, name := range scope.Names() {
		if limiterName(name) {
			return true
		}
		if tn, ok := scope.Lookup(name).(*types.TypeName); ok {
			if n, ok := tn.Type().(*types.Named); ok {
				for m := range n.Methods() {
					if limiterName(m.Name()) {
						return true
					}
				}
			}
		}
	}
	return false
}

func limiterName(name string) bool {
	n := strings.ToLower(name)
	for _, w := range []string{"ratelimit", "limiter", "throttl", "tokenbucket", "leakybucket"} {
		if strings.Contains(n, w) {
			return true
		}
	}
	return false
}

// modulePrefix guesses the module of a package path: its first three
// elements for a hosted path (github.com/owner/repo), else its first.
func modulePrefix(path string) string {
	parts := strings.Split(path, "/")
	if len(parts) >= 3 && strings.Contains(parts[0], ".") {
		return strings.Join(parts[:3], "/")
	}
	return parts[0]
}
