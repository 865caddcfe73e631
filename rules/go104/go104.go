// Package go104 defines rule GO104: the credential a caller presented (an
// Authorization header, a bearer token, a cookie) forwarded into an
// outgoing request or an upstream client.
package go104

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"reflect"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"

	"github.com/apiaudit/apiaudit/pkg/goapi"
	"github.com/apiaudit/apiaudit/pkg/goapi/ctxcred"
	"github.com/apiaudit/apiaudit/pkg/lint"
)

var Rule = &lint.Rule{
	ID:   "GO104",
	Name: "token-passthrough",
	Doc: lint.Doc{
		Title: "Caller's credential is forwarded to an upstream service",
		Summary: "A credential read from the incoming request (the Authorization, Proxy-Authorization, Cookie or an " +
			"API-key header, a cookie, basic-auth credentials, or every incoming header at once) is set, directly or " +
			"through a value of the request context, on an outgoing request (Header.Set/Add, AddCookie, SetBasicAuth, Header = r.Header) or handed to an " +
			"upstream client (openai-go and anthropic option.WithAPIKey/WithAuthToken/WithHeader, go-openai " +
			"NewClient, oauth2.Token, oauth2.StaticTokenSource).",
		Why: `A token is issued for one audience: the service that checks it. A server
that takes the token its caller presented and sends it on to another
service ("token passthrough") lets that service act as the caller, lets
whoever runs it replay the token elsewhere, and hides who is really calling
from the upstream's logs, rate limits and audit trail. When the server is an
MCP server or an agent, the caller is often another agent, and one agent's
token ends up acting, with all its scopes, somewhere the user never
approved: the chain of trust between agents breaks. The MCP authorization
specification forbids it outright: an MCP server must not accept tokens
that were not issued for it and must not pass the client's token through
to upstream APIs; it gets a token of its own for them (OAuth token
exchange, its own client credentials).

The rule follows, within each function and through the functions of the
package it calls, a credential read from the incoming request (a parameter
of the function: an *http.Request, a gin, echo or fiber context, an MCP
request with its HTTP headers) through string operations (trimming the
Bearer prefix, concatenation, fmt.Sprintf) into an outgoing request or an
upstream client. Copying every incoming header onto an outgoing request
counts too, unless the function deletes Authorization and Cookie from it.
A credential header that the code replaces on the way is not the caller's
any more: replaced (Header.Del, or Header.Set with a value that is not a
caller's credential) on the request being served before it is read, in
the handler or in a helper it passes the request to, or by every caller
of the function before the call; or replaced on the outgoing request
after the copy (copy every header, then set Authorization to the
server's key). A replacement made by middleware in another package (a
router's chain, as gateways that pick an upstream and put its key on the
request do) is seen by apiaudit scan, which joins the packages of the
module: a finding in code that only routes whose chain replaces the
header reach (through calls, interface methods included, that no
replacement in the caller comes before) is a note. Under go vet it keeps
its severity.

A reverse proxy forwards credentials by design, to services of the same
trust domain that check them again; the rule grades the finding down to a
warning when the package is a proxy: it uses net/http/httputil's
ReverseProxy, or its package or function documentation says it proxies,
forwards or relays requests (a gateway). It does not know which upstream
shares the caller's audience; ignore the finding with the reason when it
does.

A credential carried through the request context is followed too, across
the module's packages: a function that reads a credential header of the
incoming request and stores it with context.WithValue (an MCP server's
HTTP context function, a middleware), and code that reads the value back
under the same key and sets it on an outgoing request's credential header
(the API client the tools call). That is a warning, not an error: it is
the shape of a server that authenticates no one itself and calls the
upstream with the API key each caller brings for that upstream, which is
the design, and the finding cannot tell that key from a token issued for
the server itself (an OAuth access token, which the MCP authorization
specification forbids passing on). The reader must be in a package that
sees the storing function (the same or one it imports).`,
		Fix: "give the server a credential of its own for the upstream (OAuth token exchange, client credentials, a service account), or strip Authorization and Cookie before forwarding",
		Bad: `func chat(w http.ResponseWriter, r *http.Request) {
	tok := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	client := openai.NewClient(option.WithAPIKey(tok)) // the caller's token, replayed upstream
	...
}`,
		Good: `func chat(w http.ResponseWriter, r *http.Request) {
	if !verify(r.Header.Get("Authorization")) {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	client := openai.NewClient(option.WithAPIKey(os.Getenv("OPENAI_API_KEY"))) // the server's own key
	...
}`,
		Lang:      "go",
		Severity:  lint.SeverityError,
		Grades:    "A warning when the credential is carried through the request context (put there from the request's header, read back under the same key). A warning when the package is a documented reverse proxy or gateway (httputil.ReverseProxy, or documentation that says it proxies, forwards or relays requests). A note in example code or test scaffolding, and (apiaudit scan) when only routes whose middleware replaces the credential header, in another package, reach the code.",
		Precision: "low",
		CWE:       []int{441, 522},
		OWASP:     []string{"API2:2023", "API10:2023", "LLM06:2025"},
		Since:     "v0.1.0",
	},
}

