// Package go105 defines rule GO105: authentication middleware that is
// installed only under a condition, so that the routes behind it are open
// whenever the condition is false.
package go105

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/apiaudit/apiaudit/pkg/goapi"
	"github.com/apiaudit/apiaudit/pkg/goapi/authn"
	"github.com/apiaudit/apiaudit/pkg/goapi/listen"
	"github.com/apiaudit/apiaudit/pkg/goapi/reach"
	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/rules/go101"
)

var Rule = &lint.Rule{
	ID:   "GO105",
	Name: "conditional-authentication",
	Doc: lint.Doc{
		Title: "Authentication middleware is installed only when a condition holds",
		Summary: "Auth middleware is added to a router (Use) inside an if or a switch case whose condition can " +
			"be false at run time (an empty API key, an unset environment variable, a flag or a config switch " +
			"that defaults to off), and routes that reach a sensitive capability, change state or sit under an " +
			"admin path, or an MCP server served over HTTP, have no other authentication.",
		Why: `A common way to make authentication optional is to install it only when it
is configured:

	if apiKey != "" {
		r.Use(requireKey(apiKey))
	}

The code has authentication, reviews see it, and GO101 used to count it. But
the default is the branch that skips it: start the server without the key,
the environment variable or the flag, and every route is open, usually on
the same address and with no warning in the log. Deployments copy the
quick-start command line, and the quick start is the one without the key.

The rule reports the Use call once, naming the condition and the routes that
are open when it is false (the most serious first), graded by what they
reach: an error when a route reaches command execution, a file or database
write, a mutating request (HTTP or Kubernetes API), a model call or a
debugging endpoint, or when an
MCP server is behind it; a warning when the routes only change state or sit
under an admin path. One level lower in example code or test scaffolding,
and when the function that installs the middleware serves on a constant
loopback address only, or on an address whose host is a configuration
field with a loopback default in its struct tag (env:"HOST,
default=127.0.0.1", default:"...", envDefault:"..."). An MCP server counts whether the function that
serves it calls the SDK's constructor or a function of another package of
the program that returns the SDK's handler (a wrapper method).
Auth added on both branches of an if (a key or a password, say), or in
every case of a switch with a default, counts as auth and is not reported;
neither is a condition the compiler knows to be true, nor one the function
fails closed on (if key == "" { return err } before the Use).

Two other shapes are the same thing and are reported the same way:

- the served handler wrapped by assignment under a condition
  (var h http.Handler = mux; if key != "" { h = auth(key, mux) });
- middleware called through an interface whose implementation is chosen
  at run time, one of which checks nothing
  (r.Use(authenticator.Middleware()), where a constructor returns a no-op
  implementation when cfg.Auth.Enabled is false): the message names the
  implementation and the condition, from the constructor's code, in this
  package or another one of the module;
- middleware that checks credentials but lets every request through
  while a setting is off (if !cfg.RequireOAuth { next.ServeHTTP(w, r);
  return }), a condition that does not look at the request (exemptions by
  path, such as health checks, do).

When the function refuses to serve without the credential unless an
explicit setting allows it (if token == "" && !allowUnauthenticated
{ return err }), auth is off only by the operator's choice: a note.

Fix it by failing closed: refuse to start (or bind only to loopback) when
the credential is not configured, or generate one and print it.`,
		Fix: "fail closed: refuse to start, or serve on loopback only, when the credential is not configured; install the auth middleware unconditionally",
		Bad: `func Serve(addr, apiKey string) error {
	r := gin.New()
	if apiKey != "" {
		r.Use(requireKey(apiKey))
	}
	r.POST("/chat", chat) // calls the model
	return r.Run(addr)
}`,
		Good: `func Serve(addr, apiKey string) error {
	if apiKey == "" {
		return errors.New("an API key is required (--api-key)")
	}
	r := gin.New()
	r.Use(requireKey(apiKey))
	r.POST("/chat", chat)
	return r.Run(addr)
}`,
		Lang:      "go",
		Severity:  lint.SeverityError,
		Grades:    "A warning when the routes behind the condition only change state or sit under an admin path (none reaches a sensitive capability and no MCP server is behind it). One level lower when the function that installs it listens on a loopback address only, constant or the tagged default of a configuration field. A note in example code or test scaffolding, when the function refuses to serve without the credential unless an explicit opt-out setting allows it, and when the setting a middleware's bypass tests is a configuration field that the program refuses to leave empty unless it listens on a loopback address (if c.AuthToken is empty and !isLoopbackAddr(c.ListenAddr), return an error; in any package of the module).",
		Precision: "medium",
		CWE:       []int{306, 1188},
		OWASP:     []string{"API2:2023", "API8:2023", "LLM06:2025"},
		Since:     "v0.1.0",
	},
}

