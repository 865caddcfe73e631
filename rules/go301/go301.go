// Package go301 defines rule GO301: an MCP tool that is annotated read-only
// or non-destructive but whose handler changes things.
package go301

import (
	"fmt"
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/apiaudit/apiaudit/pkg/goapi"
	"github.com/apiaudit/apiaudit/pkg/goapi/agenttool"
	"github.com/apiaudit/apiaudit/pkg/goapi/reach"
	"github.com/apiaudit/apiaudit/pkg/lint"
)

var Rule = &lint.Rule{
	ID:   "GO301",
	Name: "destructive-tool-marked-readonly",
	Doc: lint.Doc{
		Title: "Destructive MCP tool is annotated read-only",
		Summary: "An MCP tool (mark3labs/mcp-go or modelcontextprotocol/go-sdk) carries a read-only hint, " +
			"or a destructive hint of false, while its handler runs commands, writes or removes files, " +
			"writes to a database, sends mutating HTTP requests or changes a Kubernetes cluster.",
		Why: `MCP clients decide from a tool's annotations how careful to be. A tool with
` + "`readOnlyHint: true`" + ` is one that "does not modify its environment", and
clients such as coding agents and desktop assistants run those without
asking; ` + "`destructiveHint: false`" + ` promises that the tool only adds and never
deletes or overwrites. A model steered by a prompt injection (a web page, an
issue, an email it was asked to read) will call whatever tool gets the job
done, and a mislabelled tool is the one that runs with no human in the loop
(OWASP LLM06, excessive agency).

The rule binds each registered tool to its handler (` + "`(*server.MCPServer).AddTool`" + `,
` + "`AddTools`" + `, ` + "`AddSessionTool`" + `, the go-sdk's ` + "`mcp.AddTool`" + ` and ` + "`(*mcp.Server).AddTool`" + `), reads
the hints from ` + "`mcp.WithReadOnlyHintAnnotation`" + `, ` + "`mcp.WithDestructiveHintAnnotation`" + `,
` + "`mcp.WithToolAnnotation`" + ` or ` + "`mcp.ToolAnnotations`" + `, and asks what the handler
reaches, through its calls and across packages: command execution, file
writes and removal, database writes, mutating HTTP requests, and mutating
Kubernetes API requests (create, update, patch, delete, apply, exec or
port-forward in a pod, through client-go's typed or dynamic clients or
controller-runtime's client). The message gives the call chain.

What counts as a change is judged at each call, through the program's
helpers: a request whose method is GET (or a method kept in a field that
is only ever set to read methods, or passed by a caller as GET) is a read;
a POST is a read when its URL names a read method (` + "`conversations.list`" + `,
` + "`users/search`" + `, ` + "`/websites/search`" + `), as APIs that serve reads over POST
(Slack's Web API, RPC-style edge clients, 1Panel's search endpoints) name
them, and a write when it names a write (` + "`chat.postMessage`" + `) or a REST
collection. A file written under a cache or temporary directory
(` + "`os.UserCacheDir`" + `, ` + "`os.TempDir`" + `, a path named cache) is the program's
own scratch space, not a change to the world, and so is a file written in,
or the removal of, a temporary directory or file that the same function
created (` + "`os.MkdirTemp`" + `, ` + "`os.CreateTemp`" + `): that is cleanup. Any other removal
counts. A statement run through ` + "`Exec`" + ` whose text is a constant that
changes no data (` + "`BEGIN`" + `, ` + "`ROLLBACK`" + `, ` + "`SET`" + `, SQLite's ` + "`PRAGMA`" + `, ` + "`SELECT`" + `, ` + "`SHOW`" + `; or
the format of an ` + "`fmt.Sprintf`" + ` that starts so) is no database write: read-only
tools often open a transaction, or set up their connection, to read in.

A read-only hint is reported for any of these. A destructive hint of false
is reported only when the handler runs commands or removes files: writing a
file, inserting a row or posting a request may be the additive update that
the hint allows. Tools and handlers are followed through variables assigned
once and through functions of the same package that return them; a handler
passed in from elsewhere, or a capability reached through an interface
method, is not seen, and the rule then stays silent.`,
		Fix: "drop the read-only hint (and mark the tool destructive) or make the handler stop changing state",
		Bad: `s.AddTool(mcp.NewTool("clean_cache",
	mcp.WithDescription("Show cache usage"),
	mcp.WithReadOnlyHintAnnotation(true),
), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	return nil, os.RemoveAll(cacheDir)
})`,
		Good: `s.AddTool(mcp.NewTool("clean_cache",
	mcp.WithDescription("Delete the cache directory"),
	mcp.WithDestructiveHintAnnotation(true),
), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	return nil, os.RemoveAll(cacheDir)
})`,
		Lang:      "go",
		Severity:  lint.SeverityError,
		NoteOnly:  "none of its 21 findings judged on real projects was worth acting on; rules.severity sets another level",
		Grades:    "A note when the only change the handler may make is a POST to an RPC method whose name says neither read nor write (client.userBoot), and in example code or test scaffolding (examples/, _examples, demo, conformance, test/, testkit, a package named like oauthtest).",
		Precision: "low",
		CWE:       []int{250, 272},
		OWASP:     []string{"LLM06:2025"},
		Since:     "v0.1.0",
	},
}

