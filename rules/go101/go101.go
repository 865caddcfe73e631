// Package go101 defines rule GO101: an HTTP route that does something that
// matters and checks no credentials on the way.
package go101

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"iter"
	"path"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/apiaudit/apiaudit/pkg/goapi"
	"github.com/apiaudit/apiaudit/pkg/goapi/authn"
	"github.com/apiaudit/apiaudit/pkg/goapi/reach"
	"github.com/apiaudit/apiaudit/pkg/goapi/routes"
	"github.com/apiaudit/apiaudit/pkg/ident"
	"github.com/apiaudit/apiaudit/pkg/lint"
)

var Rule = &lint.Rule{
	ID:   "GO101",
	Name: "unauthenticated-route",
	Doc: lint.Doc{
		Title: "Route that reaches a sensitive capability has no authentication",
		Summary: "An HTTP route (net/http, chi, gin, echo, gorilla/mux, fiber) whose handler reaches command " +
			"execution, a file or database write, a mutating outbound request or Kubernetes API request, a model call or an agent run, " +
			"or that takes POST, PUT, PATCH or DELETE, or sits under an admin, internal or debug path, has no " +
			"auth middleware on the route, its group, its router or the server, and no credential check in " +
			"the handler.",
		Why: `A route without authentication can be called by anyone who can reach the
port. For an ordinary read that is often fine. It is not fine when the route
runs a command, writes a file or a table, changes objects in a Kubernetes
cluster with the service's credentials, or, as more and more services do,
calls a language model or runs an agent: each call costs money, the prompt
and the tools the agent holds are now driven by an anonymous client, and an
agent with tools turns "anyone can call this" into "anyone can make it act
with the service's credentials". Agent-facing routes are also the ones that
get scanned for first, because an open model endpoint is worth reselling.

The rule looks at every route registration. It reports a route when the
handler (through the calls it makes, across packages) reaches one of those
capabilities, when the route only takes a mutating method, or when its path
has an admin, internal, debug, private or management segment, and nothing on
the way checks who is calling. What counts as a check:

- known auth middleware: gin.BasicAuth*, echo middleware.BasicAuth/KeyAuth,
  echojwt.JWT, chi middleware.BasicAuth, jwtauth.Verifier/Authenticator,
  fiber basicauth/keyauth, the MCP go-sdk auth.RequireBearerToken, and the
  names listed in the auth-middleware option;
- your own middleware or helper (in any package of the module) that reads a
  credential (r.BasicAuth, an Authorization or API-key header, a session
  cookie, a gorilla/sessions session or a gin-contrib session value under
  a credential's name, a jwt Parse, an OIDC Verify, or
  hands the request to another package's Authenticate) and answers 401 or
  403 or aborts the chain, or answers a request whose credential is missing
  itself with any status (a JSON error code with 200) and passes only the
  others on, or that calls one that does. A header, query parameter or cookie
  of any name counts as a credential when the code compares it with a
  secret the server holds (subtle.ConstantTimeCompare, hmac.Equal, == or !=
  against a value that is not a constant): a middleware that checks
  X-Internal-Key against its key and answers 403 authenticates. Comparing
  Origin, Referer, CSRF or content headers does not, and neither does
  checking that a header is present. A webhook receiver's signature
  check counts too, whatever status it answers: a call that takes the
  request beside a secret the server holds (sdk.ParseRequest(b.secret,
  r), an API, signing or shared key, a token), or a function of the
  package that compares what it is handed with a value it makes from
  such a secret, whose failure returns before the work is done;
- another package's middleware whose name says it guards access (Auth,
  JWT, OAuth, Token, Session, Guard, Protect, APIKey, Bearer, read word by
  word: SessionIDMiddleware, TokenUsage and NoAuthMiddleware do not count);
- on the route (middleware arguments, chi With, a wrapper around the
  handler), on its group or sub-router, on the router (Use), through a
  middleware chain of the program's own installed on the group (a struct
  whose Use appends to a slice field and whose Apply loops group.Use over
  it), on a router it
  is mounted on, or around the whole mux where it is served
  (http.ListenAndServe(addr, auth(mux)), http.Server{Handler: auth(mux)});
- in the handler itself.

What the check cannot see: authorization decided elsewhere (a gateway, a
service mesh, mTLS, a network policy), routers assembled in another package
than the one that serves them (reported only when the serving is visible),
and checks that read credentials in ways it does not know. When it cannot
follow a router (a parameter with no caller in the package, a value passed
to unknown code) it stays silent. Paths in the public-paths option (health
checks, login, webhooks with their own signatures) are never reported.`,
		Fix: "put an auth middleware on the route, its group or router, or check credentials and answer 401 in the handler",
		Bad: `func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/agent/run", runAgent) // runAgent calls the model
	log.Fatal(http.ListenAndServe(":8080", mux))
}`,
		Good: `func main() {
	mux := http.NewServeMux()
	mux.Handle("POST /v1/agent/run", requireToken(http.HandlerFunc(runAgent)))
	log.Fatal(http.ListenAndServe(":8080", mux))
}

func requireToken(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !valid(r.Header.Get("Authorization")) {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}`,
		Lang:      "go",
		Severity:  lint.SeverityError,
		Grades:    "A note in example code or test scaffolding (examples/, _examples, demo, conformance, test/, testkit, a package named like oauthtest), and when the function that registers the route serves it only on a loopback port the system picks (127.0.0.1:0: a one-shot local UI); a fixed loopback port stays an error (any web page can post to it). A note for a debugging endpoint mounted only when an opt-in flag or environment variable is set, in the function that registers it or around every call of that function in its package (if conf.EnableDebug { initDebugRoute(mux) }), as GO502 for an opt-in TLS skip. The debugging handlers one function registers (the eleven of net/http/pprof, say) are one element: the first is reported at its grade, the others are notes that point to it. A note when every listen call of the route's package, or of the servers that serve its router (an http.Server literal or a serve call kept in fields: a package may serve a control API on a socket and a dashboard on every interface), is a Unix socket (or a Windows named pipe) by default, followed across the module (a command's --host flag whose default is unix://… passed to the server's constructor): only the user's own processes can connect, and they can already do what the route does; a socket made writable by every user (os.Chmod with o+w) is not local, and a loopback TCP port stays an error. A warning when the route reaches none of the sensitive capabilities and only its method (POST, PUT, PATCH, DELETE) or an admin path segment says it matters: of the judged errors, none of these was a true positive. A warning for a PUT, PATCH or DELETE served only on a fixed loopback port by a package that sets no CORS headers (a web page cannot send it without a preflight). A note for a route registered only inside an if whose condition requires a setting named for authentication (if cfg.Auth.Enabled { mux.HandleFunc(\"/api/users\", ...) }): it exists only while authentication is on; a negated setting, an else branch and a setting that turns authentication off (NoAuth, SkipAuth) keep the grade. A note for a capability URL: a path parameter named as a secret (hook_id, webhook_id, token, secret, api_key) that the handler, or a function of the package it hands the id to, rejects when unknown (401, 403, 404 or 410 and return); whoever holds the URL may call it, by design, and an ordinary :id keeps its grade. A note for a step of signing in named by the path's last segment below any prefix (/api/auth/login, /auth/github/callback, sign-up, password reset; token, revoke, introspect and register only at the root or under auth, oauth, oauth2, oidc, sso or connect): callers reach it before they hold a credential; the authorization endpoint (/authorize) and resources such as /api/tokens keep their grade. A note for a POST or DELETE of a session resource below an account or an auth area (/api/v1/system/admin/session, /auth/sessions: signing in and out), not a chat's or an agent's (/chat/sessions). A note for a first-run setup (a last segment setup, install, bootstrap or initialize) whose handler refuses with 401, 403, 404 or 410 and returns (once an account exists); one that never refuses keeps its grade. A note for a GET whose handler serves a file (http.ServeContent, ServeFile, ServeFileFS: a page of the web UI under /admin) and reaches none of the capabilities. Across the module (apiaudit scan): a note when no program of the module builds the server, that is when the function that holds the finding is called by no main package outside tests (followed through calls, method values and the types reached code names) and code outside the module cannot call it (its package is under internal/ or main, or no exported function of an importable package leads to it); the message names the function.",
		Precision: "medium",
		CWE:       []int{306, 862},
		OWASP:     []string{"API2:2023", "API5:2023", "LLM06:2025"},
		Since:     "v0.1.0",
	},
	Options: &options,
}