// Analyzer is the rule's check; its name is the rule's ID.
var Analyzer = &analysis.Analyzer{
	Name:     "GO104",
	Doc:      "reports a caller's credential forwarded into an outgoing request or upstream client",
	URL:      Rule.HelpURI(),
	Requires: []*analysis.Analyzer{inspect.Analyzer, summaryAnalyzer, ctxcred.Analyzer},
	Run:      run,
	// the findings and the headers they forward, for the module step
	ResultType: reflect.TypeFor[[]Reported](),
}

// summaryAnalyzer computes the package's summaries once, for the rule and
// for its module step (wiringAnalyzer), which both read them.
var summaryAnalyzer = &analysis.Analyzer{
	Name:       "apiauditgo104summary",
	Doc:        "summarises what each function of the package does with credentials, for GO104",
	Run:        func(pass *analysis.Pass) (any, error) { return summarize(pass), nil },
	ResultType: reflect.TypeFor[*checker](),
}

func init() { Rule.Analyzer = Analyzer }

// credentialHeaders are the incoming headers that carry a credential
// (lower case).
var credentialHeaders = map[string]string{
	"authorization":       "Authorization header",
	"proxy-authorization": "Proxy-Authorization header",
	"cookie":              "Cookie header",
	"x-api-key":           "API-key header",
	"api-key":             "API-key header",
	"x-auth-token":        "auth-token header",
	"x-access-token":      "access-token header",
}

// headerReads are calls that read one incoming header by name (argument 0).
var headerReads = goapi.Set(true,
	"(net/http.Header).Get", "(net/http.Header).Values",
	"(*github.com/gin-gonic/gin.Context).GetHeader",
	"(*github.com/gofiber/fiber.Ctx).Get")

// cookieReads read a cookie, whatever its name.
var cookieReads = goapi.Set(true,
	"(*net/http.Request).Cookie", "(*net/http.Request).Cookies",
	"(*github.com/gin-gonic/gin.Context).Cookie",
	"(github.com/labstack/echo.Context).Cookie", "(github.com/labstack/echo.Context).Cookies",
	"(*github.com/gofiber/fiber.Ctx).Cookies")

// passes are functions whose result carries their string argument.
var passes = goapi.Set(true,
	"strings.TrimPrefix", "strings.TrimSuffix", "strings.TrimSpace", "strings.Trim", "strings.TrimLeft",
	"strings.Fields", "strings.Split", "strings.SplitN", "strings.Join", "strings.ToLower",
	"strings.Replace", "strings.ReplaceAll", "strings.CutPrefix", "strings.Cut",
	"fmt.Sprintf", "fmt.Sprint", "(net/http.Header).Clone")

// clientSinks take a credential for an upstream service: the argument
// index, or -1 for every argument.
var clientSinks = goapi.Table[int]{}.Merge(
	goapi.Set(0, "github.com/openai/openai-go/option.WithAPIKey",
		"github.com/anthropics/anthropic-sdk-go/option.WithAPIKey",
		"github.com/anthropics/anthropic-sdk-go/option.WithAuthToken",
		"github.com/sashabaranov/go-openai.NewClient", "github.com/sashabaranov/go-openai.DefaultConfig",
		"github.com/sashabaranov/go-openai.DefaultAzureConfig",
		"golang.org/x/oauth2.StaticTokenSource",
		"(*github.com/google/go-github/github.Client).WithAuthToken"),
	goapi.Set(1, "github.com/openai/openai-go/option.WithHeader", "github.com/openai/openai-go/option.WithHeaderAdd",
		"github.com/anthropics/anthropic-sdk-go/option.WithHeader", "github.com/anthropics/anthropic-sdk-go/option.WithHeaderAdd"),
)

