// Package mcp303 defines rule MCP303: a catalog whose tools together let
// an injected instruction read private data and send it out.
package mcp303

import (
	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/modeltext"
	"github.com/apiaudit/apiaudit/pkg/toolcat"
)

var Rule = &lint.Rule{
	ID:   "MCP303",
	Name: "toxic-tool-flow",
	Doc: lint.Doc{
		Title: "Catalog combines untrusted input, private data and a way out",
		Summary: "One catalog offers a tool that reads content others control (web pages, issues, email), a tool " +
			"that reads private data (files, databases, secrets) and a tool that sends data out (email, " +
			"messages, public comments, arbitrary URLs): reported once per catalog, naming the three tools.",
		Why: `Each of these tools may be fine alone. Together, in the hands of one agent,
they are the whole of a data theft: the agent reads a web page, an issue
or an email in which an attacker has written instructions; it follows them,
because a model cannot reliably tell data from instructions; it reads the
private data the instructions ask for; and it sends that data wherever they
say, in an email, a public comment or the query string of a URL. This is
how the published attacks on coding agents and assistants with GitHub,
Slack or mail tools worked (OWASP LLM01:2025 and LLM06:2025), and it is
sometimes called the lethal trifecta.

The rule names the tools from what their names say (` + "`fetch_url`, `get_issue`,\n`read_email`" + ` read untrusted content; ` + "`read_file`, `query_database`,\n`list_secrets`" + ` read private data; ` + "`send_email`, `create_issue_comment`" + `,
and fetch-like tools that take a URL, send data out) and reports a catalog
that has all three, with the tools as related locations. A warning: the
combination is often what the server is for. What helps is to split the
capabilities between agents or servers that are not used together, to
require confirmation on the sending tool (and not mark it read-only), or to
restrict where it can send.

Tool manifests, Go MCP servers and the operations of OpenAPI documents
written for agents (an x-openai-*, x-mcp*, x-agent*... extension; each
operation a tool named by its operationId) are read. Other OpenAPI
documents are not: on the shared corpus of REST APIs, the whole GitHub,
Stripe or Zoom API had the three capabilities, which says nothing about
what any one agent is given.`,
		Fix: "offer the three capabilities to different agents, or require human confirmation on the tool that sends data out and restrict its destinations",
		Bad: `tools:
  - name: fetch_url        # reads a web page an attacker can write
  - name: read_file        # reads private files
  - name: send_email       # sends data out`,
		Good: `tools:
  - name: read_file
  - name: search_files
  - name: write_file`,
		Lang:      "yaml",
		Severity:  lint.SeverityWarning,
		Precision: "medium",
		CWE:       []int{441, 201},
		OWASP:     []string{"LLM01:2025", "LLM06:2025", "LLM02:2025"},
		Since:     "v0.2.0",
	},
	Catalog: run,
}

var order = toolcat.FlowRoles

func run(pass *lint.CatalogPass) error {
	pick := toolcat.ToxicFlow(pass.Catalog.Tools)
	if pick == nil {
		return nil
	}
	var related []lint.Step
	names := make([]string, 3)
	for i, r := range order {
		t := pick[i]
		names[i] = modeltext.Quote(t.Label())
		at := t.Name.At
		if !at.Known() {
			at = t.At
		}
		related = append(related, lint.Step{Location: lint.At(at), Message: t.Label() + " " + string(r)})
	}
	at := pass.Catalog.At
	if !at.Known() && len(pass.Catalog.Tools) > 0 {
		at = pass.Catalog.Tools[0].At
	}
	pass.Report(lint.Finding{
		RuleID:   pass.Rule.ID,
		Location: lint.At(at),
		Message: "one agent given these tools can be turned against its user: " + names[0] + " " + string(order[0]) +
			", " + names[1] + " " + string(order[1]) + ", " + names[2] + " " + string(order[2]) +
			"; instructions planted in what " + names[0] + " reads can make the agent send what " + names[1] + " reads through " + names[2],
		Related: related,
	})
	return nil
}
