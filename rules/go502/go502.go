// Package go502 defines rule GO502: TLS certificate verification switched
// off for the HTTP client that talks to a model provider or an MCP server.
package go502

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"path/filepath"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/apiaudit/apiaudit/pkg/goapi"
	"github.com/apiaudit/apiaudit/pkg/goapi/reach"
	"github.com/apiaudit/apiaudit/pkg/lint"
)

var Rule = &lint.Rule{
	ID:   "GO502",
	Name: "model-client-tls-verification-disabled",
	Doc: lint.Doc{
		Title: "TLS verification disabled for a model or MCP client",
		Summary: "A tls.Config with InsecureSkipVerify set to true ends up in the HTTP client given to an LLM " +
			"SDK or an MCP client (option.WithHTTPClient, go-openai and genai ClientConfig.HTTPClient, ollama " +
			"api.NewClient, mcp-go and go-sdk client transports); or InsecureSkipVerify is set in a package " +
			"that calls a model or builds such a client.",
		Why: `With InsecureSkipVerify the client accepts any certificate, so anyone on the
network path (a Wi-Fi hotspot, a compromised proxy, a poisoned DNS answer)
can pose as the provider. For a model client that means reading the API key
from the Authorization header, reading every prompt (with whatever customer
data it carries), and, worse, writing the answers: forged tool calls and
instructions go straight into an agent that acts on them. For an MCP client
the attacker chooses the tools and their results.

The rule follows the tls.Config through the package, without regard to
order: a composite literal or a later ` + "`cfg.InsecureSkipVerify = true`" + `, into
an ` + "`http.Transport`" + ` (literal or ` + "`tr.TLSClientConfig = cfg`" + `), into an
` + "`http.Client`" + `, through variables, package-level variables and functions of
the package that return it, to where the client is handed to the SDK:
openai-go and anthropic-sdk-go ` + "`option.WithHTTPClient`" + `, go-openai
` + "`ClientConfig.HTTPClient`" + `, genai ` + "`ClientConfig.HTTPClient`" + `, ollama
` + "`api.NewClient(base, client)`" + `, mcp-go ` + "`transport.WithHTTPBasicClient`" + ` and
` + "`WithHTTPClient`" + `, go-sdk ` + "`StreamableClientTransport`" + ` and ` + "`SSEClientTransport`" + `
` + "`HTTPClient`" + `. That is an error, reported where the client is handed over,
with the place where verification was switched off as the first step.

Any other InsecureSkipVerify: true in a package that calls a model (directly
or through functions of other packages) or builds one of those clients is
reported as a warning where it is set, since the same client may well be
used for the model. A package with no model or MCP client is left alone:
gosec's G402 already reports every InsecureSkipVerify, and this rule only
adds what G402 cannot say, that the connection carries prompts, keys and
tool calls. Teams that run both will see G402 and GO502 on the same line
in a model package; suppress G402 there or keep both, they carry different
advice.

A setting that only an opt-in switch turns on is one level lower (an error
becomes a warning, a warning a note), and the message names the switch: an
if statement around it that reads a command-line flag, an environment
variable (os.Getenv, os.LookupEnv), or a boolean parameter, field or
package variable named like one (skipVerify, Insecure, InsecureTLS). Code in
examples/, demo, conformance or test scaffolding is one level lower too.
Such switches are still worth a look: make sure the flag is documented as
unsafe and never defaults to on.`,
		Fix: "remove InsecureSkipVerify; to trust a private CA or a local proxy, add its certificate to tls.Config.RootCAs",
		Bad: `tr := &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}
client := openai.NewClient(option.WithHTTPClient(&http.Client{Transport: tr}))`,
		Good: `pool, err := x509.SystemCertPool()
if err != nil {
	return err
}
pool.AppendCertsFromPEM(proxyCA) // the corporate proxy's CA, if there is one
tr := &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}
client := openai.NewClient(option.WithHTTPClient(&http.Client{Transport: tr}))`,
		Lang:      "go",
		Severity:  lint.SeverityError,
		Grades:    "A warning where the setting is not seen reaching a model or MCP client; a note when only an opt-in flag, environment variable or option turns it on, or in example or test code.",
		Precision: "medium",
		CWE:       []int{295},
		OWASP:     []string{"API8:2023", "LLM03:2025"},
		Since:     "v0.1.0",
	},
}