// Analyzer is the rule's check; its name is the rule's ID.
var Analyzer = &analysis.Analyzer{
	Name:     "GO105",
	Doc:      "reports auth middleware installed only under a run-time condition",
	URL:      Rule.HelpURI(),
	Requires: []*analysis.Analyzer{inspect.Analyzer, reach.Analyzer, authn.Analyzer, go101.RoutesAnalyzer, fencesAnalyzer},
	Run:      run,
}

func init() { Rule.Analyzer = Analyzer }

// behind is what one conditional auth installation leaves open.
type behind struct {
	cond      authn.Conditional
	routes    []go101.Route
	mcp       []string // "streamable HTTP server (mcp.NewStreamableHTTPHandler)"
	sensitive bool
}

func run(pass *analysis.Pass) (any, error) {
	byUse := map[*ast.CallExpr]*behind{}
	// A wrapper around each route's handler (m.wrap(h)) that lets every
	// request through under one setting is one installation: its routes
	// are one finding, at the first.
	byWrapper := map[string]*behind{}
	add := func(cs []authn.Conditional) *behind {
		for _, c := range cs {
			if tv, ok := pass.TypesInfo.Types[c.Cond]; ok && tv.Value != nil {
				continue // a constant condition
			}
			key := ""
			if call, ok := ast.Unparen(c.Mw).(*ast.CallExpr); ok && c.Off != "" && registers(pass, c.Use) {
				if fn := goapi.Callee(pass.TypesInfo, call); fn != nil {
					key = fn.FullName() + "\x00" + c.Off + "\x00" + enclosing(pass, c.Use)
				}
			}
			if b := byWrapper[key]; key != "" && b != nil {
				return b
			}
			b := byUse[c.Use]
			if b == nil {
				b = &behind{cond: c}
				byUse[c.Use] = b
			}
			if key != "" {
				byWrapper[key] = b
			}
			return b
		}
		return nil
	}
	var g *authn.Guard // its own: the routes' guard is shared with other rules
	for _, rt := range pass.ResultOf[go101.RoutesAnalyzer].([]go101.Route) {
		if rt.State != authn.MaybeOff {
			continue
		}
		if b := add(rt.Conditions); b != nil {
			b.routes = append(b.routes, rt)
			b.sensitive = b.sensitive || rt.Sensitive
		}
	}
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	for n := range ins.PreorderSeq((*ast.CallExpr)(nil)) {
		call := n.(*ast.CallExpr)
		transport, fn, ok := goapi.MCPHandlerOf(pass.TypesInfo, call, pass.Pkg)
		if !ok {
			continue
		}
		if g == nil {
			g = authn.NewGuard(pass, pass.ResultOf[authn.Analyzer].(*authn.Result))
		}
		g.Conditions = nil
		if g.Value(call) != authn.MaybeOff {
			continue
		}
		if b := add(g.Conditions); b != nil {
			b.mcp = append(b.mcp, fmt.Sprintf("the MCP server over %s (%s)", transport, funcName(fn)))
			b.sensitive = true
		}
	}
	uses := make([]*ast.CallExpr, 0, len(byUse))
	for u := range byUse {
		uses = append(uses, u)
	}
	slices.SortFunc(uses, func(a, b *ast.CallExpr) int { return int(a.Pos() - b.Pos()) })
	for _, u := range uses {
		b := byUse[u]
		report(pass, ins, b)
	}
	return nil, nil
}

// registers: call registers a route (the wrapper is the route's own).
func registers(pass *analysis.Pass, call *ast.CallExpr) bool {
	c, ok := goapi.Routers.Lookup(goapi.Callee(pass.TypesInfo, call))
	return ok && c.Kind == goapi.RouteRegister
}

