// Package go102 defines rule GO102: an MCP server served over HTTP with no
// authentication in front of it.
package go102

import (
	"fmt"
	"go/ast"
	"go/types"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/apiaudit/apiaudit/pkg/goapi"
	"github.com/apiaudit/apiaudit/pkg/goapi/authn"
	"github.com/apiaudit/apiaudit/pkg/goapi/ctxcred"
	"github.com/apiaudit/apiaudit/pkg/goapi/toolreach"
	"github.com/apiaudit/apiaudit/pkg/lint"
)

var Rule = &lint.Rule{
	ID:   "GO102",
	Name: "mcp-http-unauthenticated",
	Doc: lint.Doc{
		Title: "MCP server is served over HTTP without authentication",
		Summary: "An MCP server built with mcp.NewStreamableHTTPHandler or mcp.NewSSEHandler (go-sdk), or " +
			"server.NewStreamableHTTPServer or server.NewSSEServer (mcp-go), directly or by a function of another " +
			"package of the program that returns the SDK's handler, or reached by an HTTP handler of the program's " +
			"own that passes the request body to mcp-go's MCPServer.HandleMessage, is served or mounted with no " +
			"auth.RequireBearerToken or other auth middleware around it, on its route or on its router.",
		Why: `An MCP server over HTTP hands its tools to whoever connects. Over stdio the
only client is the process that started it; over HTTP it is anyone who can
reach the port, and MCP tools are usually the powerful part of a service:
they query databases, call internal APIs, read files and act with the
server's credentials, on behalf of a model that will call whatever it is
offered. The MCP authorization specification expects an HTTP server to
check an OAuth bearer token on every request; the go-sdk provides
auth.RequireBearerToken for that.

The rule follows the handler from where it is built to where it is served
(http.Handle, a router's Handle or Mount, http.ListenAndServe, an
http.Server, mcp-go's Start, also called through an interface the server is
kept in) and reports when nothing on the way checks
credentials: auth.RequireBearerToken, a framework auth middleware, or your
own middleware that reads a credential and answers 401 or 403 (see GO101 for
what counts, and its auth-middleware option), or a go-sdk getServer
function (a function literal) that reads a credential and returns no
server on some path (go-sdk then refuses the request: a server per token).
A program that writes its own
HTTP transport (a func(http.ResponseWriter, *http.Request) that reads the
body and passes it to mcp-go's MCPServer.HandleMessage) serves the server
just as well: the handler is followed from where it is registered, and the
finding is at the HandleMessage call unless the handler checks a credential
itself. It stays silent when the
handler goes somewhere it cannot follow, such as a function in another
package. It cannot see authentication done by a proxy in front of the
server, and it does not judge how good the token verifier is.

A finding is an error, lowered one level for each of these, and the message
says which applied: every tool the package registers has a handler that
reaches no command execution, file or database write, mutating HTTP request,
Kubernetes API change (create, update, patch, delete, apply, exec in a pod,
through client-go's typed or dynamic client or controller-runtime's client),
model call, database read or Kubernetes Secret read (a read of Secrets, or of
a resource the caller names; data read with the server's credentials is
what an anonymous caller would take), and calls nothing it cannot follow
(a method of an interface such as a tool registry's Run, a function
value): an echo demo is not a
shell (a request whose method comes from a caller or a struct field counts
as mutating when it may be: a panel client built with New("POST",
"/websites") creates, one built with GET or POSTing to a search method
reads); every address the same function
serves on is a loopback one (localhost, 127.0.0.1, [::1], also a flag's
default or a fmt.Sprintf format), reachable from the same machine only
(local processes and, without origin checks, web pages through DNS
rebinding can still call it). In examples/, _examples, demo, conformance
or test scaffolding (a test/ or testkit package, a package named like
oauthtest) it is a note. So is a server that authenticates by forwarding:
its HTTP context function (mcp-go's WithHTTPContextFunc or
WithSSEContextFunc, directly, through a combinator of such functions or
in a literal) puts a credential header of each request (Authorization,
an API-key header) into the context, and the program reads the value back
under the same key and sets it as the credential of the outgoing requests
of its API client, so that the upstream checks each caller's own
credential and a caller without one gets nothing done; unless its tools
are seen to run commands, write files or use a database, which they do
with the server's own rights. A server whose client sends a key of its
own stays an error, and GO104 reports the forwarding. When the tools do reach one of those, the
message names the first it found. When the server is built by a function
of another package of the program that returns the SDK's handler (alone or
with an error) and the serving package registers no tools, the tools are
those of the package that built it. The advice names the SDK in use: go-sdk
has auth.RequireBearerToken, mcp-go has no auth middleware of its own.`,
		Fix: "authenticate every request before it reaches the MCP server: go-sdk's auth.RequireBearerToken(verifier, opts) around the handler; with mcp-go, which has no auth middleware, your own around the server (an http.Handler) served with http.Handle instead of Start",
		Bad: `handler := mcp.NewStreamableHTTPHandler(func(*http.Request) *mcp.Server { return server }, nil)
http.Handle("/mcp", handler)
log.Fatal(http.ListenAndServe(":8080", nil))`,
		Good: `handler := mcp.NewStreamableHTTPHandler(func(*http.Request) *mcp.Server { return server }, nil)
http.Handle("/mcp", auth.RequireBearerToken(verifyToken, &auth.RequireBearerTokenOptions{
	ResourceMetadataURL: "https://mcp.example.com/.well-known/oauth-protected-resource",
	Scopes:              []string{"mcp:tools"},
})(handler))
log.Fatal(http.ListenAndServe(":8080", nil))`,
		Lang:      "go",
		Severity:  lint.SeverityError,
		Grades:    "A level lower for each of: tools that reach nothing destructive or costly and read no database, a loopback listen address; a note in example or test code, and when its HTTP context function puts each request's credential header into the context and its API client sends it upstream (it authenticates by forwarding), unless the client sends a credential of the server's own when the request brought none (token = flag.Token: an anonymous caller then acts as the operator). A note when every listen call of the server's package is a Unix socket by default, a level lower when they are all loopback addresses, followed across the module (flag and configuration defaults, a constructor's parameters). Across the module (apiaudit scan): a note when no program of the module builds the server, that is when the function that holds the finding is called by no main package outside tests (followed through calls, method values and the types reached code names) and code outside the module cannot call it (its package is under internal/ or main, or no exported function of an importable package leads to it); the message names the function.",
		Precision: "medium",
		CWE:       []int{306},
		OWASP:     []string{"API2:2023", "LLM06:2025"},
		Since:     "v0.1.0",
	},
}

