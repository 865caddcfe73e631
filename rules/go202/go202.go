// Package go202 defines rule GO202: an HTTP server with no read timeouts.
package go202

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/apiaudit/apiaudit/pkg/goapi"
	"github.com/apiaudit/apiaudit/pkg/lint"
)

var Rule = &lint.Rule{
	ID:   "GO202",
	Name: "server-without-timeouts",
	Doc: lint.Doc{
		Title: "HTTP server has no read timeouts",
		Summary: "A server is started with http.ListenAndServe, ListenAndServeTLS, Serve or ServeTLS, " +
			"which cannot set timeouts, an http.Server is built with neither ReadHeaderTimeout nor " +
			"ReadTimeout, or a gin, echo v4 or fiber v2 server, or an MCP server of mcp-go's SSE or " +
			"streamable-HTTP transport, is started without a read timeout.",
		Why: `An http.Server's timeouts are all zero by default, and zero means none. A
client can then open a connection and send its headers or body one byte at a
time for as long as it likes (Slowloris); each such connection holds a
goroutine, a file descriptor and buffers, and a few thousand of them exhaust
a server without any traffic to speak of. ReadHeaderTimeout bounds the time to
read the headers and ReadTimeout the whole request; either one closes the
slow-request hole. The package-level http.ListenAndServe, ListenAndServeTLS,
Serve and ServeTLS use a server with no timeouts and offer no way to set them.

gosec splits this over G114 (the package-level functions) and G112 (a Server
literal without ReadHeaderTimeout). This rule reports both under one ID, also
accepts ReadTimeout (which bounds the headers too), treats a timeout written
as a constant zero as missing, and stays silent when the timeout is assigned
to the variable holding the server later in the same function
(srv.ReadHeaderTimeout = ...). It does not follow servers configured in
other functions, and it does not look at WriteTimeout or IdleTimeout, which
matter less for this attack.

Frameworks: gin's Run, RunTLS, RunUnix, RunFd and RunListener build an
http.Server with no timeouts and are always reported (serve the engine from
your own http.Server instead). echo v4's Start serves e.Server and
StartTLS/StartAutoTLS serve e.TLSServer, both created without timeouts; they
are reported unless the same function sets that server's ReadHeaderTimeout
or ReadTimeout or replaces the server. A fiber v2 app is reported at its
fiber.New call when it is served by Listen (or ListenTLS, Listener...) in
the same function and its fiber.Config, written there, has no ReadTimeout:
fiber's default is no timeout. A Config that comes from elsewhere is not
judged. mcp-go's SSEServer.Start and StreamableHTTPServer.Start build an
http.Server with no timeouts unless the constructor was given one
(server.WithHTTPServer, server.WithStreamableHTTPServer): they are reported
at the Start call when the same function builds the server without that
option; a server built elsewhere, or with options passed as a slice, is not
judged.

Context lowers the severity, and the message says why: a server whose
address is a loopback one ("localhost:8080", "127.0.0.1:0", "[::1]:9000",
also through a variable, a flag's default, fmt.Sprintf's format or the
net.Listen call of a listener) can only be reached from the same machine,
and code in examples/, _examples, demo, conformance or test scaffolding (a
test/ or testkit package, a package named like oauthtest) is not what gets
deployed; both are reported as notes, not warnings. A package may serve on
several listeners (an API on a --host flag that defaults to 127.0.0.1, a
status page on every interface): a server whose own listener is followed
to a loopback or Unix one, through the parameters of the functions that
hand it down, is a note even when another server of the package listens
on the network, and that other server stays a warning.`,
		Fix: "set ReadHeaderTimeout (and ReadTimeout) on the http.Server that serves the requests; http.ListenAndServe and http.Serve cannot set them, so start an http.Server instead",
		Bad: `func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/chat", chat)
	log.Fatal(http.ListenAndServe(":8080", mux))
}`,
		Good: `func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/chat", chat)
	srv := &http.Server{
		Addr:              ":8080",
		Handler:           mux,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
	}
	log.Fatal(srv.ListenAndServe())
}`,
		Lang:      "go",
		Severity:  lint.SeverityWarning,
		Grades:    "A note when the server listens on a loopback address, or in example or test code. Followed across the module too: a note when every listen call of the server's package, or of the server itself (its listener and its http.Server kept in fields), is a Unix socket or a loopback address by default (a command's --host flag passed to the constructor, a configuration default such as 127.0.0.1:8316), or when the server's own listener is (the net.Listen call of the listener it serves, followed through the functions that hand it down), whatever else the package listens on. Across the module (apiaudit scan): a note when no program of the module builds the server, that is when the function that holds the finding is called by no main package outside tests (followed through calls, method values and the types reached code names) and code outside the module cannot call it (its package is under internal/ or main, or no exported function of an importable package leads to it); the message names the function.",
		Precision: "high",
		CWE:       []int{400},
		OWASP:     []string{"API4:2023", "LLM10:2025"},
		Since:     "v0.1.0",
	},
}