// enclosing names the function declaration around n's position.
func enclosing(pass *analysis.Pass, n ast.Node) string {
	for _, f := range pass.Files {
		if f.Pos() <= n.Pos() && n.Pos() < f.End() {
			for _, d := range f.Decls {
				if d.Pos() <= n.Pos() && n.Pos() < d.End() {
					return fmt.Sprint(d.Pos())
				}
			}
		}
	}
	return ""
}

// funcName names a function for a message: mcp.NewStreamableHTTPHandler,
// (*mcpwrap.Server).ServeHTTP.
func funcName(fn *types.Func) string {
	if recv := fn.Signature().Recv(); recv != nil {
		t := types.TypeString(recv.Type(), func(p *types.Package) string { return p.Name() })
		return "(" + t + ")." + fn.Name()
	}
	return fn.Pkg().Name() + "." + fn.Name()
}

func report(pass *analysis.Pass, ins *inspector.Inspector, b *behind) {
	// the most serious first: sensitive routes, then the others, in source order
	slices.SortStableFunc(b.routes, func(x, y go101.Route) int {
		switch {
		case x.Sensitive == y.Sensitive:
			return 0
		case x.Sensitive:
			return -1
		}
		return 1
	})
	var what string
	switch {
	case len(b.mcp) > 0:
		what = b.mcp[0]
		if n := len(b.mcp) - 1 + len(b.routes); n > 0 {
			what += fmt.Sprintf(" and %d more", n)
		}
		what += " are served with no authentication"
		if len(b.mcp) == 1 && len(b.routes) == 0 {
			what = b.mcp[0] + " is served with no authentication"
		}
	default:
		r := b.routes[0]
		what = fmt.Sprintf("%s %s %s with no authentication", r.Method, r.Path, r.Why)
		if n := len(b.routes) - 1; n == 1 {
			what += ", and 1 more route is open"
		} else if n > 1 {
			what += fmt.Sprintf(", and %d more routes are open", n)
		}
	}
	grade := goapi.NewGrade(goapi.Error)
	if !b.sensitive {
		grade.StartAt(goapi.Warning)
	}
	grade.LowerPlace(goapi.PlacePath(pass))
	c := b.cond
	if cur, ok := ins.Root().FindNode(c.Use); ok {
		// the function that installs the middleware also starts the
		// server, on loopback only
		for f := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
			if addr, ok := goapi.LoopbackListen(pass.TypesInfo, f.Node()); ok {
				grade.Lower("it listens on " + addr + ", reachable from this machine only")
			} else if field, host, ok := defaultLoopback(pass.TypesInfo, f.Node(), c.Use); ok {
				grade.Lower("it listens on " + field + ", whose default is " + host + ": reachable from this machine only unless configured otherwise")
			}
			break
		}
	}
	if c.Off != "" {
		cond, _, _ := strings.Cut(c.Off, " (in ")
		if strings.Contains(cond, " when ") {
			_, cond, _ = strings.Cut(cond, " when ")
		}
		if by := fenceOf(pass, cond); by != "" {
			grade.LowerTo(goapi.Note, "the setting it tests is fenced: "+by+" refuses to start with it empty unless the server listens on a loopback address, so the switch leaves the routes open to this machine only")
		}
	}
	if c.OptOut != "" {
		grade.LowerTo(goapi.Note, "without the credential the function refuses to serve unless "+shorten(c.OptOut, 60)+
			": auth is off only when the operator opts out")
	}
	mw := "auth middleware"
	switch {
	case c.Mw != nil:
		mw = shorten(types.ExprString(c.Mw), 60)
	case len(c.Use.Args) > 0:
		mw = shorten(types.ExprString(c.Use.Args[0]), 60)
	}
	var msg string
	switch {
	case c.Cond != nil && c.Off != "":
		msg = fmt.Sprintf("%s is installed only when %s, and does not always authenticate (%s): otherwise %s", mw, condText(c.Cond), c.Off, what)
	case c.Off != "":
		msg = fmt.Sprintf("%s does not always authenticate: %s; then %s", mw, c.Off, what)
	default:
		msg = fmt.Sprintf("%s is installed only when %s: otherwise %s", mw, condText(c.Cond), what)
	}
	grade.Report(pass, analysis.Diagnostic{Pos: c.Use.Pos(), End: c.Use.End(),
		Message: msg + "; fail closed when the credential is not configured"})
}