// Analyzer is the rule's check; its name is the rule's ID.
var Analyzer = &analysis.Analyzer{
	Name:     "GO102",
	Doc:      "reports MCP servers served over HTTP without authentication",
	URL:      Rule.HelpURI(),
	Requires: []*analysis.Analyzer{inspect.Analyzer, authn.Analyzer, toolreach.Analyzer, ctxcred.Analyzer},
	Run:      run,
}

func init() { Rule.Analyzer = Analyzer }

func run(pass *analysis.Pass) (any, error) {
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	var g *authn.Guard
	for cur := range ins.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		// the SDK's constructor, or a function of another package of the
		// program that returns the SDK's handler (a wrapper whose result
		// is served here)
		transport, fn, ok := goapi.MCPHandlerOf(pass.TypesInfo, call, pass.Pkg)
		var own *types.Func // the program's own HTTP handler that passes messages to the server
		if !ok {
			if _, fn, ok = messageEntries.Call(pass.TypesInfo, call); !ok || strings.HasPrefix(pass.Pkg.Path(), "github.com/mark3labs/mcp-go/") {
				continue // the SDK's own transports are not the program's
			}
			if own = ownHandler(pass, cur); own == nil {
				continue
			}
			transport = "HTTP"
		}
		wrapper := ""
		if _, _, sdk := goapi.MCPHTTPHandlers.Call(pass.TypesInfo, call); !sdk && own == nil {
			wrapper = fn.Pkg().Name() + "." + fn.Name()
		}
		if g == nil {
			g = authn.NewGuard(pass, pass.ResultOf[authn.Analyzer].(*authn.Result))
		}
		if own != nil {
			if !ownHandlerOpen(pass, ins, g, own) {
				continue
			}
		} else if !Unauthenticated(pass, g, call) {
			continue
		}
		grade := goapi.NewGrade(goapi.Error)
		var reaches string
		tools := newToolReach(pass, fn)
		caps, via, known := tools.caps()
		switch {
		case caps&goapi.Sensitive != 0:
			first, rest := splitFirst(caps & goapi.Sensitive)
			reaches = fmt.Sprintf(", and its tools reach %s (%s)", first, via)
			// Secrets handed out beside a change are worth naming too.
			if rest |= caps & goapi.SecretRead; rest != 0 {
				reaches += ", " + rest.String()
			}
		case caps&goapi.Reads != 0:
			// Reads with the server's own credentials, handed to anyone.
			reaches = fmt.Sprintf(", and its tools reach %s (%s)", caps&goapi.Reads, tools.readVia())
		case known:
			grade.Lower(fmt.Sprintf("its %s reach no command execution, file or database write, mutating request, model call or database read", plural(tools.count(), "tool")))
		}
		if why := forwardsCaller(pass, cur, caps); why != "" {
			grade.LowerTo(goapi.Note, why)
		}
		grade.LowerPlace(goapi.PlacePath(pass))
		if addr, ok := listenAddr(pass, cur); ok {
			grade.Lower("it listens on " + addr + ", reachable from this machine only")
		}
		built := fn.Pkg().Name() + "." + fn.Name()
		if wrapper != "" {
			built = "built by " + wrapper
		}
		how := advice(fn, wrapper != "")
		if own != nil {
			built = own.Name() + " passes each request body to " + recvName(fn) + "." + fn.Name()
			how = "check a credential in " + own.Name() + " before the body reaches " + fn.Name() +
				", or wrap the handler in auth middleware where it is registered"
		}
		grade.Report(pass, analysis.Diagnostic{Pos: call.Pos(), End: call.End(),
			Message: fmt.Sprintf("MCP server over %s (%s) is served with no authentication%s: %s",
				transport, built, reaches, how)})
	}
	return nil, nil
}