// Analyzer is the rule's check; its name is the rule's ID.
var Analyzer = &analysis.Analyzer{
	Name:     "GO202",
	Doc:      "reports HTTP servers started without read timeouts",
	URL:      Rule.HelpURI(),
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      run,
}

func init() { Rule.Analyzer = Analyzer }

// noTimeouts are the net/http functions that serve with a timeout-less server.
var noTimeouts = map[string]bool{"ListenAndServe": true, "ListenAndServeTLS": true, "Serve": true, "ServeTLS": true}

// readTimeouts are the fields of which one must be set.
var readTimeouts = map[string]bool{"ReadHeaderTimeout": true, "ReadTimeout": true}

func run(pass *analysis.Pass) (any, error) {
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	reported := map[ast.Node]bool{}
	for cur := range ins.Root().Preorder((*ast.CallExpr)(nil), (*ast.CompositeLit)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.CallExpr:
			fn := typeutil.StaticCallee(pass.TypesInfo, n)
			if fn == nil || fn.Pkg() == nil {
				continue
			}
			if fn.Pkg().Path() == "net/http" && fn.Signature().Recv() == nil && noTimeouts[fn.Name()] {
				var addr ast.Expr
				if len(n.Args) > 0 {
					addr = n.Args[0] // ListenAndServe's address, Serve's listener
				}
				grade(pass, cur, addr).Report(pass, analysis.Diagnostic{Pos: n.Pos(),
					Message: fmt.Sprintf("http.%s serves with no read timeouts: it cannot set any, so serve from an http.Server with ReadHeaderTimeout set", fn.Name())})
			}
			checkFramework(pass, cur, n, fn, reported)
		case *ast.CompositeLit:
			if !isServer(pass.TypesInfo.TypeOf(n)) || setsTimeout(pass, n) || setLater(pass, cur) {
				continue
			}
			grade(pass, cur, goapi.Keyed(n, "Addr")).Report(pass, analysis.Diagnostic{Pos: n.Pos(),
				Message: "http.Server has neither ReadHeaderTimeout nor ReadTimeout: set ReadHeaderTimeout (and ReadTimeout)"})
		}
	}
	return nil, nil
}

// grade is a finding's severity in context: a server that listens on a
// loopback address only, or that sits in example code or test scaffolding,
// is a note. addr is the listen address, a listener (net.Listen's result)
// or nil.
func grade(pass *analysis.Pass, cur inspector.Cursor, addr ast.Expr) *goapi.Grade {
	g := goapi.NewGrade(goapi.Warning)
	g.LowerPlace(goapi.PlacePath(pass))
	if addr == nil {
		return g
	}
	body := enclosingFunc(cur)
	if id, ok := ast.Unparen(addr).(*ast.Ident); ok && goapi.IsType(pass.TypesInfo.TypeOf(id), "net", "Listener") {
		// Serve(l, h): the address l was opened on.
		l := listenCall(pass, body, pass.TypesInfo.Uses[id])
		if l == nil {
			return g
		}
		addr = l.Args[1]
	}
	if a, ok := goapi.ListenAddr(pass.TypesInfo, body, addr); ok && goapi.Loopback(a) {
		g.Lower("it listens on " + a + ", reachable from this machine only")
	}
	return g
}