// Analyzer is the rule's check; its name is the rule's ID.
var Analyzer = &analysis.Analyzer{
	Name:     "GO502",
	Doc:      "reports TLS verification switched off for HTTP clients handed to LLM SDKs or MCP clients",
	URL:      Rule.HelpURI(),
	Requires: []*analysis.Analyzer{inspect.Analyzer, reach.Analyzer},
	Run:      run,
}

func init() { Rule.Analyzer = Analyzer }

// clientArgs are the functions that take the HTTP client an SDK uses, with
// the index of that argument.
var clientArgs = goapi.Table[int]{}.Merge(
	goapi.Set(0,
		"github.com/openai/openai-go/option.WithHTTPClient",
		"github.com/anthropics/anthropic-sdk-go/option.WithHTTPClient",
		"github.com/mark3labs/mcp-go/client/transport.WithHTTPBasicClient",
		"github.com/mark3labs/mcp-go/client/transport.WithHTTPClient",
		"github.com/mark3labs/mcp-go/client.WithHTTPClient"),
	goapi.Set(1, "github.com/ollama/ollama/api.NewClient"),
)

// clientFields are struct fields that hold the HTTP client of an SDK:
// package, type, field.
var clientFields = [][3]string{
	{"github.com/sashabaranov/go-openai", "ClientConfig", "HTTPClient"},
	{"google.golang.org/genai", "ClientConfig", "HTTPClient"},
	{"github.com/modelcontextprotocol/go-sdk/mcp", "StreamableClientTransport", "HTTPClient"},
	{"github.com/modelcontextprotocol/go-sdk/mcp", "SSEClientTransport", "HTTPClient"},
}

// modelClients are constructors of model and MCP clients: a package that
// calls one is "a package that talks to a model".
var modelClients = goapi.Set(true,
	"github.com/openai/openai-go.NewClient",
	"github.com/anthropics/anthropic-sdk-go.NewClient",
	"github.com/sashabaranov/go-openai.NewClient",
	"github.com/sashabaranov/go-openai.NewClientWithConfig",
	"google.golang.org/genai.NewClient",
	"github.com/ollama/ollama/api.NewClient",
	"github.com/ollama/ollama/api.ClientFromEnvironment",
	"github.com/mark3labs/mcp-go/client.NewStreamableHttpClient",
	"github.com/mark3labs/mcp-go/client.NewSSEMCPClient",
	"github.com/modelcontextprotocol/go-sdk/mcp.NewClient",
)

func init() {
	for f := range clientArgs {
		modelClients[f] = true
	}
}

type state struct {
	pass *analysis.Pass
	// origin maps variables and functions that hold or return an insecure
	// TLS setting to where verification was switched off.
	origin map[types.Object]token.Pos
	// settings are the places where InsecureSkipVerify is set to true.
	settings []token.Pos
	// gates says, for a setting that only an opt-in flag, environment
	// variable or option turns on, which one ("the --insecure flag").
	gates map[token.Pos]string
}

// gate records what switches the setting at pos on, when it is opt-in.
func (s *state) gate(cur inspector.Cursor, pos token.Pos) {
	for c := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		if why := goapi.Gate(s.pass.TypesInfo, c.Node(), pos, nil); why != "" {
			s.gates[pos] = why
		}
		return
	}
}

// grade is the severity of a finding about the setting at pos: lower when
// only an opt-in switch turns it on, or in example or test code.
func (s *state) grade(start goapi.Level, pos token.Pos) *goapi.Grade {
	g := goapi.NewGrade(goapi.Error).StartAt(start)
	if why := s.gates[pos]; why != "" {
		g.LowerTo(goapi.Note, "verification is off only when "+why+" asks for it")
	}
	g.LowerPlace(goapi.PlacePath(s.pass))
	return g
}