// Unauthenticated reports whether GO102 reports the MCP server that call
// (an MCPHTTPHandlers constructor) builds: nothing on the way checks
// credentials. Other rules that look at the same server use it to keep
// one finding per element.
func Unauthenticated(pass *analysis.Pass, g *authn.Guard, call *ast.CallExpr) bool {
	return g.Value(call) == authn.Open && !factoryAuthenticates(pass, call)
}

// messageEntries are the methods of an MCP SDK that take one JSON-RPC
// message from a transport the program writes itself: an HTTP handler
// that passes the request body to one serves the server over HTTP as
// surely as the SDK's own handler does.
var messageEntries = goapi.Set(true, "(*github.com/mark3labs/mcp-go/server.MCPServer).HandleMessage")

// ownHandler is the function around cur when it is an HTTP handler of the
// program's own (it takes an http.ResponseWriter and an *http.Request), or
// nil.
func ownHandler(pass *analysis.Pass, cur inspector.Cursor) *types.Func {
	for c := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		fd := c.Node().(*ast.FuncDecl)
		fn, _ := pass.TypesInfo.Defs[fd.Name].(*types.Func)
		if fn == nil {
			return nil
		}
		params := fn.Signature().Params()
		w, r := false, false
		for v := range params.Variables() {
			w = w || goapi.IsType(v.Type(), "net/http", "ResponseWriter")
			if p, ok := v.Type().(*types.Pointer); ok {
				r = r || goapi.IsType(p.Elem(), "net/http", "Request")
			}
		}
		if w && r {
			return fn
		}
	}
	return nil
}

// ownHandlerOpen reports whether the handler fn checks no credential
// itself and is served, where the package registers it, with nothing on
// the way that does (authn.Guard: a route of a router, or a handler
// wrapped and served).
func ownHandlerOpen(pass *analysis.Pass, ins *inspector.Inspector, g *authn.Guard, fn *types.Func) bool {
	res := pass.ResultOf[authn.Analyzer].(*authn.Result)
	if res.Func(fn)&authn.Checks != 0 {
		return false
	}
	state := authn.None
	for c := range ins.Root().Preorder((*ast.Ident)(nil)) {
		id := c.Node().(*ast.Ident)
		if pass.TypesInfo.Uses[id] != fn {
			continue
		}
		var e ast.Expr = id
		if sel, ok := c.Parent().Node().(*ast.SelectorExpr); ok && sel.Sel == id {
			e = sel // s.handle: the method value is what is served
		}
		state = max(state, g.Value(e))
	}
	return state == authn.Open
}