// Options are the settings of GO101.
type Options struct {
	// AuthMiddleware are more functions that authenticate a request, in
	// table notation (github.com/acme/platform/httpx.RequireUser,
	// (*github.com/acme/platform/auth.Client).Middleware). A route that
	// passes through one, or through a function that calls one, counts as
	// authenticated.
	AuthMiddleware []string `yaml:"auth-middleware"`
	// PublicPaths are path globs (path.Match syntax; a trailing /* also
	// matches everything below) of routes that are public by design and
	// never reported.
	PublicPaths []string `yaml:"public-paths"`
	// AdminSegments are path segments that mark an admin or internal route.
	AdminSegments []string `yaml:"admin-segments"`
}

var options = Options{
	PublicPaths: []string{
		"/health", "/healthz", "/health/*", "/livez", "/readyz", "/ready", "/ping", "/status",
		"/login", "/logout", "/signin", "/signup", "/register", "/oauth/*", "/auth/*", "/callback",
		"/.well-known/*", "/webhooks/*", "/webhook/*",
	},
	AdminSegments: []string{"admin", "internal", "debug", "private", "management", "manage", "ops"},
}

// Analyzer is the rule's check; its name is the rule's ID.
var Analyzer = &analysis.Analyzer{
	Name:     "GO101",
	Doc:      "reports HTTP routes that reach sensitive capabilities or mutate state without authentication",
	URL:      Rule.HelpURI(),
	Requires: []*analysis.Analyzer{RoutesAnalyzer},
	Run:      run,
}