func run(pass *analysis.Pass) (any, error) {
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	s := &state{pass: pass, origin: map[types.Object]token.Pos{}, gates: map[token.Pos]string{}}

	// The settings themselves.
	for cur := range ins.Root().Preorder((*ast.KeyValueExpr)(nil), (*ast.AssignStmt)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.KeyValueExpr:
			if lit, ok := cur.Parent().Node().(*ast.CompositeLit); ok && isInsecureField(pass, lit, n) {
				s.settings = append(s.settings, n.Pos())
				s.gate(cur, n.Pos())
			}
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				if i < len(n.Rhs) && isSkipVerifyField(pass, lhs) && isTrue(pass, n.Rhs[i]) {
					s.settings = append(s.settings, lhs.Pos())
					s.gate(cur, lhs.Pos())
				}
			}
		}
	}
	if len(s.settings) == 0 {
		return nil, nil
	}

	// Follow them through assignments and returns to a fixed point.
	for changed := true; changed; {
		changed = false
		mark := func(obj types.Object, pos token.Pos) {
			if obj != nil && pos.IsValid() {
				if _, seen := s.origin[obj]; !seen {
					s.origin[obj] = pos
					changed = true
				}
			}
		}
		for cur := range ins.Root().Preorder((*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.ReturnStmt)(nil)) {
			switch n := cur.Node().(type) {
			case *ast.AssignStmt:
				for i, lhs := range n.Lhs {
					if isSkipVerifyField(pass, lhs) && i < len(n.Rhs) && isTrue(pass, n.Rhs[i]) {
						mark(root(pass, lhs), lhs.Pos())
					} else if len(n.Lhs) == len(n.Rhs) {
						mark(root(pass, lhs), s.insecure(n.Rhs[i]))
					}
				}
			case *ast.ValueSpec:
				for i, name := range n.Names {
					if i < len(n.Values) {
						mark(pass.TypesInfo.Defs[name], s.insecure(n.Values[i]))
					}
				}
			case *ast.ReturnStmt:
				if fn := enclosingFunc(pass, cur); fn != nil {
					for _, r := range n.Results {
						mark(fn, s.insecure(r))
					}
				}
			}
		}
	}

	// Clients handed to an SDK.
	used := map[token.Pos]bool{}
	report := func(e ast.Expr, what string) {
		if pos := s.insecure(e); pos.IsValid() {
			used[pos] = true
			p := pass.Fset.Position(pos)
			s.grade(goapi.Error, pos).Report(pass, analysis.Diagnostic{
				Pos: e.Pos(),
				End: e.End(),
				Message: fmt.Sprintf("the http client given to %s skips TLS certificate verification (InsecureSkipVerify set at %s:%d)",
					what, filepath.Base(p.Filename), p.Line),
				Related: []analysis.RelatedInformation{
					{Pos: pos, Message: "TLS certificate verification switched off here"},
					{Pos: e.Pos(), Message: "client handed to " + what + " here"},
				},
			})
		}
	}
	for cur := range ins.Root().Preorder((*ast.CallExpr)(nil), (*ast.CompositeLit)(nil), (*ast.AssignStmt)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.CallExpr:
			if i, fn, ok := clientArgs.Call(pass.TypesInfo, n); ok && i < len(n.Args) {
				report(n.Args[i], shortName(fn))
			}
		case *ast.CompositeLit:
			t := pass.TypesInfo.TypeOf(n)
			for _, el := range n.Elts {
				if kv, ok := el.(*ast.KeyValueExpr); ok {
					if what := clientField(t, kv.Key); what != "" {
						report(kv.Value, what)
					}
				}
			}
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				if sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok && i < len(n.Rhs) && len(n.Lhs) == len(n.Rhs) {
					if what := clientField(pass.TypesInfo.TypeOf(sel.X), sel.Sel); what != "" {
						report(n.Rhs[i], what)
					}
				}
			}
		}
	}

	// Other settings, in a package that talks to a model.
	why := modelUse(pass, ins)
	if why == "" {
		return nil, nil
	}
	for _, pos := range s.settings {
		if !used[pos] {
			s.grade(goapi.Warning, pos).Report(pass, analysis.Diagnostic{
				Pos:     pos,
				Message: "InsecureSkipVerify switches off TLS certificate verification in a package that " + why,
			})
		}
	}
	return nil, nil
}

