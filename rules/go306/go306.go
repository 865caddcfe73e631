// Package go306 defines rule GO306: an MCP tool registered without a
// read-only or destructive hint.
package go306

import (
	"go/token"

	"golang.org/x/tools/go/analysis"

	"github.com/apiaudit/apiaudit/pkg/goapi"
	"github.com/apiaudit/apiaudit/pkg/goapi/agenttool"
	"github.com/apiaudit/apiaudit/pkg/goapi/reach"
	"github.com/apiaudit/apiaudit/pkg/lint"
)

var Rule = &lint.Rule{
	ID:   "GO306",
	Name: "tool-missing-annotations",
	Doc: lint.Doc{
		Title: "MCP tool has no read-only or destructive hint",
		Summary: "An MCP tool (mark3labs/mcp-go or modelcontextprotocol/go-sdk) is registered without an " +
			"explicit read-only or destructive hint; the message suggests one from what the handler reaches.",
		Why: `Clients read a tool's hints to decide whether to ask before each call.
Without them the MCP defaults apply: the tool may change anything and may
destroy data. For a tool that only reads, that means a confirmation prompt
on every call, and users who learn to click through prompts, or who switch
them off for the whole server, stop noticing the one that matters. Some
connector directories also require the hints to be written out.

` + "`mcp.NewTool`" + ` in mark3labs/mcp-go fills in read-only false and destructive true
unless told otherwise; the go-sdk leaves ` + "`Annotations`" + ` nil. The rule reports tools
whose definition sets neither hint (a title or an open-world hint alone
does not count) and suggests one: read-only when the handler reaches
nothing destructive that the analysis can see (command execution, file
writes or removal, database writes, mutating HTTP requests, Kubernetes API
changes), destructive
otherwise. The analysis does not see through interface calls, so check a
read-only suggestion against what the handler really does.

Off by default: most servers have many tools, and the defaults are the safe
side of the mistake. Enable it when you publish a server for others.`,
		Fix: "write the hint: mcp.WithReadOnlyHintAnnotation(true) for tools that only read, mcp.WithDestructiveHintAnnotation(true) otherwise",
		Bad: `s.AddTool(mcp.NewTool("list_invoices",
	mcp.WithDescription("List the customer's invoices"),
), listInvoices)`,
		Good: `s.AddTool(mcp.NewTool("list_invoices",
	mcp.WithDescription("List the customer's invoices"),
	mcp.WithReadOnlyHintAnnotation(true),
), listInvoices)`,
		Lang:      "go",
		Severity:  lint.SeverityNote,
		Precision: "medium",
		CWE:       []int{1059},
		OWASP:     []string{"LLM06:2025"},
		Since:     "v0.1.0",
		Optional:  true,
	},
}

// Analyzer is the rule's check; its name is the rule's ID.
var Analyzer = &analysis.Analyzer{
	Name:     "GO306",
	Doc:      "reports MCP tools registered without a read-only or destructive hint",
	URL:      Rule.HelpURI(),
	Requires: []*analysis.Analyzer{agenttool.Analyzer, reach.Analyzer},
	Run:      run,
}

func init() { Rule.Analyzer = Analyzer }

var suggestions = map[string][2]string{ // SDK: read-only, destructive
	agenttool.MCPGo: {"mcp.WithReadOnlyHintAnnotation(true)", "mcp.WithDestructiveHintAnnotation(true)"},
	agenttool.GoSDK: {"ReadOnlyHint: true", "DestructiveHint: ptr(true)"},
}

func run(pass *analysis.Pass) (any, error) {
	tools := pass.ResultOf[agenttool.Analyzer].(*agenttool.Result)
	reached := pass.ResultOf[reach.Analyzer].(*reach.Result)
	seen := map[token.Pos]bool{}
	for _, t := range tools.Tools {
		s, ok := suggestions[t.SDK]
		if !ok || t.Def == nil || t.ReadOnly != agenttool.Unset || t.Destructive != agenttool.Unset || seen[t.Pos()] {
			continue
		}
		seen[t.Pos()] = true
		if !t.HandlerKnown {
			pass.Reportf(t.Pos(), "%s has no read-only or destructive hint", t.Label())
			continue
		}
		var caps goapi.Capability
		if f := reached.Node(t.Handler); f != nil {
			caps = f.Caps & goapi.Destructive
		}
		if caps == 0 {
			pass.Reportf(t.Pos(), "%s has no read-only or destructive hint; its handler reaches nothing destructive, so mark it read-only (%s)", t.Label(), s[0])
			continue
		}
		pass.Reportf(t.Pos(), "%s has no read-only or destructive hint; its handler reaches %s, so mark it destructive (%s)", t.Label(), caps, s[1])
	}
	return nil, nil
}