// Analyzer is the rule's check; its name is the rule's ID.
var Analyzer = &analysis.Analyzer{
	Name:     "GO301",
	Doc:      "reports MCP tools annotated read-only or non-destructive whose handler changes state",
	URL:      Rule.HelpURI(),
	Requires: []*analysis.Analyzer{agenttool.Analyzer, reach.Analyzer},
	Run:      run,
}

func init() { Rule.Analyzer = Analyzer }

// nonAdditive are the capabilities that a destructive hint of false rules
// out: an additive tool may create files, rows or resources, but neither
// runs arbitrary commands nor removes anything.
const nonAdditive = goapi.Exec | goapi.FileDelete

func run(pass *analysis.Pass) (any, error) {
	tools := pass.ResultOf[agenttool.Analyzer].(*agenttool.Result)
	reached := pass.ResultOf[reach.Analyzer].(*reach.Result)
	for _, t := range tools.Tools {
		if t.SDK == agenttool.ADK || !t.HandlerKnown {
			continue
		}
		var claim string
		var at ast.Node
		var caps goapi.Capability
		fact := reached.Node(t.Handler)
		if fact == nil {
			continue
		}
		switch {
		case t.ReadOnly == agenttool.Yes:
			claim, at, caps = "read-only", t.ReadOnlyAt, fact.Caps&goapi.Destructive
		case t.Destructive == agenttool.No:
			claim, at, caps = "non-destructive", t.DestructiveAt, fact.Caps&nonAdditive
		}
		if caps == 0 {
			continue
		}
		var reaches []string
		for _, c := range caps.Each() {
			reaches = append(reaches, fmt.Sprintf("%s (%s)", c, fact.Why(c)))
		}
		pos := t.Pos()
		if at != nil {
			pos = at.Pos()
		}
		grade := goapi.NewGrade(goapi.Error)
		if caps == goapi.HTTPPost {
			grade.LowerTo(goapi.Note, "the only change it may make is a POST to an RPC method whose name says neither read nor write, on an API that may serve reads over POST as well")
		}
		grade.LowerPlace(pass.Pkg.Path())
		grade.Report(pass, analysis.Diagnostic{Pos: pos, Message: fmt.Sprintf("%s is annotated %s (%s) but its handler reaches %s",
			t.Label(), claim, annotation(at, claim), strings.Join(reaches, ", "))})
	}
	return nil, nil
}

// annotation shows how a hint was written: the option call, or the field
// of an annotation literal.
func annotation(at ast.Node, claim string) string {
	switch at := at.(type) {
	case *ast.CallExpr:
		return types.ExprString(at)
	case *ast.KeyValueExpr:
		return types.ExprString(at.Key) + ": " + types.ExprString(at.Value)
	}
	if claim == "non-destructive" {
		return "DestructiveHint"
	}
	return "ReadOnlyHint"
}