// recvName is the name of fn's receiver type, or its package's name.
func recvName(fn *types.Func) string {
	if recv := fn.Signature().Recv(); recv != nil {
		if name := goapi.TypeName(recv.Type()); name != "" {
			return name
		}
	}
	return fn.Pkg().Name()
}

// ownRights are what a tool does with the server's own rights whatever
// credential the request brings: commands, files, its database, its
// Kubernetes credentials.
const ownRights = goapi.Exec | goapi.FileWrite | goapi.FileDelete | goapi.SQLWrite | goapi.SQLRead | goapi.ClusterWrite | goapi.SecretRead

// contextFuncOptions are mcp-go's options that give the server a function
// from the incoming HTTP request to the context its tools run with.
var contextFuncOptions = goapi.Set(true,
	"github.com/mark3labs/mcp-go/server.WithHTTPContextFunc",
	"github.com/mark3labs/mcp-go/server.WithSSEContextFunc")

// forwardsCaller says why the server that the call at cur builds acts
// only with the credential each request brings, or "": a context function
// given to the server (mcp-go's WithHTTPContextFunc, in the function that
// builds it) puts a credential header of the request into the context,
// directly, through a combinator of context functions or in a literal,
// and the program reads the value back under the same key and sets it on
// an outgoing request as that request's credential (the API client the
// tools call the upstream with). The upstream checks each caller's own
// credential, and a caller without one gets nothing done. Tools seen to
// run commands, write files or use a database act with the server's own
// rights, whatever credential the request brings: not such a server.
func forwardsCaller(pass *analysis.Pass, cur inspector.Cursor, caps goapi.Capability) string {
	if caps&ownRights != 0 {
		return ""
	}
	res := pass.ResultOf[ctxcred.Analyzer].(*ctxcred.Result)
	var scope ast.Node
	for c := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		scope = c.Node()
		break
	}
	if scope == nil {
		return ""
	}
	why, fallback := "", false
	ast.Inspect(scope, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || why != "" || fallback {
			return why == "" && !fallback
		}
		if _, _, opt := contextFuncOptions.Call(pass.TypesInfo, call); !opt || len(call.Args) != 1 {
			return true
		}
		arg := call.Args[0]
		try := func(key, header, put string) {
			if why != "" || fallback {
				return
			}
			if _, ok := res.FallbackKey(key); ok {
				// token = flag.Token when the caller sent none: a caller
				// without a credential acts with the server's.
				fallback = true
				return
			}
			if s, ok := res.SentKey(key); ok {
				via := ""
				if s.Via != "" {
					via = ", read back by " + s.Via
				}
				why = fmt.Sprintf("its tools act with the credential each request brings: %s puts the request's %s into the context, and %s sends it upstream as the %s of the tools' requests%s, so the upstream checks each caller's own credential and the server holds none for an anonymous caller to use",
					put, ctxcred.HeaderName(header), relPos(s.At), ctxcred.HeaderName(s.Header), via)
			}
		}
		for _, p := range res.Puts {
			if arg.Pos() <= p.Pos && p.Pos < arg.End() {
				try(p.Key, p.Header, "the context function")
			}
		}
		ast.Inspect(arg, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				if fn, ok := pass.TypesInfo.Uses[id].(*types.Func); ok {
					if f := res.Of(fn); f != nil && f.PutKey != "" {
						try(f.PutKey, f.PutHeader, fn.Pkg().Name()+"."+fn.Name())
					}
				}
			}
			return why == ""
		})
		return why == ""
	})
	return why
}

// relPos is a "file:line" of the scan with the file's base name and its
// directory, enough to find it in a message.
func relPos(at string) string {
	file, line, _ := strings.Cut(at, ":")
	dir, base := filepath.Split(file)
	if d := filepath.Base(filepath.Clean(dir)); dir != "" && d != "." && d != string(filepath.Separator) {
		base = d + "/" + base
	}
	return base + ":" + line
}