func init() {
	Rule.Analyzer = Analyzer
	authn.ExtraNames = func() []string { return options.AuthMiddleware }
}

// RoutesAnalyzer finds the package's routes once for the rules that judge
// them (GO101, GO105, GO207); its result is a []Route.
var RoutesAnalyzer = &analysis.Analyzer{
	Name:       "apiauditroutes",
	Doc:        "finds the HTTP routes that matter and their protection",
	Requires:   []*analysis.Analyzer{inspect.Analyzer, reach.Analyzer, authn.Analyzer},
	Run:        func(pass *analysis.Pass) (any, error) { return slices.Collect(Routes(pass)), nil },
	ResultType: reflect.TypeFor[[]Route](),
}

func run(pass *analysis.Pass) (any, error) {
	// The debugging handlers a function registers (the eleven of
	// net/http/pprof, as a rule) are one element: the first is reported,
	// the others are notes that point to it.
	debugAt := map[ast.Node]token.Pos{}
	callerGates := map[ast.Node]string{} // by body: its registrations share their callers

	var decls map[*types.Func]*ast.FuncDecl
	for _, rt := range pass.ResultOf[RoutesAnalyzer].([]Route) {
		if rt.State != authn.Open {
			continue
		}
		grade := goapi.PlaceGrade(pass, goapi.Error)
		if !rt.Debug {
			if decls == nil {
				decls = funcDecls(pass)
			}
			if name, at := capabilityParam(pass, decls, rt.Path, rt.Handler); name != "" {
				grade.LowerTo(goapi.Note, fmt.Sprintf("a capability URL: the path parameter %s is named as a secret and the handler rejects one it does not know (%s), so whoever holds the URL may call it, by design; keep such ids long and random",
					name, shortPos(pass, at.Pos())))
			}
		}
		if what := authEndpoint(rt.Path); what != "" {
			grade.LowerTo(goapi.Note, "the route is "+what+", which callers reach before they hold a credential; check that it verifies what it is given (a password, a provider's code and state, a client secret)")
		} else if what := sessionEndpoint(rt.Method, rt.Path); what != "" {
			grade.LowerTo(goapi.Note, "the route is "+what+", which callers reach before they hold a credential; check that it verifies what it is given (a password, a provider's code and state, a client secret)")
		}
		// The handler's code, for the grades that read it: found once.
		handler := func() ast.Node {
			if decls == nil {
				decls = funcDecls(pass)
			}
			return handlerCode(pass.TypesInfo, decls, localFunc(pass.TypesInfo, enclosingBody(rt.Guard, rt.Call), rt.Handler))
		}
		var body ast.Node
		if !rt.Debug && setupStep(rt.Path) {
			if body = handler(); body != nil {
				if r := rejection(pass.TypesInfo, body); r != nil {
					grade.LowerTo(goapi.Note, "the route is a first-run setup, which callers reach before any account exists, and its handler refuses with 401, 403, 404 or 410 ("+shortPos(pass, r.Pos())+"); check that it refuses once the setup is done")
				}
			}
		}
		if !rt.Sensitive && (rt.Method == "GET" || rt.Method == "HEAD") {
			if body == nil {
				body = handler()
			}
			if body != nil {
				if serve := servesFile(pass.TypesInfo, body); serve != "" {
					grade.LowerTo(goapi.Note, "its handler serves a file ("+serve+"), a page of the program's web UI or an asset, and reaches none of the sensitive capabilities; what the page shows comes from routes judged on their own")
				}
			}
		}
		if !rt.Sensitive {
			// Of the judged errors, those that reach none of the
			// capabilities (a path under /admin, a DELETE that only
			// changes what it is given) held no true positive.
			grade.LowerTo(goapi.Warning, noCapability+"; only its "+map[bool]string{true: "path", false: "method"}[strings.HasPrefix(rt.Why, "is under")]+" says it matters")
		}
		if addr, ok := goapi.LoopbackListen(pass.TypesInfo, enclosingBody(rt.Guard, rt.Call)); ok && goapi.EphemeralPort(addr) {
			// A fixed loopback port stays an error: any web page the user
			// opens can post a form to it.
			grade.LowerTo(goapi.Note, "it listens on "+addr+", a loopback port the system picks, which no other machine can reach and no web page can know")
		} else if ok && (rt.Method == "PUT" || rt.Method == "PATCH" || rt.Method == "DELETE") && !setsCORS(pass) {
			// A web page can send a GET or a form POST to a loopback
			// port, but a PUT, PATCH or DELETE needs a CORS preflight
			// that a server which sets no CORS headers does not pass.
			grade.LowerTo(goapi.Warning, "it listens on "+addr+" only, and a web page cannot send a "+rt.Method+" there without a CORS preflight, which this package does not answer")
		}
		if gate := authOnGate(pass.TypesInfo, enclosingBody(rt.Guard, rt.Call), rt.Call.Pos()); gate != "" {
			grade.LowerTo(goapi.Note, "the route is registered only when "+gate+" is on, so it exists only while authentication is switched on; check that its handler or middleware requires a signed-in caller")
		}
		if rt.Debug {
			body := enclosingBody(rt.Guard, rt.Call)
			gate := goapi.Gate(pass.TypesInfo, body, rt.Call.Pos(), nil)
			if gate == "" {
				g, seen := callerGates[body]
				if !seen {
					g = callersGate(pass, rt.Guard, rt.Call)
					callerGates[body] = g
				}
				gate = g
			}
			if gate != "" {
				grade.LowerTo(goapi.Note, "mounted only when "+gate+" is set")
			} else if first, seen := debugAt[body]; seen {
				grade.LowerTo(goapi.Note, fmt.Sprintf("one of the debugging handlers registered together, reported once at line %d", pass.Fset.Position(first).Line))
			} else {
				debugAt[body] = rt.Call.Pos()
			}
		}
		grade.Report(pass, analysis.Diagnostic{Pos: rt.Call.Pos(),
			Message: fmt.Sprintf("%s %s %s with no authentication", rt.Method, rt.Path, rt.Why)})
	}
	return nil, nil
}