// listenCall is the net.Listen(network, addr) call that l, a listener, is
// first assigned from in body (l, err := net.Listen(...)); nil if none.
func listenCall(pass *analysis.Pass, body ast.Node, l types.Object) *ast.CallExpr {
	var out *ast.CallExpr
	ast.Inspect(body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || out != nil || len(as.Rhs) != 1 || len(as.Lhs) == 0 {
			return out == nil
		}
		id, ok := as.Lhs[0].(*ast.Ident)
		call, isCall := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
		if ok && isCall && pass.TypesInfo.ObjectOf(id) == l && len(call.Args) == 2 {
			if fn := goapi.Callee(pass.TypesInfo, call); fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "net" && fn.Name() == "Listen" {
				out = call
			}
		}
		return true
	})
	return out
}

func arg0(call *ast.CallExpr) ast.Expr {
	if len(call.Args) > 0 {
		return call.Args[0]
	}
	return nil
}

func isServer(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "net/http" && n.Obj().Name() == "Server"
}

// setsTimeout reports whether the literal sets a read timeout to something
// other than a constant zero. Unkeyed literals set every field.
func setsTimeout(pass *analysis.Pass, lit *ast.CompositeLit) bool {
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return true
		}
		key, ok := kv.Key.(*ast.Ident)
		if !ok || !readTimeouts[key.Name] {
			continue
		}
		if tv, ok := pass.TypesInfo.Types[kv.Value]; ok && tv.Value != nil && constant.Sign(tv.Value) == 0 {
			continue
		}
		return true
	}
	return false
}

// setLater reports whether the literal is stored in a variable (srv :=
// &http.Server{...}, var srv = http.Server{...}) whose read timeout is
// assigned elsewhere in the enclosing function.
func setLater(pass *analysis.Pass, cur inspector.Cursor) bool {
	parent := cur.Parent()
	if u, ok := parent.Node().(*ast.UnaryExpr); ok && u.Op == token.AND {
		parent = parent.Parent()
	}
	var v types.Object
	switch p := parent.Node().(type) {
	case *ast.AssignStmt:
		if len(p.Lhs) == len(p.Rhs) {
			for i, rhs := range p.Rhs {
				if rhs.Pos() <= cur.Node().Pos() && cur.Node().End() <= rhs.End() {
					if id, ok := p.Lhs[i].(*ast.Ident); ok {
						v = pass.TypesInfo.ObjectOf(id)
					}
				}
			}
		}
	case *ast.ValueSpec:
		if len(p.Names) == len(p.Values) {
			for i, val := range p.Values {
				if val.Pos() <= cur.Node().Pos() && cur.Node().End() <= val.End() {
					v = pass.TypesInfo.ObjectOf(p.Names[i])
				}
			}
		}
	}
	if v == nil {
		return false
	}
	var body ast.Node
	for c := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		body = c.Node()
		break
	}
	if body == nil {
		return false
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || found {
			return !found
		}
		for _, lhs := range as.Lhs {
			sel, ok := lhs.(*ast.SelectorExpr)
			if !ok || !readTimeouts[sel.Sel.Name] {
				continue
			}
			if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok && pass.TypesInfo.Uses[id] == v {
				found = true
			}
		}
		return !found
	})
	return found
}

var (
	// ginRun are the gin methods that serve through an http.Server built
	// without timeouts (gin.go marks each with "#nosec G112").
	ginRun = goapi.Set(true,
		"(*github.com/gin-gonic/gin.Engine).Run", "(*github.com/gin-gonic/gin.Engine).RunTLS",
		"(*github.com/gin-gonic/gin.Engine).RunUnix", "(*github.com/gin-gonic/gin.Engine).RunFd",
		"(*github.com/gin-gonic/gin.Engine).RunListener")
	// echoStart are the echo v4 methods that serve e.Server or e.TLSServer,
	// by the field they serve.
	echoStart = map[string]string{"Start": "Server", "StartTLS": "TLSServer", "StartAutoTLS": "TLSServer"}
	// fiberListen are the fiber v2 methods that serve an app.
	fiberListen = map[string]bool{
		"Listen": true, "ListenTLS": true, "ListenTLSWithCertificate": true, "ListenMutualTLS": true,
		"ListenMutualTLSWithCertificate": true, "Listener": true,
	}
	fiberNew = goapi.MustFunc("github.com/gofiber/fiber.New")
)