func shorten(s string, n int) string {
	if len(s) > n {
		return s[:n-3] + "..."
	}
	return s
}

// condText prints a condition for a message, shortened when long.
func condText(e ast.Expr) string {
	s := types.ExprString(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.NOT {
		s = "!(" + types.ExprString(u.X) + ")"
	}
	if len(s) > 80 {
		s = s[:77] + "..."
	}
	return s
}

// defaultLoopback: every server body starts listens on an address whose
// host is a configuration field with a loopback default in its struct
// tag (Addr: cfg.Server.Host + ":" + cfg.Server.Port, where Host is
// tagged env:"HOST, default=127.0.0.1", default:"localhost" or
// envDefault:"127.0.0.1"). field names the field, host its default.
// When some of the servers serve a handler that shares a variable with
// use (the router the middleware is installed on), only those count: a
// metrics server beside it listens elsewhere.
func defaultLoopback(info *types.Info, body ast.Node, use *ast.CallExpr) (field, host string, ok bool) {
	vars := map[types.Object]bool{}
	ast.Inspect(use, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if v, ok := info.Uses[id].(*types.Var); ok {
				vars[v] = true
			}
		}
		return true
	})
	// and what the wrapped handler is assigned to (h := auth(mux))
	ast.Inspect(body, func(n ast.Node) bool {
		if as, ok := n.(*ast.AssignStmt); ok && len(as.Lhs) == len(as.Rhs) {
			for i, r := range as.Rhs {
				if r.Pos() <= use.Pos() && use.End() <= r.End() {
					if id, ok := as.Lhs[i].(*ast.Ident); ok && info.ObjectOf(id) != nil {
						vars[info.ObjectOf(id)] = true
					}
				}
			}
		}
		return true
	})
	serves := func(h ast.Expr) bool {
		found := false
		ast.Inspect(h, func(n ast.Node) bool {
			if n == use {
				found = true
			}
			if id, ok := n.(*ast.Ident); ok && vars[info.Uses[id]] {
				found = true
			}
			return !found
		})
		return found
	}
	var addrs, ours []ast.Expr
	add := func(addr, h ast.Expr) {
		addrs = append(addrs, addr)
		if h != nil && serves(h) {
			ours = append(ours, addr)
		}
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			if fn := goapi.Callee(info, n); fn != nil && len(n.Args) > 1 {
				switch goapi.Of(fn).String() {
				case "net/http.ListenAndServe", "net/http.ListenAndServeTLS":
					add(n.Args[0], n.Args[len(n.Args)-1])
				}
			}
		case *ast.CompositeLit:
			if goapi.IsType(info.TypeOf(n), "net/http", "Server") {
				if a := goapi.Keyed(n, "Addr"); a != nil {
					add(a, goapi.Keyed(n, "Handler"))
				}
			}
		}
		return true
	})
	if len(ours) > 0 {
		addrs = ours
	}
	if len(addrs) == 0 {
		return "", "", false
	}
	for _, a := range addrs {
		f, h, found := hostDefault(info, a)
		if !found || !goapi.Loopback(h) {
			return "", "", false
		}
		field, host = f, h
	}
	return field, host, true
}

// hostDefault is the tagged default of the field that gives the host part
// of a listen address (the first operand of a concatenation, the first
// argument of net.JoinHostPort).
func hostDefault(info *types.Info, e ast.Expr) (field, host string, ok bool) {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.BinaryExpr:
			if x.Op != token.ADD {
				return "", "", false
			}
			e = x.X
			continue
		case *ast.CallExpr:
			fn := goapi.Callee(info, x)
			if fn == nil || goapi.Of(fn).String() != "net.JoinHostPort" || len(x.Args) != 2 {
				return "", "", false
			}
			e = x.Args[0]
			continue
		case *ast.SelectorExpr:
			if h, found := listen.TagDefault(info, x); found {
				return types.ExprString(x), h, true
			}
		}
		return "", "", false
	}
}