// AllRoutesAnalyzer is RoutesAnalyzer for every route registration, those
// that do not matter to GO101 (a GET that reaches nothing sensitive, a
// public path) included, with Why empty for those: GO201 grades a body
// read by whether every route that serves the handler authenticates.
var AllRoutesAnalyzer = &analysis.Analyzer{
	Name:       "apiauditallroutes",
	Doc:        "finds every HTTP route registration and its protection",
	Requires:   []*analysis.Analyzer{inspect.Analyzer, reach.Analyzer, authn.Analyzer},
	Run:        func(pass *analysis.Pass) (any, error) { return slices.Collect(routesOf(pass, true)), nil },
	ResultType: reflect.TypeFor[[]Route](),
}

// Route is a route registration that matters: it reaches a sensitive
// capability, is a debugging endpoint, sits under an admin path or
// changes state, and is not public by the options.
type Route struct {
	Call         *ast.CallExpr
	Method, Path string
	Why          string           // "reaches command execution (...)", "is under /admin", "changes state"
	Sensitive    bool             // Why is a capability the handler reaches, or a debugging endpoint
	Debug        bool             // a net/http/pprof or expvar endpoint
	Caps         goapi.Capability // what the handler reaches
	Handler      ast.Expr
	Mws          []ast.Expr // the route's own middleware
	State        authn.State
	// Conditions is the conditional auth behind a MaybeOff state.
	Conditions []authn.Conditional
	// Served are where the route's router is served openly (a serve
	// call, an http.Server literal), when the guard saw it.
	Served []token.Pos
	Guard  *authn.Guard
}

