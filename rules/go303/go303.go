// Package go303 defines rule GO303: a destructive or remote tool set that
// never asks a human before it runs.
package go303

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/apiaudit/apiaudit/pkg/goapi"
	"github.com/apiaudit/apiaudit/pkg/goapi/agenttool"
	"github.com/apiaudit/apiaudit/pkg/goapi/reach"
	"github.com/apiaudit/apiaudit/pkg/lint"
)

var Rule = &lint.Rule{
	ID:   "GO303",
	Name: "destructive-tool-without-approval",
	Doc: lint.Doc{
		Title: "Destructive tool runs without human approval",
		Summary: "A model is given tools that run with no one asked first: an OpenAI remote MCP tool with " +
			"require_approval \"never\" and no allowed_tools, an Anthropic MCP server connected with no " +
			"allowed tools, or an ADK function tool whose handler changes state and that asks for no confirmation.",
		Why: `Asking a person before a consequential action is the control that still
works when the model has been talked into something. OpenAI's remote MCP
tool asks before each call unless ` + "`require_approval`" + ` says "never"; with no
` + "`allowed_tools`" + ` as well, every tool the server offers, today and after its
next release, runs on the model's word. Anthropic's MCP connector never
asks: the tools it may call are the ones ` + "`AllowedTools`" + ` lists (or that an
` + "`mcp_toolset`" + ` with ` + "`default_config.enabled: false`" + ` enables one by one). An ADK
` + "`functiontool`" + ` runs its handler directly unless ` + "`RequireConfirmation`" + ` or a
` + "`RequireConfirmationProvider`" + ` is set. A prompt injection in anything the model
reads can then delete, send or pay without anyone noticing (OWASP LLM06,
excessive agency).

Reported: a ` + "`responses.ToolMcpParam`" + ` whose ` + "`RequireApproval`" + ` is "never" and whose
` + "`AllowedTools`" + ` is unset; an ` + "`anthropic.BetaRequestMCPServerURLDefinitionParam`" + `
with no ` + "`ToolConfiguration.AllowedTools`" + `, unless it is disabled or an
` + "`anthropic.BetaMCPToolsetParam`" + ` for the same server turns its tools off by
default; and a ` + "`functiontool.New`" + ` whose Config sets neither confirmation
field while its handler reaches command execution, file writes or removal,
database writes, mutating HTTP requests or Kubernetes API changes (and does not call
` + "`ctx.RequestConfirmation`" + ` itself).`,
		Fix: "list the tools the model may call (allowed_tools) or require approval for the ones that change state",
		Bad: `responses.ToolUnionParam{OfMcp: &responses.ToolMcpParam{
	ServerLabel:     "github",
	ServerURL:       openai.String("https://api.githubcopilot.com/mcp/"),
	RequireApproval: responses.ToolMcpRequireApprovalUnionParam{OfMcpToolApprovalSetting: openai.String("never")},
}}`,
		Good: `responses.ToolUnionParam{OfMcp: &responses.ToolMcpParam{
	ServerLabel:     "github",
	ServerURL:       openai.String("https://api.githubcopilot.com/mcp/"),
	AllowedTools:    responses.ToolMcpAllowedToolsUnionParam{OfMcpAllowedTools: []string{"search_issues", "get_issue"}},
	RequireApproval: responses.ToolMcpRequireApprovalUnionParam{OfMcpToolApprovalSetting: openai.String("never")},
}}`,
		Lang:      "go",
		Severity:  lint.SeverityError,
		Grades:    "A note in example code or test scaffolding (examples/, _examples, demo, conformance, test/, testkit, a package named like oauthtest).",
		Precision: "high",
		CWE:       []int{862, 250},
		OWASP:     []string{"LLM06:2025"},
		Since:     "v0.1.0",
	},
}

// Analyzer is the rule's check; its name is the rule's ID.
var Analyzer = &analysis.Analyzer{
	Name:     "GO303",
	Doc:      "reports destructive or remote tools that run without human approval",
	URL:      Rule.HelpURI(),
	Requires: []*analysis.Analyzer{inspect.Analyzer, agenttool.Analyzer, reach.Analyzer},
	Run:      run,
}

func init() { Rule.Analyzer = Analyzer }

const (
	anthropicPkg = "github.com/anthropics/anthropic-sdk-go"
	responsesPkg = "github.com/openai/openai-go/responses"
)