// checker holds the package's function summaries.
type checker struct {
	pass  *analysis.Pass
	decls map[*types.Func]*ast.FuncDecl
	// paramSinks: parameter i of fn reaches a sink ("req.Header.Set" ...)
	paramSinks map[*types.Func]map[int]string
	// returns: fn returns the credential it reads (a tokenFrom(r) helper)
	returns map[*types.Func]string
	// returnsHeader: the (lower-case) header that credential is read
	// from; "*" for every header, "" when not known
	returnsHeader map[*types.Func]string
	// reported: the findings of the package and the credential headers
	// each forwards, for the module step (Analyzer's result)
	reported []Reported
	// rewrites: fn replaces (Header.Set with a value of its own, or
	// Header.Del) the credential headers of the request in parameter i,
	// directly or through a callee: parameter → lower-case header names.
	rewrites map[*types.Func]map[int]map[string]bool
	// servedRW: where fn first replaces each credential header of the
	// request it serves (applyProviderAuth(c.Request, p) at the call).
	servedRW map[*types.Func]map[string]token.Pos
	// sites are the calls of each function of the package, and valueUsed
	// the functions also used as values (a handler registered on a
	// router), whose callers cannot all be seen.
	sites     map[*types.Func][]site
	valueUsed map[*types.Func]bool
	proxy     bool
}

// site is a call of a function of the package: the function it is in
// and where.
type site struct {
	in  *types.Func
	pos token.Pos
}

func run(pass *analysis.Pass) (any, error) {
	sum, _ := pass.ResultOf[summaryAnalyzer].(*checker)
	if sum == nil {
		return []Reported(nil), nil
	}
	// The summaries are shared with the module step and only read from
	// here on; findings are reported on this analyzer's pass.
	c := new(checker)
	*c = *sum
	c.pass = pass
	c.proxy = documentedProxy(pass)
	for _, fd := range c.decls {
		c.analyse(fd, true)
	}
	cc := pass.ResultOf[ctxcred.Analyzer].(*ctxcred.Result)
	for _, s := range cc.Sends {
		if header, by, ok := cc.PutKey(s.Key); ok {
			c.reportContext(s, header, by)
		}
	}
	return c.reported, nil
}

// throughContext says why a credential carried through the request
// context is a warning.
const throughContext = "it travels through the request context, the shape of a server that authenticates no one itself and calls the upstream with the key each caller brings for it, which is the design; " +
	"a token issued for this server (an OAuth access token of the MCP authorization specification, which forbids passing it on) must not be sent upstream: check which one the header carries"

// reportContext reports a credential header of the incoming request that
// a function (by) put into the request context, read back and set on an
// outgoing request at s: the same token passthrough, carried by a
// context value rather than a variable.
func (c *checker) reportContext(s ctxcred.Sending, header, by string) {
	p := c.pass.Fset.Position(s.Pos)
	c.reported = append(c.reported, Reported{File: p.Filename, Line: p.Line, Column: p.Column, Headers: []string{header}})
	grade := goapi.NewGrade(goapi.Error)
	grade.Lower(throughContext)
	if c.proxy {
		grade.Lower("the package is a reverse proxy or gateway, which forwards credentials by design; make sure the upstream is of the same trust domain and checks them")
	}
	grade.LowerPlace(goapi.PlacePath(c.pass))
	via := ""
	if s.Via != "" && s.Via != "ctx.Value" {
		via = ", read back by " + s.Via
	}
	grade.Report(c.pass, analysis.Diagnostic{Pos: s.Pos,
		Message: fmt.Sprintf("the outgoing request's %s gets the caller's %s, put into the request context by %s%s: the upstream can act as the caller; use a credential of the server's own (token exchange, client credentials)",
			ctxcred.HeaderName(s.Header), ctxcred.HeaderName(header), by, via)})
}