// insecure returns where verification was switched off for the value of
// e, or NoPos.
func (s *state) insecure(e ast.Expr) token.Pos {
	switch e := ast.Unparen(e).(type) {
	case *ast.UnaryExpr:
		if e.Op == token.AND {
			return s.insecure(e.X)
		}
	case *ast.StarExpr:
		return s.insecure(e.X)
	case *ast.CompositeLit:
		for _, el := range e.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				if isInsecureField(s.pass, e, kv) {
					return kv.Pos()
				}
				if pos := s.insecure(kv.Value); pos.IsValid() {
					return pos
				}
			}
		}
	case *ast.Ident:
		return s.origin[s.pass.TypesInfo.Uses[e]]
	case *ast.SelectorExpr:
		if obj, ok := s.pass.TypesInfo.Uses[e.Sel].(*types.Var); ok && !obj.IsField() {
			return s.origin[obj] // a package-level variable of another package
		}
		return s.insecure(e.X)
	case *ast.TypeAssertExpr:
		return s.insecure(e.X)
	case *ast.CallExpr:
		if fn := goapi.Callee(s.pass.TypesInfo, e); fn != nil {
			if pos, ok := s.origin[fn]; ok {
				return pos
			}
			if sel, ok := e.Fun.(*ast.SelectorExpr); ok && fn.Name() == "Clone" {
				return s.insecure(sel.X) // (*tls.Config).Clone, (*http.Transport).Clone
			}
		}
	}
	return token.NoPos
}

// isInsecureField reports whether kv, an element of lit, is
// InsecureSkipVerify: true in a tls.Config.
func isInsecureField(pass *analysis.Pass, lit *ast.CompositeLit, kv *ast.KeyValueExpr) bool {
	id, ok := kv.Key.(*ast.Ident)
	return ok && id.Name == "InsecureSkipVerify" && goapi.IsType(pass.TypesInfo.TypeOf(lit), "crypto/tls", "Config") && isTrue(pass, kv.Value)
}

// isSkipVerifyField reports whether e is x.InsecureSkipVerify of a
// tls.Config.
func isSkipVerifyField(pass *analysis.Pass, e ast.Expr) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	return ok && sel.Sel.Name == "InsecureSkipVerify" && goapi.IsType(pass.TypesInfo.TypeOf(sel.X), "crypto/tls", "Config")
}

func isTrue(pass *analysis.Pass, e ast.Expr) bool {
	tv, ok := pass.TypesInfo.Types[e]
	return ok && tv.Value != nil && tv.Value.Kind() == constant.Bool && constant.BoolVal(tv.Value)
}

// root is the variable a selector chain starts from: tr for
// tr.TLSClientConfig.InsecureSkipVerify, http.DefaultTransport for
// http.DefaultTransport.(*http.Transport).TLSClientConfig.
func root(pass *analysis.Pass, e ast.Expr) types.Object {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			if v, ok := pass.TypesInfo.ObjectOf(x).(*types.Var); ok {
				return v
			}
			return nil
		case *ast.SelectorExpr:
			if v, ok := pass.TypesInfo.Uses[x.Sel].(*types.Var); ok && !v.IsField() {
				return v
			}
			e = x.X
		case *ast.StarExpr:
			e = x.X
		case *ast.TypeAssertExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		default:
			return nil
		}
	}
}

// enclosingFunc is the named function a return statement belongs to; nil
// inside function literals.
func enclosingFunc(pass *analysis.Pass, cur inspector.Cursor) types.Object {
	for c := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		if fd, ok := c.Node().(*ast.FuncDecl); ok {
			return pass.TypesInfo.Defs[fd.Name]
		}
		return nil
	}
	return nil
}

// clientField names the SDK field key of a struct of type t when it holds
// the SDK's HTTP client; "" otherwise.
func clientField(t types.Type, key ast.Expr) string {
	id, ok := key.(*ast.Ident)
	if !ok {
		return ""
	}
	for _, f := range clientFields {
		if id.Name == f[2] && goapi.IsType(t, f[0], f[1]) {
			return filepath.Base(goapi.CanonPath(f[0])) + "." + f[1] + "." + f[2]
		}
	}
	return ""
}

func shortName(fn *types.Func) string {
	return fn.Pkg().Name() + "." + fn.Name()
}

// modelUse says why the package counts as talking to a model: it builds a
// model or MCP client, or reaches a model call; "" when it does neither.
func modelUse(pass *analysis.Pass, ins *inspector.Inspector) string {
	for n := range ins.PreorderSeq((*ast.CallExpr)(nil)) {
		if _, fn, ok := modelClients.Call(pass.TypesInfo, n.(*ast.CallExpr)); ok {
			return "builds a model or MCP client (" + shortName(fn) + ")"
		}
	}
	r := pass.ResultOf[reach.Analyzer].(*reach.Result)
	for _, f := range pass.Files {
		if fact := r.Node(f); fact != nil && fact.Caps&goapi.ModelCall != 0 {
			return "calls a model (" + fact.Why(goapi.ModelCall) + ")"
		}
	}
	return ""
}