func run(pass *analysis.Pass) (any, error) {
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	tools := pass.ResultOf[agenttool.Analyzer].(*agenttool.Result)
	reached := pass.ResultOf[reach.Analyzer].(*reach.Result)

	var servers []*ast.CompositeLit
	toolsetOff := map[string]bool{} // server name ("" = not a constant) → tools off by default
	for n := range ins.PreorderSeq((*ast.CompositeLit)(nil)) {
		lit := n.(*ast.CompositeLit)
		tv, ok := pass.TypesInfo.Types[lit]
		if !ok {
			continue
		}
		switch {
		case goapi.IsType(tv.Type, responsesPkg, "ToolMcpParam"):
			checkOpenAI(pass, tools.Values, lit)
		case goapi.IsType(tv.Type, anthropicPkg, "BetaRequestMCPServerURLDefinitionParam"):
			servers = append(servers, lit)
		case goapi.IsType(tv.Type, anthropicPkg, "BetaMCPToolsetParam"):
			if dc, ok := tools.Values.Resolve(goapi.Keyed(lit, "DefaultConfig")).(*ast.CompositeLit); ok && isFalse(pass, tools.Values, goapi.Keyed(dc, "Enabled")) {
				toolsetOff[goapi.ConstString(pass.TypesInfo, goapi.Keyed(lit, "MCPServerName"))] = true
			}
		}
	}
	for _, lit := range servers {
		checkAnthropic(pass, tools.Values, lit, toolsetOff)
	}

	for _, t := range tools.Tools {
		if t.SDK != agenttool.ADK || t.Def == nil || t.Confirmation || !t.HandlerKnown {
			continue
		}
		f := reached.Node(t.Handler)
		if f == nil || f.Caps&goapi.Destructive == 0 || asksItself(pass, tools.Values, t.Handler) {
			continue
		}
		caps := f.Caps & goapi.Destructive
		name := "a function tool"
		if t.Name != "" {
			name = `function tool "` + t.Name + `"`
		}
		goapi.Reportf(pass, goapi.Error, t.Pos(), "%s runs without confirmation but its handler reaches %s: %s", name, caps, f.Why(caps.Each()[0]))
	}
	return nil, nil
}

func checkOpenAI(pass *analysis.Pass, values *agenttool.Values, lit *ast.CompositeLit) {
	approval := goapi.Keyed(lit, "RequireApproval")
	if approval == nil || goapi.Keyed(lit, "AllowedTools") != nil || !says(pass, values, approval, "never") {
		return
	}
	label := goapi.ConstString(pass.TypesInfo, goapi.Keyed(lit, "ServerLabel"))
	goapi.Reportf(pass, goapi.Error, approval.Pos(), "MCP server %q never asks for approval and sets no AllowedTools: the model can call any of its tools unchecked", label)
}

func checkAnthropic(pass *analysis.Pass, values *agenttool.Values, lit *ast.CompositeLit, toolsetOff map[string]bool) {
	name := goapi.ConstString(pass.TypesInfo, goapi.Keyed(lit, "Name"))
	if toolsetOff[name] || toolsetOff[""] || name == "" && len(toolsetOff) > 0 {
		return
	}
	if tc := goapi.Keyed(lit, "ToolConfiguration"); tc != nil {
		cfg, ok := values.Resolve(tc).(*ast.CompositeLit)
		if !ok || goapi.Keyed(cfg, "AllowedTools") != nil || isFalse(pass, values, goapi.Keyed(cfg, "Enabled")) {
			return
		}
	}
	goapi.Reportf(pass, goapi.Error, lit.Pos(), "MCP server %q is connected with no AllowedTools: the model can call any of its tools and nothing asks first", name)
}

// says reports whether e, or a part of it, is the constant string s (as in
// openai.String("never") or the ...SettingNever constant).
func says(pass *analysis.Pass, values *agenttool.Values, e ast.Expr, s string) bool {
	found := false
	ast.Inspect(values.Resolve(e), func(n ast.Node) bool {
		if x, ok := n.(ast.Expr); ok && goapi.ConstString(pass.TypesInfo, x) == s {
			found = true
		}
		if id, ok := n.(*ast.Ident); ok && !found {
			if r := values.Resolve(id); r != id {
				found = says(pass, values, r, s)
			}
		}
		return !found
	})
	return found
}

// isFalse reports whether e is a false option: false, anthropic.Bool(false),
// param.NewOpt(false).
func isFalse(pass *analysis.Pass, values *agenttool.Values, e ast.Expr) bool {
	if e == nil {
		return false
	}
	e = values.Resolve(e)
	if call, ok := e.(*ast.CallExpr); ok && len(call.Args) == 1 {
		e = call.Args[0]
	}
	tv, ok := pass.TypesInfo.Types[e]
	return ok && tv.Value != nil && tv.Value.ExactString() == "false"
}

// asksItself reports whether a handler asks for confirmation on its own
// (ctx.RequestConfirmation in its body).
func asksItself(pass *analysis.Pass, values *agenttool.Values, h ast.Expr) bool {
	var body ast.Node
	switch h := h.(type) {
	case *ast.FuncLit:
		body = h.Body
	case *ast.Ident:
		fn, _ := pass.TypesInfo.Uses[h].(*types.Func)
		body = values.FuncBody(fn)
	case *ast.SelectorExpr:
		fn, _ := pass.TypesInfo.Uses[h.Sel].(*types.Func)
		body = values.FuncBody(fn)
	}
	if body == nil || body == (*ast.BlockStmt)(nil) {
		return false
	}
	asks := false
	ast.Inspect(body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if sel, ok := call.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "RequestConfirmation" {
				asks = true
			}
		}
		return !asks
	})
	return asks
}
