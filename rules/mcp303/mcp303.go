// Package mcp303 defines rule MCP303: a catalog whose tools together let
// an injected instruction read private data and send it out.
package mcp303

import (
	"cmp"
	"slices"

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

var order = []toolcat.Role{toolcat.ReadsUntrusted, toolcat.ReadsPrivate, toolcat.SendsOut}

func run(pass *lint.CatalogPass) error {
	cands := map[toolcat.Role][]*toolcat.Tool{}
	for _, t := range pass.Catalog.Tools {
		for _, r := range t.Roles() {
			cands[r] = append(cands[r], t)
		}
	}
	for _, r := range order {
		if len(cands[r]) == 0 {
			return nil
		}
		// The clearest example of each role first, so that the message
		// names read_file rather than get_code_quality_finding.
		slices.SortStableFunc(cands[r], func(a, b *toolcat.Tool) int {
			return cmp.Or(rank(a, r)-rank(b, r), len(toolcat.Words(a.Name.Value))-len(toolcat.Words(b.Name.Value)))
		})
	}
	pick := choose(cands)
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

// strongest are, for each role, the words that make a tool its clearest
// example, best first.
var strongest = map[toolcat.Role][]string{
	toolcat.ReadsUntrusted: {"url", "web", "webpage", "website", "fetch", "browse", "email", "emails", "mail", "inbox", "issue", "issues", "comment", "comments", "message", "messages"},
	toolcat.ReadsPrivate:   {"file", "files", "secret", "secrets", "credential", "credentials", "password", "passwords", "env", "database", "db", "sql", "repo", "repository", "contacts", "contact", "calendar", "document", "documents"},
	toolcat.SendsOut:       {"send", "email", "mail", "post", "upload", "webhook", "publish", "comment", "issue", "message"},
}

// rank is where the first of a tool's name words comes in strongest[r];
// tools with none of them come last.
func rank(t *toolcat.Tool, r toolcat.Role) int {
	best := len(strongest[r])
	for _, w := range toolcat.Words(t.Name.Value) {
		if i := slices.Index(strongest[r], w); i >= 0 && i < best {
			best = i
		}
	}
	return best
}

// choose picks one tool per role, three different tools when the catalog
// has them (the first in catalog order that keeps the others possible),
// else two, never one tool for all three.
func choose(cands map[toolcat.Role][]*toolcat.Tool) []*toolcat.Tool {
	for _, distinct := range []int{3, 2} {
		for _, a := range cands[order[0]] {
			for _, b := range cands[order[1]] {
				for _, c := range cands[order[2]] {
					set := []*toolcat.Tool{a, b, c}
					if n := len(slices.Compact(sortedPtrs(set))); n >= distinct {
						return set
					}
				}
			}
		}
	}
	return nil
}

func sortedPtrs(ts []*toolcat.Tool) []*toolcat.Tool {
	out := slices.Clone(ts)
	slices.SortFunc(out, func(a, b *toolcat.Tool) int {
		switch {
		case a == b:
			return 0
		case a.Name.Value < b.Name.Value || a.Name.Value == b.Name.Value && a.At.Line < b.At.Line:
			return -1
		}
		return 1
	})
	return out
}
