// Package go103 defines rule GO103: an MCP server over HTTP with its
// DNS-rebinding or cross-origin protection switched off.
package go103

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/apiaudit/apiaudit/pkg/goapi"
	"github.com/apiaudit/apiaudit/pkg/goapi/authn"
	"github.com/apiaudit/apiaudit/pkg/lint"
)

var Rule = &lint.Rule{
	ID:   "GO103",
	Name: "mcp-origin-protection-disabled",
	Doc: lint.Doc{
		Title: "MCP server's localhost or origin protection is switched off",
		Summary: "An MCP HTTP server sets DisableLocalhostProtection (go-sdk StreamableHTTPOptions or " +
			"SSEOptions), calls server.WithDisableLocalhostProtection(true) or " +
			"WithSSEDisableLocalhostProtection(true) (mcp-go), or allows every origin with " +
			"server.WithCORSAllowedOrigins(\"*\").",
		Why: `MCP servers often run on a developer's machine, bound to localhost and with
no authentication, on the assumption that only local programs can reach
them. A web page the developer visits can break that assumption: with DNS
rebinding it points its own domain at 127.0.0.1, and the browser then sends
the page's requests to the local server as if they were same-origin. The
page can list and call the server's tools: read files, run commands, use
the tokens the server holds. Both Go SDKs defend against this by default,
rejecting requests to a loopback address whose Host header is not a
loopback name. Turning that off, or answering every origin with CORS
headers, opens the server to any site in the user's browser.

The rule reports the switch itself: DisableLocalhostProtection: true in a
go-sdk options literal or assignment, mcp-go's options with a constant true,
and "*" among mcp-go's allowed CORS origins. It does not know whether the
server is actually bound to loopback, and it does not look at CORS set up by
other middleware.`,
		Fix: "leave localhost protection on and list the exact origins that may call the server",
		Bad: `handler := mcp.NewStreamableHTTPHandler(getServer, &mcp.StreamableHTTPOptions{
	DisableLocalhostProtection: true,
})`,
		Good:      `handler := mcp.NewStreamableHTTPHandler(getServer, &mcp.StreamableHTTPOptions{})`,
		Lang:      "go",
		Severity:  lint.SeverityWarning,
		Grades:    "A note in example code or test scaffolding (examples/, _examples, demo, conformance, test/, testkit, a package named like oauthtest), when the MCP server is served behind authentication (a rebinding page cannot call its tools without a credential), and when it is served behind a middleware of the program's own that reads the request's Host and rejects other hosts (the same protection, done by the program).",
		Precision: "low",
		CWE:       []int{346, 350},
		OWASP:     []string{"API8:2023", "LLM06:2025"},
		Since:     "v0.1.0",
	},
}

// Analyzer is the rule's check; its name is the rule's ID.
var Analyzer = &analysis.Analyzer{
	Name:     "GO103",
	Doc:      "reports MCP HTTP servers with DNS-rebinding or origin protection switched off",
	URL:      Rule.HelpURI(),
	Requires: []*analysis.Analyzer{inspect.Analyzer, authn.Analyzer},
	Run:      run,
}

func init() { Rule.Analyzer = Analyzer }

const goSDK = "github.com/modelcontextprotocol/go-sdk/mcp"

var (
	disableOptions = goapi.Set(true,
		"github.com/mark3labs/mcp-go/server.WithDisableLocalhostProtection",
		"github.com/mark3labs/mcp-go/server.WithSSEDisableLocalhostProtection")
	corsOrigins = goapi.MustFunc("github.com/mark3labs/mcp-go/server.WithCORSAllowedOrigins")
)

func run(pass *analysis.Pass) (any, error) {
	info := pass.TypesInfo
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	var g, hg *authn.Guard
	report := func(at ast.Node, format string, args ...any) {
		grade := goapi.PlaceGrade(pass, goapi.Warning)
		if server := servedBy(pass, ins, at); server != nil {
			res := pass.ResultOf[authn.Analyzer].(*authn.Result)
			if g == nil {
				g, hg = authn.NewGuard(pass, res), authn.NewHostGuard(pass, res)
			}
			if hg.Value(server) == authn.Protected {
				grade.Lower("the server is served behind a middleware of the program's own that checks the Host header and rejects other hosts, in place of the SDK's check")
			} else if g.Value(server) == authn.Protected {
				grade.Lower("the server is served behind authentication, so a page that rebinds its DNS cannot call the tools without a credential")
			}
		}
		grade.Report(pass, analysis.Diagnostic{Pos: at.Pos(), Message: fmt.Sprintf(format, args...)})
	}
	for n := range ins.PreorderSeq((*ast.CompositeLit)(nil), (*ast.AssignStmt)(nil), (*ast.CallExpr)(nil)) {
		switch n := n.(type) {
		case *ast.CompositeLit:
			t := info.TypeOf(n)
			if !goapi.IsType(t, goSDK, "StreamableHTTPOptions") && !goapi.IsType(t, goSDK, "SSEOptions") {
				continue
			}
			for _, elt := range n.Elts {
				if kv, ok := elt.(*ast.KeyValueExpr); ok {
					if id, ok := kv.Key.(*ast.Ident); ok && id.Name == "DisableLocalhostProtection" && isTrue(info, kv.Value) {
						report(kv, "DisableLocalhostProtection turns off the MCP server's DNS-rebinding protection")
					}
				}
			}
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				sel, ok := lhs.(*ast.SelectorExpr)
				if !ok || sel.Sel.Name != "DisableLocalhostProtection" || i >= len(n.Rhs) || !isTrue(info, n.Rhs[i]) {
					continue
				}
				if t := info.TypeOf(sel.X); goapi.IsType(t, goSDK, "StreamableHTTPOptions") || goapi.IsType(t, goSDK, "SSEOptions") {
					report(n, "DisableLocalhostProtection turns off the MCP server's DNS-rebinding protection")
				}
			}
		case *ast.CallExpr:
			fn := goapi.Callee(info, n)
			if fn == nil {
				continue
			}
			switch name := goapi.Of(fn); {
			case disableOptions[name]:
				if len(n.Args) == 1 && isTrue(info, n.Args[0]) {
					report(n, "server.%s(true) turns off the MCP server's DNS-rebinding protection", fn.Name())
				}
			case name == corsOrigins:
				for _, a := range n.Args {
					if goapi.ConstString(info, a) == "*" {
						report(a, "server.WithCORSAllowedOrigins(\"*\") lets any web page call the MCP server")
					}
				}
			}
		}
	}
	return nil, nil
}

// servedBy is the MCP HTTP handler constructor call (mcp.NewStreamableHTTPHandler,
// server.NewStreamableHTTPServer...) that the option or options literal at
// n is an argument of, directly or through &, or nil.
func servedBy(pass *analysis.Pass, ins *inspector.Inspector, n ast.Node) *ast.CallExpr {
	cur, ok := ins.Root().FindNode(n)
	if !ok {
		return nil
	}
	for range 4 {
		cur = cur.Parent()
		call, ok := cur.Node().(*ast.CallExpr)
		if !ok {
			continue
		}
		if _, _, ok := goapi.MCPHTTPHandlers.Call(pass.TypesInfo, call); ok {
			return call
		}
		return nil
	}
	return nil
}

func isTrue(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.Value != nil && tv.Value.Kind() == constant.Bool && constant.BoolVal(tv.Value)
}