// checkFramework reports framework servers started without read timeouts:
// gin's Run methods always, echo v4's Start methods unless the server's
// read timeout is set in the same function, and fiber v2 apps whose Config
// has no ReadTimeout.
func checkFramework(pass *analysis.Pass, cur inspector.Cursor, call *ast.CallExpr, fn *types.Func, reported map[ast.Node]bool) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || fn.Signature().Recv() == nil {
		return
	}
	recv := types.ExprString(sel.X)
	switch path := fn.Pkg().Path(); {
	case ginRun[goapi.Of(fn)]:
		grade(pass, cur, arg0(call)).Report(pass, analysis.Diagnostic{Pos: call.Pos(),
			Message: fmt.Sprintf("%s.%s serves with no read timeouts: gin's http.Server has none; serve the engine from an http.Server with ReadHeaderTimeout set", recv, fn.Name())})
	case (path == "github.com/labstack/echo/v4" || path == "github.com/labstack/echo") && goapi.TypeName(fn.Signature().Recv().Type()) == "Echo":
		field, ok := echoStart[fn.Name()]
		if !ok || echoServerSet(pass, cur, sel.X, field) {
			return
		}
		grade(pass, cur, arg0(call)).Report(pass, analysis.Diagnostic{Pos: call.Pos(),
			Message: fmt.Sprintf("%s.%s serves with no read timeouts: %s.%s.ReadHeaderTimeout and ReadTimeout are unset", recv, fn.Name(), recv, field)})
	case path == "github.com/mark3labs/mcp-go/server" && fn.Name() == "Start" && mcpgoServerOption[goapi.TypeName(fn.Signature().Recv().Type())] != "":
		typ := goapi.TypeName(fn.Signature().Recv().Type())
		opt := mcpgoServerOption[typ]
		if !mcpgoNoTimeouts(pass, cur, sel.X, opt) {
			return
		}
		advice := "serve it (an http.Handler) from an http.Server with ReadHeaderTimeout set"
		if fn.Pkg().Scope().Lookup(opt) != nil { // the option exists in the version in use
			advice = fmt.Sprintf("pass server.%s(&http.Server{ReadHeaderTimeout: ...}) to its constructor, or %s", opt, advice)
		}
		grade(pass, cur, arg0(call)).Report(pass, analysis.Diagnostic{Pos: call.Pos(),
			Message: fmt.Sprintf("%s.Start serves with no read timeouts: mcp-go's %s builds its http.Server with none; %s", recv, typ, advice)})
	case path == "github.com/gofiber/fiber/v2" && fiberListen[fn.Name()] && goapi.TypeName(fn.Signature().Recv().Type()) == "App":
		id, ok := ast.Unparen(sel.X).(*ast.Ident)
		if !ok {
			return
		}
		body := enclosingFunc(cur)
		newCall := goapi.Definition(pass.TypesInfo, body, pass.TypesInfo.Uses[id])
		c, ok := newCall.(*ast.CallExpr)
		if !ok || goapi.Of(goapi.Callee(pass.TypesInfo, c)) != fiberNew || reported[c] || fiberTimeout(pass, body, c) {
			return
		}
		reported[c] = true
		grade(pass, cur, arg0(call)).Report(pass, analysis.Diagnostic{Pos: c.Pos(),
			Message: fmt.Sprintf("fiber app %s is served by %s with no ReadTimeout in its fiber.Config", id.Name, fn.Name())})
	}
}

// mcpgoServerOption is, for each mcp-go server type whose Start method
// builds an http.Server with no timeouts unless one was given to its
// constructor, the option that gives one.
var mcpgoServerOption = map[string]string{"SSEServer": "WithHTTPServer", "StreamableHTTPServer": "WithStreamableHTTPServer"}

// mcpgoNoTimeouts reports whether the mcp-go server e is started with the
// http.Server Start builds itself: e is a variable the enclosing function
// assigns from a constructor call of mcp-go's server package, and no
// argument of that call is the option that gives a server of one's own
// (opt) or a slice of options (opts...), which the rule cannot see into.
// A server that comes from elsewhere is not judged.
func mcpgoNoTimeouts(pass *analysis.Pass, cur inspector.Cursor, e ast.Expr, opt string) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	def, ok := goapi.Definition(pass.TypesInfo, enclosingFunc(cur), pass.TypesInfo.Uses[id]).(*ast.CallExpr)
	if !ok || def.Ellipsis.IsValid() {
		return false
	}
	ctor := goapi.Callee(pass.TypesInfo, def)
	if ctor == nil || ctor.Pkg() == nil || ctor.Pkg().Path() != "github.com/mark3labs/mcp-go/server" || !strings.HasPrefix(ctor.Name(), "New") {
		return false
	}
	for _, a := range def.Args {
		if c, ok := ast.Unparen(a).(*ast.CallExpr); ok {
			if f := goapi.Callee(pass.TypesInfo, c); f != nil && f.Name() == opt {
				return false
			}
			continue
		}
		if t := pass.TypesInfo.TypeOf(a); t != nil {
			if _, isFunc := t.Underlying().(*types.Signature); isFunc {
				return false // an option held in a variable: not seen into
			}
		}
	}
	return true
}