// summarize computes the summaries of the package's functions; nil when
// it declares none.
func summarize(pass *analysis.Pass) *checker {
	c := &checker{pass: pass, decls: map[*types.Func]*ast.FuncDecl{},
		paramSinks: map[*types.Func]map[int]string{}, returns: map[*types.Func]string{}, returnsHeader: map[*types.Func]string{},
		rewrites: map[*types.Func]map[int]map[string]bool{}, servedRW: map[*types.Func]map[string]token.Pos{},
		sites: map[*types.Func][]site{}, valueUsed: map[*types.Func]bool{}}
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				if fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
					c.decls[fn] = fd
					c.index(fn, fd)
				}
			}
		}
	}
	if len(c.decls) == 0 {
		return nil
	}
	// summaries: a few rounds reach helpers of helpers
	for range 3 {
		changed := false
		for fn, fd := range c.decls {
			f := c.analyse(fd, false)
			for i, s := range f.paramSinks {
				if c.paramSinks[fn] == nil {
					c.paramSinks[fn] = map[int]string{}
				}
				if _, ok := c.paramSinks[fn][i]; !ok {
					c.paramSinks[fn][i] = s
					changed = true
				}
			}
			if f.returns != "" && c.returns[fn] == "" {
				c.returns[fn] = f.returns
				c.returnsHeader[fn] = f.returnsHeader
				changed = true
			}
			for i, hs := range f.rewrites {
				for h := range hs {
					if c.rewrites[fn] == nil {
						c.rewrites[fn] = map[int]map[string]bool{}
					}
					if c.rewrites[fn][i] == nil {
						c.rewrites[fn][i] = map[string]bool{}
					}
					if !c.rewrites[fn][i][h] {
						c.rewrites[fn][i][h] = true
						changed = true
					}
				}
			}
			c.servedRW[fn] = f.servedRW
		}
		if !changed {
			break
		}
	}
	return c
}

// fnResult is what one function does with credentials.
type fnResult struct {
	paramSinks map[int]string
	returns    string
	// returnsHeader: the header the returned credential is read from
	returnsHeader string
	rewrites      map[int]map[string]bool
	servedRW      map[string]token.Pos
}

// taint is what a value carries: a credential of the caller ("the
// Authorization header"), or parameter i of the function (param >= 0).
// header is the incoming header it was read from (lower case; "*" for
// every incoming header; "" when not known).
type taint struct {
	what   string
	param  int
	header string
	at     token.Pos // where the credential was read
}

// index records the calls fd makes to functions of the package, and the
// functions it uses as values.
func (c *checker) index(fn *types.Func, fd *ast.FuncDecl) {
	info := c.pass.TypesInfo
	called := map[ast.Expr]bool{}
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			called[ast.Unparen(n.Fun)] = true
			if g := goapi.Callee(info, n); g != nil && g.Pkg() == c.pass.Pkg {
				c.sites[g.Origin()] = append(c.sites[g.Origin()], site{fn, n.Pos()})
			}
		case *ast.SelectorExpr:
			if g, ok := info.Uses[n.Sel].(*types.Func); ok && g.Pkg() == c.pass.Pkg && !called[n] {
				c.valueUsed[g.Origin()] = true
			}
			return !called[n] // x.f() : f is called; x is looked at below
		case *ast.Ident:
			if g, ok := info.Uses[n].(*types.Func); ok && g.Pkg() == c.pass.Pkg && !called[n] {
				c.valueUsed[g.Origin()] = true
			}
		}
		return true
	})
}

// callersReplace reports whether every call of fn in the package comes
// after its caller replaced header h on the request it serves (or from a
// function whose own callers did), and fn is not used as a value.
func (c *checker) callersReplace(fn *types.Func, h string, seen map[*types.Func]bool) bool {
	sites := c.sites[fn]
	if len(sites) == 0 || c.valueUsed[fn] || seen[fn] {
		return false
	}
	seen[fn] = true
	for _, s := range sites {
		if p, ok := c.servedRW[s.in][h]; ok && p < s.pos {
			continue
		}
		if !c.callersReplace(s.in, h, seen) {
			return false
		}
	}
	return true
}