// factoryAuthenticates reports whether a go-sdk handler's getServer
// function (its first argument, a function literal) reads a credential
// from the request and returns no server on some path: go-sdk then
// answers the request with an error, so the function is the server's
// authentication (gitlab-mcp-server builds one server per token and
// returns nil without one).
func factoryAuthenticates(pass *analysis.Pass, call *ast.CallExpr) bool {
	if len(call.Args) == 0 {
		return false
	}
	lit, ok := ast.Unparen(call.Args[0]).(*ast.FuncLit)
	if !ok {
		return false
	}
	res := pass.ResultOf[authn.Analyzer].(*authn.Result)
	if res.Node(lit.Body)&(authn.Reads|authn.Checks) == 0 {
		return false
	}
	rejects := false
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if len(n.Results) == 1 {
				if tv, ok := pass.TypesInfo.Types[n.Results[0]]; ok && tv.IsNil() {
					rejects = true
				}
			}
		}
		return !rejects
	})
	return rejects
}

// advice is how to authenticate a server of the SDK that fn belongs to,
// in that SDK's own terms.
func advice(fn *types.Func, wrapper bool) string {
	if wrapper {
		// the SDK is the package of the handler type the wrapper returns
		rt := fn.Signature().Results().At(0).Type()
		if p, ok := rt.(*types.Pointer); ok {
			rt = p.Elem()
		}
		if n, ok := types.Unalias(rt).(*types.Named); ok && n.Obj().Pkg() != nil &&
			strings.HasPrefix(n.Obj().Pkg().Path(), "github.com/mark3labs/mcp-go") {
			return "mcp-go has no auth middleware of its own; serve the " + n.Obj().Name() + " that " + fn.Name() +
				" returns (an http.Handler) through one that checks a bearer token, with http.Handle or your router, instead of its Start method"
		}
		return "wrap the handler " + fn.Name() + " returns in auth.RequireBearerToken (github.com/modelcontextprotocol/go-sdk/auth) or your own auth middleware"
	}
	if strings.HasPrefix(fn.Pkg().Path(), "github.com/mark3labs/mcp-go") {
		return "mcp-go has no auth middleware of its own; serve the " + strings.TrimPrefix(fn.Name(), "New") +
			" (an http.Handler) through one that checks a bearer token, with http.Handle or your router, instead of its Start method"
	}
	return "wrap the handler in auth.RequireBearerToken (github.com/modelcontextprotocol/go-sdk/auth) or your own auth middleware"
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// listenAddr is the address the function around cur serves on, when every
// serve call in it names a constant loopback address (goapi.LoopbackListen).
func listenAddr(pass *analysis.Pass, cur inspector.Cursor) (string, bool) {
	for c := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		return goapi.LoopbackListen(pass.TypesInfo, c.Node())
	}
	return "", false
}

// toolReach is what the tools of the server can do: those registered in
// the package, or, when the package registers none and the server is
// built by a function of another package of the program, that package's
// (toolreach facts).
type toolReach struct {
	t *toolreach.Tools
}

func newToolReach(pass *analysis.Pass, fn *types.Func) *toolReach {
	res := pass.ResultOf[toolreach.Analyzer].(*toolreach.Result)
	t := res.Local
	if t == nil && fn.Pkg() != pass.Pkg {
		t = res.Of(fn.Pkg())
	}
	return &toolReach{t: t}
}

// caps is the union of what the tools' handlers reach, how the first
// tool that reaches the most serious one does, and whether every handler
// could be seen. A package that registers no tools of its own is not
// known: its server may get them from another package.
func (t *toolReach) caps() (goapi.Capability, string, bool) {
	if t.t == nil {
		return 0, "", false
	}
	first, _ := splitFirst(t.t.Caps & goapi.Sensitive)
	return t.t.Caps, t.t.Why(first), t.t.Known
}

// readVia is how the first tool that reads with the server's credentials
// does, for the first kind of read.
func (t *toolReach) readVia() string {
	if t.t == nil {
		return ""
	}
	first, _ := splitFirst(t.t.Caps & goapi.Reads)
	return t.t.Why(first)
}

func (t *toolReach) count() int {
	if t.t == nil {
		return 0
	}
	return t.t.N
}

// splitFirst splits c into its most serious capability and the rest.
func splitFirst(c goapi.Capability) (first, rest goapi.Capability) {
	each := c.Each()
	if len(each) == 0 {
		return 0, 0
	}
	return each[0], c &^ each[0]
}