// Routes are the package's route registrations that matter, with their
// protection. It needs the results of GO101's required analyzers.
func Routes(pass *analysis.Pass) iter.Seq[Route] { return routesOf(pass, false) }

// routesOf yields the routes that matter, or with all every route.
func routesOf(pass *analysis.Pass, all bool) iter.Seq[Route] {
	return func(yield func(Route) bool) {
		ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
		caps := pass.ResultOf[reach.Analyzer].(*reach.Result)
		var g *authn.Guard // indexing the package is for packages that register routes
		for n := range ins.PreorderSeq((*ast.CallExpr)(nil)) {
			call := n.(*ast.CallExpr)
			fn := goapi.Callee(pass.TypesInfo, call)
			if fn == nil {
				continue
			}
			c, ok := goapi.Routers.Lookup(fn)
			if !ok || c.Kind != goapi.RouteRegister {
				continue
			}
			h, mws := authn.Handler(call, c)
			if h == nil {
				continue
			}
			debug := debugHandler(pass, h)
			if debug == "" && (fn.Name() == "Mount" || servesOwnRoutes(pass.TypesInfo.TypeOf(h))) {
				continue
			}
			if g == nil {
				g = authn.NewGuard(pass, pass.ResultOf[authn.Analyzer].(*authn.Result))
			}
			method, route := routes.Describe(pass, g, call, c)
			if public(route) && !all {
				continue
			}
			rt := Route{Call: call, Guard: g, Debug: debug != "", Handler: h, Mws: mws}
			if f := caps.Node(h); f != nil {
				rt.Caps = f.Caps
			}
			if debug != "" {
				rt.Why, rt.Sensitive = debug, true
			} else if f := caps.Node(h); f != nil && f.Caps&goapi.Sensitive != 0 {
				first := (f.Caps & goapi.Sensitive).Each()[0]
				rt.Why = "reaches " + (f.Caps & goapi.Sensitive).String() + " (" + short(f.Why(first)) + ")"
				rt.Sensitive = true
			} else if seg := adminSegment(route); seg != "" {
				rt.Why = "is under /" + seg
			} else if method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE" {
				rt.Why = "changes state"
			}
			if rt.Why == "" && !all {
				continue
			}
			g.Conditions, g.Served = nil, nil
			rt.State = g.Route(call, c)
			rt.Conditions, rt.Served = g.Conditions, g.Served
			if method == "" {
				method = "ANY"
			}
			rt.Method, rt.Path = method, route
			if !yield(rt) {
				return
			}
		}
	}
}

// What the standard library's debugging endpoints expose, as messages
// name them.
const (
	pprof  = "net/http/pprof's profiling handlers (heap and goroutine dumps, CPU profiles on demand)"
	expvar = "expvar's variables (command line, memory statistics, whatever the program publishes)"
)

// debugHandler says what a handler exposes when it is one of the standard
// library's debugging endpoints: net/http/pprof's handlers, expvar's, or
// http.DefaultServeMux in a program that imports either (they register
// themselves there in init). "" otherwise.
func debugHandler(pass *analysis.Pass, h ast.Expr) string {
	var obj types.Object
	switch e := ast.Unparen(h).(type) {
	case *ast.CallExpr:
		if fn := goapi.Callee(pass.TypesInfo, e); fn != nil {
			obj = fn
		} else if tv, ok := pass.TypesInfo.Types[e.Fun]; ok && tv.IsType() && len(e.Args) == 1 {
			return debugHandler(pass, e.Args[0]) // http.HandlerFunc(pprof.Index)
		}
	case *ast.SelectorExpr:
		obj = pass.TypesInfo.Uses[e.Sel]
	case *ast.Ident:
		obj = pass.TypesInfo.Uses[e]
	}
	if obj == nil || obj.Pkg() == nil {
		return ""
	}
	switch obj.Pkg().Path() {
	case "net/http/pprof":
		return "serves " + pprof
	case "expvar":
		return "serves " + expvar
	case "net/http":
		if obj.Name() != "DefaultServeMux" {
			return ""
		}
		var on []string
		if imports(pass.Pkg, "net/http/pprof") {
			on = append(on, pprof)
		}
		if imports(pass.Pkg, "expvar") {
			on = append(on, expvar)
		}
		if len(on) > 0 {
			return "mounts http.DefaultServeMux, which serves " + strings.Join(on, " and ")
		}
	}
	return ""
}