// echoServerSet reports whether the enclosing function assigns
// e.<field>.ReadHeaderTimeout or ReadTimeout (not to a constant zero), or
// replaces e.<field> altogether.
func echoServerSet(pass *analysis.Pass, cur inspector.Cursor, e ast.Expr, field string) bool {
	body := enclosingFunc(cur)
	if body == nil {
		return false
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || found {
			return !found
		}
		for i, lhs := range as.Lhs {
			sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
			if !ok {
				continue
			}
			if sel.Sel.Name == field && sameExpr(pass, sel.X, e) {
				found = true // e.Server = &http.Server{...}: the literal is checked on its own
			}
			inner, ok := ast.Unparen(sel.X).(*ast.SelectorExpr)
			if ok && readTimeouts[sel.Sel.Name] && inner.Sel.Name == field && sameExpr(pass, inner.X, e) && !(i < len(as.Rhs) && isZero(pass, as.Rhs[i])) {
				found = true
			}
		}
		return !found
	})
	return found
}

// fiberTimeout reports whether the fiber.New call is given a Config with a
// ReadTimeout, or a Config the rule cannot see (then it stays silent).
func fiberTimeout(pass *analysis.Pass, body ast.Node, call *ast.CallExpr) bool {
	if len(call.Args) == 0 {
		return false
	}
	arg := ast.Unparen(call.Args[0])
	if id, ok := arg.(*ast.Ident); ok {
		cfg := pass.TypesInfo.Uses[id]
		if fieldAssigned(pass, body, cfg, "ReadTimeout") {
			return true
		}
		arg = goapi.Definition(pass.TypesInfo, body, cfg)
	}
	lit, ok := arg.(*ast.CompositeLit)
	if !ok {
		return true
	}
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return true
		}
		if key, ok := kv.Key.(*ast.Ident); ok && key.Name == "ReadTimeout" && !isZero(pass, kv.Value) {
			return true
		}
	}
	return false
}

// fieldAssigned reports whether body assigns v.<field> a value other than
// a constant zero.
func fieldAssigned(pass *analysis.Pass, body ast.Node, v types.Object, field string) bool {
	if body == nil || v == nil {
		return false
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || found {
			return !found
		}
		for i, lhs := range as.Lhs {
			sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
			if ok && sel.Sel.Name == field && refersTo(pass, sel.X, v) && !(i < len(as.Rhs) && isZero(pass, as.Rhs[i])) {
				found = true
			}
		}
		return !found
	})
	return found
}

func enclosingFunc(cur inspector.Cursor) ast.Node {
	for c := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		return c.Node()
	}
	return nil
}

// sameExpr reports whether a and b denote the same variable (or, for
// other expressions, are written the same).
func sameExpr(pass *analysis.Pass, a, b ast.Expr) bool {
	if ia, ok := ast.Unparen(a).(*ast.Ident); ok {
		ib, ok := ast.Unparen(b).(*ast.Ident)
		return ok && pass.TypesInfo.ObjectOf(ia) == pass.TypesInfo.ObjectOf(ib)
	}
	return types.ExprString(a) == types.ExprString(b)
}

func refersTo(pass *analysis.Pass, e ast.Expr, obj types.Object) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && pass.TypesInfo.Uses[id] == obj
}

func isZero(pass *analysis.Pass, e ast.Expr) bool {
	tv, ok := pass.TypesInfo.Types[e]
	return ok && tv.Value != nil && (tv.Value.Kind() == constant.Int || tv.Value.Kind() == constant.Float) && constant.Sign(tv.Value) == 0
}