// analyse follows credentials through one function. With report set, it
// reports the flows of the caller's credentials into sinks.
func (c *checker) analyse(fd *ast.FuncDecl, report bool) fnResult {
	info := c.pass.TypesInfo
	res := fnResult{paramSinks: map[int]string{}, rewrites: map[int]map[string]bool{}, servedRW: map[string]token.Pos{}}
	self, _ := info.Defs[fd.Name].(*types.Func)
	params := map[types.Object]int{}
	i := 0
	for _, f := range fd.Type.Params.List {
		for _, id := range f.Names {
			if obj := info.Defs[id]; obj != nil {
				params[obj] = i
			}
			i++
		}
		if len(f.Names) == 0 {
			i++
		}
	}
	// roots are the parameters of the function and of the function
	// literals in it; server are those that hold the request being served
	// (an *http.Request beside an http.ResponseWriter, a framework context).
	roots, server := map[types.Object]bool{}, map[types.Object]bool{}
	addRoots := func(ft *ast.FuncType) {
		hasWriter := false
		for _, f := range ft.Params.List {
			if goapi.IsType(info.TypeOf(f.Type), "net/http", "ResponseWriter") {
				hasWriter = true
			}
		}
		for _, f := range ft.Params.List {
			t := info.TypeOf(f.Type)
			srv := (hasWriter && goapi.IsType(t, "net/http", "Request")) ||
				goapi.IsType(t, "github.com/gin-gonic/gin", "Context") || goapi.IsType(t, "github.com/labstack/echo", "Context") ||
				goapi.IsType(t, "github.com/gofiber/fiber", "Ctx") ||
				goapi.IsType(t, "github.com/mark3labs/mcp-go/mcp", "CallToolRequest") ||
				goapi.IsType(t, "github.com/modelcontextprotocol/go-sdk/mcp", "CallToolRequest")
			for _, id := range f.Names {
				if obj := info.Defs[id]; obj != nil {
					roots[obj] = true
					server[obj] = srv
				}
			}
		}
	}
	addRoots(fd.Type)
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		if lit, ok := n.(*ast.FuncLit); ok {
			addRoots(lit.Type)
		}
		return true
	})
	vars := map[types.Object]taint{}
	var exprTaint func(e ast.Expr) (taint, bool)
	// rootOf is the variable an expression such as r.Header, c.Request().Header
	// or req.Extra.Header starts from.
	rootOf := func(e ast.Expr) types.Object {
		for {
			switch x := ast.Unparen(e).(type) {
			case *ast.SelectorExpr:
				e = x.X
			case *ast.CallExpr:
				e = x.Fun
			case *ast.IndexExpr:
				e = x.X
			case *ast.StarExpr:
				e = x.X
			case *ast.Ident:
				return info.Uses[x]
			default:
				return nil
			}
		}
	}
	// served: the expression belongs to the request being served, whose
	// headers the function may change freely.
	served := func(e ast.Expr) bool { return server[rootOf(e)] }
	// from is the taint of a credential read from e: the caller's when e
	// belongs to the request being served (param -1); when e is only rooted
	// at a parameter (a helper such as tokenFrom(r), or a RoundTripper's
	// outgoing request), a maybe (param -3) that counts only as what a
	// helper returns.
	from := func(e ast.Expr, what, header string) (taint, bool) {
		switch {
		case served(e):
			return taint{what: what, param: -1, header: header, at: e.Pos()}, true
		case roots[rootOf(e)]:
			return taint{what: what, param: -3, header: header, at: e.Pos()}, true
		}
		return taint{}, false
	}
	exprTaint = func(e ast.Expr) (taint, bool) {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			obj := info.Uses[x]
			if t, ok := vars[obj]; ok {
				return t, true
			}
			if i, ok := params[obj]; ok && isStringish(info.TypeOf(x)) {
				return taint{param: i}, true
			}
		case *ast.SelectorExpr:
			if isHeaderField(info, x) {
				if t, ok := from(x.X, "every incoming header (Authorization and Cookie among them)", "*"); ok {
					return t, true
				}
			}
			if t, ok := exprTaint(x.X); ok && isStringish(info.TypeOf(x)) {
				return t, true // cookie.Value
			}
		case *ast.IndexExpr:
			if sel, ok := ast.Unparen(x.X).(*ast.SelectorExpr); ok && isHeaderField(info, sel) && roots[rootOf(sel.X)] {
				if name, ok := constString(info, x.Index); ok {
					if what, ok := credentialHeaders[strings.ToLower(name)]; ok {
						return from(sel.X, "the caller's "+what, strings.ToLower(name))
					}
				}
				return taint{}, false
			}
			return exprTaint(x.X)
		case *ast.SliceExpr:
			return exprTaint(x.X)
		case *ast.BinaryExpr:
			if x.Op == token.ADD {
				if t, ok := exprTaint(x.X); ok {
					return t, true
				}
				return exprTaint(x.Y)
			}
		case *ast.CompositeLit:
			if _, ok := info.TypeOf(x).Underlying().(*types.Slice); ok {
				for _, el := range x.Elts {
					if t, ok := exprTaint(el); ok {
						return t, true
					}
				}
			}
		case *ast.CallExpr:
			if tv, ok := info.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
				return exprTaint(x.Args[0]) // string(b), []byte(s)
			}
			fn := goapi.Callee(info, x)
			if fn == nil {
				return taint{}, false
			}
			if headerReads[goapi.Of(fn)] && len(x.Args) > 0 {
				if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok {
					if name, ok := constString(info, x.Args[0]); ok {
						if what, ok := credentialHeaders[strings.ToLower(name)]; ok {
							return from(sel.X, "the caller's "+what, strings.ToLower(name))
						}
					}
				}
				return taint{}, false
			}
			if cookieReads[goapi.Of(fn)] {
				if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok {
					return from(sel.X, "the caller's cookie", "cookie")
				}
				return taint{}, false
			}
			if goapi.Of(fn).String() == "(net/http.Request).BasicAuth" {
				if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok {
					return from(sel.X, "the caller's basic-auth credentials", "authorization")
				}
			}
			if passes[goapi.Of(fn)] {
				if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok && fn.Signature().Recv() != nil {
					return exprTaint(sel.X)
				}
				for _, a := range x.Args {
					if t, ok := exprTaint(a); ok {
						return t, true
					}
				}
			}
			if what := c.returns[fn.Origin()]; what != "" && fn.Pkg() == c.pass.Pkg {
				// a helper that reads the credential of the request passed to it
				for _, a := range x.Args {
					if roots[rootOf(a)] {
						return from(a, what, c.returnsHeader[fn.Origin()])
					}
				}
			}
		}
		return taint{}, false
	}
	assign := func(lhs ast.Expr, t taint) bool {
		id, ok := ast.Unparen(lhs).(*ast.Ident)
		if !ok {
			return false
		}
		obj := info.ObjectOf(id)
		if obj == nil {
			return false
		}
		if _, done := vars[obj]; done {
			return false
		}
		vars[obj] = t
		return true
	}
	// assignments, to a fixed point (flow-insensitive within the function)
	for range 4 {
		changed := false
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				if len(n.Lhs) == len(n.Rhs) {
					for i, r := range n.Rhs {
						if t, ok := exprTaint(r); ok && assign(n.Lhs[i], t) {
							changed = true
						}
					}
				} else if len(n.Rhs) == 1 {
					if t, ok := exprTaint(n.Rhs[0]); ok {
						for _, l := range n.Lhs {
							if isStringish(info.TypeOf(l)) || isCookie(info.TypeOf(l)) {
								changed = assign(l, t) || changed
							}
						}
					}
				}
			case *ast.ValueSpec:
				for i, v := range n.Values {
					if i < len(n.Names) {
						if t, ok := exprTaint(v); ok && assign(n.Names[i], t) {
							changed = true
						}
					}
				}
			case *ast.RangeStmt:
				if t, ok := exprTaint(n.X); ok {
					if n.Key != nil && t.what != "" && !strings.HasPrefix(t.what, "every incoming header") {
						changed = assign(n.Key, t) || changed
					}
					if n.Value != nil {
						changed = assign(n.Value, t) || changed
					}
					if n.Key != nil && strings.HasPrefix(t.what, "every incoming header") {
						changed = assign(n.Key, taint{what: "header name", param: -2}) || changed
					}
				}
			}
			return true
		})
		if !changed {
			break
		}
	}
	// Credential headers the function replaces: on the request it serves
	// (before a read, the value read is the server's own) and on the
	// requests it sends (after a copy, the caller's value is gone). A
	// replacement is Header.Del, or Header.Set with a value that is not a
	// caller's credential, here or in a callee that does it to the request
	// passed to it.
	outRW := map[string][]token.Pos{}
	rewrite := func(target ast.Expr, h string, pos token.Pos) {
		h = strings.ToLower(h)
		if _, ok := credentialHeaders[h]; !ok {
			return
		}
		if i, ok := params[rootOf(target)]; ok {
			if res.rewrites[i] == nil {
				res.rewrites[i] = map[string]bool{}
			}
			res.rewrites[i][h] = true
		}
		if served(target) {
			if p, ok := res.servedRW[h]; !ok || pos < p {
				res.servedRW[h] = pos
			}
			return
		}
		outRW[h] = append(outRW[h], pos)
	}
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		fn := goapi.Callee(info, call)
		if fn == nil {
			return true
		}
		switch goapi.Of(fn).String() {
		case "(net/http.Header).Del", "(net/http.Header).Set":
			sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
			if !ok || len(call.Args) == 0 || responseHeader(info, sel.X) {
				return true
			}
			if len(call.Args) == 2 {
				if t, ok := exprTaint(call.Args[1]); ok && t.param != -2 {
					return true // the caller's value, or a parameter's
				}
			}
			if h, ok := constString(info, call.Args[0]); ok {
				rewrite(sel.X, h, call.Pos())
			}
			return true
		}
		if fn.Pkg() == c.pass.Pkg {
			for i, hs := range c.rewrites[fn.Origin()] {
				if i < len(call.Args) {
					for h := range hs {
						rewrite(call.Args[i], h, call.Pos())
					}
				}
			}
		}
		return true
	})
	// replaced: the caller's credential t, sunk at pos into the outgoing
	// header out ("*" for all of them, "" when not known), was replaced
	// on the way: on the served request before it was read, by every
	// caller before the call, or on the outgoing request after the sink.
	replaced := func(t taint, out string, pos token.Pos) bool {
		in := []string{t.header}
		if t.header == "*" {
			in = []string{"authorization", "cookie"}
		}
		for _, h := range in {
			if h == "" {
				continue
			}
			if p, ok := res.servedRW[h]; ok && p < t.at {
				return true
			}
			if self != nil && c.callersReplace(self, h, map[*types.Func]bool{}) {
				return true
			}
		}
		if out == "*" || t.header == "*" {
			return len(outRW["authorization"]) > 0 || len(outRW["cookie"]) > 0
		}
		for _, p := range outRW[strings.ToLower(out)] {
			if p > pos {
				return true
			}
		}
		return false
	}
	stripped := strips(info, fd.Body)
	sink := func(n ast.Node, t taint, where, out string) {
		switch {
		case t.param == -2 || t.param == -3: // a header name; a maybe
		case t.param >= 0:
			if _, ok := res.paramSinks[t.param]; !ok {
				res.paramSinks[t.param] = where
			}
		case report && !replaced(t, out, n.Pos()) && !(stripped && t.header == "*"):
			c.report(n, t.what, t.header, where)
		}
	}
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.ReturnStmt:
			for _, r := range n.Results {
				if t, ok := exprTaint(r); ok && (t.param == -1 || t.param == -3) && isStringish(info.TypeOf(r)) {
					res.returns = t.what
					res.returnsHeader = t.header
				}
			}
		case *ast.AssignStmt:
			// out.Header = r.Header; out.Header["Authorization"] = r.Header["Authorization"]
			for i, l := range n.Lhs {
				if i >= len(n.Rhs) || len(n.Lhs) != len(n.Rhs) {
					break
				}
				l = ast.Unparen(l)
				if ix, ok := l.(*ast.IndexExpr); ok {
					l = ast.Unparen(ix.X)
				}
				sel, ok := l.(*ast.SelectorExpr)
				if !ok || !isHeaderField(info, sel) || served(sel.X) {
					continue
				}
				out := "*"
				if ix, ok := ast.Unparen(n.Lhs[i]).(*ast.IndexExpr); ok {
					out, _ = constString(info, ix.Index)
				}
				if t, ok := exprTaint(n.Rhs[i]); ok {
					sink(n, t, "an outgoing request (its Header field)", out)
				}
			}
		case *ast.CallExpr:
			fn := goapi.Callee(info, n)
			if fn == nil {
				return true
			}
			name := goapi.Of(fn).String()
			switch name {
			case "(net/http.Header).Set", "(net/http.Header).Add":
				sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr)
				if !ok || len(n.Args) != 2 || served(sel.X) || responseHeader(info, sel.X) {
					return true
				}
				if t, ok := exprTaint(n.Args[1]); ok {
					out, _ := constString(info, n.Args[0])
					sink(n, t, "an outgoing request (Header."+fn.Name()+")", out)
				}
				return true
			case "(net/http.Request).AddCookie", "(net/http.Request).SetBasicAuth":
				sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr)
				if !ok || served(sel.X) {
					return true
				}
				for _, a := range n.Args {
					if t, ok := exprTaint(a); ok {
						out := "authorization"
						if fn.Name() == "AddCookie" {
							out = "cookie"
						}
						sink(n, t, "an outgoing request ("+fn.Name()+")", out)
						break
					}
				}
				return true
			}
			if i, ok := clientSinks[goapi.Of(fn)]; ok && i < len(n.Args) {
				if t, ok := exprTaint(n.Args[i]); ok {
					sink(n, t, "an upstream client ("+fn.Pkg().Name()+"."+fn.Name()+")", "")
				}
				return true
			}
			if fn.Pkg() == c.pass.Pkg {
				for i, where := range c.paramSinks[fn.Origin()] {
					if i < len(n.Args) {
						if t, ok := exprTaint(n.Args[i]); ok {
							sink(n, t, where+" in "+fn.Name(), "")
						}
					}
				}
			}
		case *ast.CompositeLit:
			if goapi.IsType(info.TypeOf(n), "golang.org/x/oauth2", "Token") {
				if v := goapi.Keyed(n, "AccessToken"); v != nil {
					if t, ok := exprTaint(v); ok {
						sink(n, t, "an upstream client (oauth2.Token)", "")
					}
				}
			}
		}
		return true
	})
	return res
}