// imports reports whether pkg imports path, directly or not.
func imports(pkg *types.Package, path string) bool {
	seen := map[*types.Package]bool{}
	var walk func(p *types.Package) bool
	walk = func(p *types.Package) bool {
		if seen[p] {
			return false
		}
		seen[p] = true
		for _, imp := range p.Imports() {
			if imp.Path() == path || walk(imp) {
				return true
			}
		}
		return false
	}
	return walk(pkg)
}

// noCapability begins the reason a route that reaches nothing sensitive
// is a warning.
const noCapability = "it reaches none of the sensitive capabilities (command execution, file or database writes, mutating outbound requests, model calls)"

// setsCORS reports whether the package sets an Access-Control-Allow-*
// header or uses a CORS middleware (a package path or function named
// cors), which could let a web page's preflight through.
func setsCORS(pass *analysis.Pass) bool {
	for _, imp := range pass.Pkg.Imports() {
		if strings.Contains(strings.ToLower(imp.Path()), "cors") {
			return true
		}
	}
	found := false
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			if found {
				return false
			}
			switch n := n.(type) {
			case *ast.BasicLit:
				if strings.Contains(strings.ToLower(n.Value), "access-control-allow-") {
					found = true
				}
			case *ast.Ident:
				if strings.Contains(strings.ToLower(n.Name), "cors") {
					found = true
				}
			}
			return true
		})
	}
	return found
}

// funcDecls indexes the package's function declarations.
func funcDecls(pass *analysis.Pass) map[*types.Func]*ast.FuncDecl {
	out := map[*types.Func]*ast.FuncDecl{}
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok {
				if fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
					out[fn] = fd
				}
			}
		}
	}
	return out
}

// shortPos is file:line of pos, the file without its directory.
func shortPos(pass *analysis.Pass, pos token.Pos) string {
	p := pass.Fset.Position(pos)
	return fmt.Sprintf("%s:%d", path.Base(filepath.ToSlash(p.Filename)), p.Line)
}

// enclosingBody is the body of the function declaration around n.
// callersGate is the opt-in that every call of the function registering
// a route is made under, one level up in the package (initDebugRoute(mux)
// called only inside if conf.EnableDebug { ... }), or "": a function
// that no code of the package calls, or that one call makes
// unconditionally, is not gated.
func callersGate(pass *analysis.Pass, g *authn.Guard, n ast.Node) string {
	var fn *types.Func
	for p := g.Parent(n); p != nil; p = g.Parent(p) {
		if d, ok := p.(*ast.FuncDecl); ok {
			fn, _ = pass.TypesInfo.Defs[d.Name].(*types.Func)
			break
		}
	}
	if fn == nil {
		return ""
	}
	gate, calls := "", 0
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			d, ok := d.(*ast.FuncDecl)
			if !ok || d.Body == nil {
				continue
			}
			ast.Inspect(d.Body, func(x ast.Node) bool {
				call, ok := x.(*ast.CallExpr)
				if !ok || goapi.Callee(pass.TypesInfo, call) != fn {
					return true
				}
				calls++
				w := goapi.Gate(pass.TypesInfo, d.Body, call.Pos(), nil)
				if w == "" {
					gate = "-" // one call is not gated
				} else if gate == "" {
					gate = w
				}
				return true
			})
		}
	}
	if calls == 0 || gate == "-" {
		return ""
	}
	return gate
}

// authOnGate is the setting that switches authentication on, when the
// code at pos runs only inside an if whose condition requires it
// (if a.cfg.Auth.Enabled && a.store != nil { mux.HandleFunc("/api/users", ...) }):
// a boolean field or variable named for authentication (auth, OAuth,
// OIDC, SSO, JWT), not negated, and none that says it turns it off
// (NoAuth, SkipAuth, DisableAuth). "" otherwise.
func authOnGate(info *types.Info, body ast.Node, pos token.Pos) string {
	var gate string
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil || pos < n.Pos() || pos >= n.End() {
			return n == nil
		}
		if ifs, ok := n.(*ast.IfStmt); ok && ifs.Body.Pos() <= pos && pos < ifs.Body.End() {
			for _, c := range goapi.Conjuncts(ifs.Cond) {
				if authSetting(info, c) {
					gate = types.ExprString(c)
				}
			}
		}
		return true
	})
	return gate
}

