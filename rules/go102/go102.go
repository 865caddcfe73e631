// Package go102 defines rule GO102: an MCP server served over HTTP with no
// authentication in front of it.
package go102

import (
	"go/ast"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/apiaudit/apiaudit/pkg/goapi"
	"github.com/apiaudit/apiaudit/pkg/goapi/authn"
	"github.com/apiaudit/apiaudit/pkg/lint"
)

var Rule = &lint.Rule{
	ID:   "GO102",
	Name: "mcp-http-unauthenticated",
	Doc: lint.Doc{
		Title: "MCP server is served over HTTP without authentication",
		Summary: "An MCP server built with mcp.NewStreamableHTTPHandler or mcp.NewSSEHandler (go-sdk), or " +
			"server.NewStreamableHTTPServer or server.NewSSEServer (mcp-go), is served or mounted with no " +
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
http.Server, mcp-go's Start) and reports when nothing on the way checks
credentials: auth.RequireBearerToken, a framework auth middleware, or your
own middleware that reads a credential and answers 401 or 403 (see GO101 for
what counts, and its auth-middleware option). It stays silent when the
handler goes somewhere it cannot follow, such as a function in another
package. It cannot see authentication done by a proxy in front of the
server, and it does not judge how good the token verifier is.`,
		Fix: "wrap the MCP handler in auth.RequireBearerToken(verifier, opts) (or your auth middleware) before serving it",
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
		Precision: "high",
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
	Requires: []*analysis.Analyzer{inspect.Analyzer, authn.Analyzer},
	Run:      run,
}

func init() { Rule.Analyzer = Analyzer }

func run(pass *analysis.Pass) (any, error) {
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	var g *authn.Guard
	for n := range ins.PreorderSeq((*ast.CallExpr)(nil)) {
		call := n.(*ast.CallExpr)
		transport, fn, ok := goapi.MCPHTTPHandlers.Call(pass.TypesInfo, call)
		if !ok {
			continue
		}
		if g == nil {
			g = authn.NewGuard(pass, pass.ResultOf[authn.Analyzer].(*authn.Result))
		}
		if g.Value(call) == authn.Open {
			pass.Reportf(call.Pos(), "MCP server over %s (%s.%s) is served with no authentication", transport, fn.Pkg().Name(), fn.Name())
		}
	}
	return nil, nil
}