// Reported is a finding of the package and the credential headers it
// forwards (lower case), which the module step regrades by.
type Reported struct {
	File         string // absolute
	Line, Column int
	Headers      []string
}

func (c *checker) report(n ast.Node, what, header, where string) {
	if header != "" {
		hs := []string{header}
		if header == "*" {
			hs = []string{"authorization", "cookie"}
		}
		p := c.pass.Fset.Position(n.Pos())
		c.reported = append(c.reported, Reported{File: p.Filename, Line: p.Line, Column: p.Column, Headers: hs})
	}
	grade := goapi.NewGrade(goapi.Error)
	if c.proxy {
		grade.Lower("the package is a reverse proxy or gateway, which forwards credentials by design; make sure the upstream is of the same trust domain and checks them")
	}
	grade.LowerPlace(goapi.PlacePath(c.pass))
	grade.Report(c.pass, analysis.Diagnostic{Pos: n.Pos(), End: n.End(),
		Message: fmt.Sprintf("%s gets %s: the upstream can act as the caller; use a credential of the server's own (token exchange, client credentials)", upper(where), what)})
}

// strips: the function deletes Authorization or Cookie from a header
// (out.Header.Del("Authorization")), as a proxy that copies headers does.
func strips(info *types.Info, body ast.Node) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		fn := goapi.Callee(info, call)
		if fn != nil && goapi.Of(fn).String() == "(net/http.Header).Del" && len(call.Args) == 1 {
			if s, ok := constString(info, call.Args[0]); ok {
				switch strings.ToLower(s) {
				case "authorization", "cookie":
					found = true
				}
			}
		}
		return true
	})
	return found
}