// authSetting: e is a boolean field or variable (cfg.Auth.Enabled,
// s.requireAuth, opts.OAuthEnabled) whose name, with the selectors
// before it, says it switches authentication on.
func authSetting(info *types.Info, e ast.Expr) bool {
	if tv, ok := info.Types[e]; !ok || !types.Identical(tv.Type.Underlying(), types.Typ[types.Bool]) {
		return false
	}
	var words []string
	for x := e; x != nil; {
		switch y := x.(type) {
		case *ast.SelectorExpr:
			words = append(words, ident.Words(y.Sel.Name)...)
			x = y.X
		case *ast.Ident:
			words = append(words, ident.Words(y.Name)...)
			x = nil
		default:
			return false // a call, an index: not a plain setting
		}
	}
	named := false
	for _, w := range words {
		switch w {
		case "no", "not", "skip", "disable", "disabled", "bypass", "insecure", "optional", "anonymous", "public", "allow":
			return false
		case "auth", "authn", "authentication", "authenticate", "oauth", "oauth2", "oidc", "sso", "jwt":
			named = true
		}
	}
	return named
}

func enclosingBody(g *authn.Guard, n ast.Node) ast.Node {
	for p := g.Parent(n); p != nil; p = g.Parent(p) {
		if d, ok := p.(*ast.FuncDecl); ok {
			return d.Body
		}
	}
	return n
}

// servesOwnRoutes: the handler is a router or an MCP handler, whose
// routes are judged on their own (MCP by GO102).
func servesOwnRoutes(t types.Type) bool {
	for _, r := range [][2]string{
		{"net/http", "ServeMux"}, {"github.com/go-chi/chi", "Mux"}, {"github.com/go-chi/chi", "Router"},
		{"github.com/gin-gonic/gin", "Engine"}, {"github.com/labstack/echo", "Echo"},
		{"github.com/gorilla/mux", "Router"}, {"github.com/gofiber/fiber", "App"},
		{"github.com/modelcontextprotocol/go-sdk/mcp", "StreamableHTTPHandler"},
		{"github.com/modelcontextprotocol/go-sdk/mcp", "SSEHandler"},
		{"github.com/mark3labs/mcp-go/server", "StreamableHTTPServer"},
		{"github.com/mark3labs/mcp-go/server", "SSEServer"},
	} {
		if goapi.IsType(t, r[0], r[1]) {
			return true
		}
	}
	return false
}

var pkgPrefix = regexp.MustCompile(`(?:[\w.-]+/)+`)

// short drops import paths from a call chain: (*github.com/x/y.T).M
// becomes (*y.T).M.
func short(via string) string { return pkgPrefix.ReplaceAllString(via, "") }

// public reports whether a route matches one of the public-path globs.
func public(route string) bool {
	for _, g := range options.PublicPaths {
		if ok, _ := path.Match(g, route); ok {
			return true
		}
		if base, ok := strings.CutSuffix(g, "/*"); ok && (route == base || strings.HasPrefix(route, base+"/")) {
			return true
		}
	}
	return false
}

// Path segments that name the steps of signing in. The first set does so
// wherever it sits (/api/auth/login, /auth/github/callback); the second
// only under a segment of authAreas or at the root (/token, /oauth/revoke),
// since /api/tokens or /agents/register are resources that need a caller.
var (
	signInSteps = map[string]string{
		"login": "a login endpoint", "logout": "a logout endpoint", "signin": "a login endpoint",
		"sign-in": "a login endpoint", "signout": "a logout endpoint", "sign-out": "a logout endpoint",
		"signup": "a sign-up endpoint", "sign-up": "a sign-up endpoint", "callback": "a sign-in callback",
		"forgot-password": "a password-reset endpoint", "reset-password": "a password-reset endpoint",
	}
	authSteps = map[string]string{
		"token": "an OAuth token endpoint", "revoke": "a token revocation endpoint",
		"introspect": "a token introspection endpoint", "register": "a registration endpoint",
	}
	authAreas = map[string]bool{"auth": true, "oauth": true, "oauth2": true, "openid": true, "oidc": true, "sso": true, "connect": true}
)

// sessionEndpoint says what sign-in step a route names by a session
// resource: POST to .../session or .../sessions creates one (a login),
// DELETE ends it (a logout), when the segment before is an account's or
// an auth area's (/api/v1/system/admin/session, /auth/sessions,
// /users/session); a chat or agent session (/agents/{id}/sessions,
// /chat/sessions) is a resource, not a login.
func sessionEndpoint(method, route string) string {
	var segs []string
	for _, seg := range strings.Split(strings.ToLower(route), "/") {
		if seg != "" {
			segs = append(segs, seg)
		}
	}
	if len(segs) < 2 {
		return ""
	}
	if last := segs[len(segs)-1]; last != "session" && last != "sessions" {
		return ""
	}
	if prev := segs[len(segs)-2]; !authAreas[prev] && !accountSegments[prev] {
		return ""
	}
	switch method {
	case "POST", "PUT":
		return "a login endpoint (it creates a session)"
	case "DELETE":
		return "a logout endpoint (it ends a session)"
	}
	return ""
}

// accountSegments name whose session a session resource below them is.
var accountSegments = map[string]bool{"admin": true, "admins": true, "user": true, "users": true, "account": true, "accounts": true, "me": true}

// setupStep reports whether a route's last segment names a first-run
// setup (setup, install, bootstrap, initialize).
func setupStep(route string) bool {
	segs := strings.Split(strings.Trim(strings.ToLower(route), "/"), "/")
	switch segs[len(segs)-1] {
	case "setup", "install", "bootstrap", "initialize", "initialise":
		return true
	}
	return false
}

// servesFile names the net/http call by which a handler's body serves a
// file (http.ServeContent, ServeFile, ServeFileFS, a FileServer's
// ServeHTTP), or "".
func servesFile(info *types.Info, body ast.Node) string {
	found := ""
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found != "" {
			return found == ""
		}
		fn := goapi.Callee(info, call)
		if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "net/http" {
			return true
		}
		switch fn.Name() {
		case "ServeContent", "ServeFile", "ServeFileFS":
			found = "http." + fn.Name()
		}
		return true
	})
	return found
}

// localFunc is the function literal a local variable of body holds, when h
// names one assigned once (spa := func(w, r) {...}; r.Get("/admin", spa)),
// else h.
func localFunc(info *types.Info, body ast.Node, h ast.Expr) ast.Expr {
	id, ok := ast.Unparen(h).(*ast.Ident)
	if !ok || body == nil {
		return h
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok {
		return h
	}
	var lit ast.Expr
	n := 0
	ast.Inspect(body, func(node ast.Node) bool {
		as, ok := node.(*ast.AssignStmt)
		if !ok || len(as.Lhs) != len(as.Rhs) {
			return true
		}
		for i, lhs := range as.Lhs {
			if l, ok := lhs.(*ast.Ident); ok && info.ObjectOf(l) == v {
				n++
				lit = as.Rhs[i]
			}
		}
		return true
	})
	if n != 1 {
		return h
	}
	if _, isLit := ast.Unparen(lit).(*ast.FuncLit); isLit {
		return lit
	}
	return h
}

// authEndpoint says what sign-in step a route's path names ("a login
// endpoint"), or "" when it names none. The authorization endpoint itself
// (/authorize) is not one: it is where the user's login must be checked.
func authEndpoint(route string) string {
	var segs []string
	for _, seg := range strings.Split(route, "/") {
		if seg != "" {
			segs = append(segs, strings.ToLower(seg))
		}
	}
	if len(segs) == 0 {
		return ""
	}
	last := strings.ReplaceAll(segs[len(segs)-1], "_", "-")
	if what, ok := signInSteps[last]; ok {
		return what
	}
	what, ok := authSteps[last]
	if !ok {
		return ""
	}
	if len(segs) == 1 {
		return what
	}
	for _, seg := range segs[:len(segs)-1] {
		if authAreas[seg] {
			return what
		}
	}
	return ""
}

func adminSegment(route string) string {
	for _, seg := range strings.Split(route, "/") {
		s := strings.ToLower(strings.Trim(seg, "_-."))
		for _, a := range options.AdminSegments {
			if s == a {
				return seg
			}
		}
	}
	return ""
}

// Check reports a middleware name that is not in table notation and a path
// glob that does not parse.
func (o *Options) Check() error {
	for _, n := range o.AuthMiddleware {
		if _, err := goapi.ParseFunc(n); err != nil {
			return fmt.Errorf("auth-middleware: %v", err)
		}
	}
	for _, g := range o.PublicPaths {
		if _, err := path.Match(strings.TrimSuffix(g, "/*"), "/"); err != nil {
			return fmt.Errorf("public-paths: %q is not a path glob: %v", g, err)
		}
	}
	return nil
}