// documentedProxy: the package uses httputil's reverse proxy, or its
// documentation says that it proxies, forwards or relays requests.
func documentedProxy(pass *analysis.Pass) bool {
	for _, imp := range pass.Pkg.Imports() {
		if imp.Path() == "net/http/httputil" {
			return true
		}
	}
	words := []string{"proxy", "proxies", "reverse proxy", "gateway", "forwards requests", "relays requests", "passthrough", "pass-through"}
	says := func(cg *ast.CommentGroup) bool {
		if cg == nil {
			return false
		}
		t := strings.ToLower(cg.Text())
		for _, w := range words {
			if strings.Contains(t, w) {
				return true
			}
		}
		return false
	}
	for _, f := range pass.Files {
		if says(f.Doc) {
			return true
		}
	}
	return false
}

func isHeaderField(info *types.Info, sel *ast.SelectorExpr) bool {
	return sel.Sel.Name == "Header" && goapi.IsType(info.TypeOf(sel), "net/http", "Header")
}

// responseHeader: w.Header(), the response's headers.
func responseHeader(info *types.Info, e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	return ok && sel.Sel.Name == "Header" && !goapi.IsType(info.TypeOf(sel.X), "net/http", "Request")
}

func isStringish(t types.Type) bool {
	if t == nil {
		return false
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Info()&types.IsString != 0
	case *types.Slice:
		return isStringish(u.Elem()) || isByte(u.Elem())
	}
	return false
}

func isByte(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Kind() == types.Byte
}

func isCookie(t types.Type) bool { return goapi.IsType(t, "net/http", "Cookie") }

func constString(info *types.Info, e ast.Expr) (string, bool) {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

func upper(s string) string { return strings.ToUpper(s[:1]) + s[1:] }
