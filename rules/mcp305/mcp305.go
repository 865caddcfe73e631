// Package mcp305 defines rule MCP305: the servers of one MCP client
// configuration whose tools, together, let an injected instruction read
// private data and send it out.
package mcp305

import (
	"fmt"
	"strings"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/mcpclient"
	"github.com/apiaudit/apiaudit/pkg/modeltext"
	"github.com/apiaudit/apiaudit/pkg/toolcat"
)

var Rule = &lint.Rule{
	ID:   "MCP305",
	Name: "cross-server-toxic-flow",
	Doc: lint.Doc{
		Title: "Servers of one client configuration combine untrusted input, private data and a way out",
		Summary: "The servers an MCP client configuration starts together offer, between them and not in any one " +
			"of them, a tool that reads content others control, a tool that reads private data and a tool that " +
			"sends data out; read from the tool manifests saved beside the configuration.",
		Why: `An agent is given every tool of every server its configuration lists, in
one context. A server that reads issues, one that reads files and one that
sends email may each pass review alone (MCP303 finds nothing in any one
catalog), and together they are the whole of a data theft: instructions
planted in an issue make the agent read a private file and mail it out
(OWASP LLM01:2025, LLM06:2025). The published attacks on agents with a
GitHub server beside a filesystem or chat server worked this way.

The rule reads the tools of a server from the tool manifest saved beside
the configuration under the server's name (` + "`github.tools.json`" + ` or ` + "`github.json`" + `,
` + "`.yaml`" + ` or ` + "`.yml`" + `, in the configuration's directory: the server's
` + "`tools/list`" + ` answer, as docs/tool-catalogs.md says to commit it). Servers
without one are not judged, so a configuration whose servers' tools are
not known is silent, not clean. The tools are classified as MCP303 does,
and one finding is made per configuration, at the server of the tool that
reads untrusted content, with the three tools as related locations. A
flow within one server's tools is MCP303's, on its manifest.

What helps: give the capabilities to different agents (separate
configurations or profiles), require confirmation on the sending tool, or
restrict where it can send.`,
		Fix: "split the servers between agents that are not used together, or require confirmation on the tool that sends data out and restrict its destinations",
		Bad: `// .vscode/mcp.json, with github.tools.json (get_issue), files.tools.json
// (read_file) and mail.tools.json (send_email) beside it
{"servers": {
  "github": {"command": "github-mcp-server", "args": ["stdio"]},
  "files":  {"command": "mcp-filesystem", "args": ["/home/me"]},
  "mail":   {"command": "mail-mcp"}
}}`,
		Good: `// the mail server is given to another agent, in another configuration
{"servers": {
  "github": {"command": "github-mcp-server", "args": ["stdio"]},
  "files":  {"command": "mcp-filesystem", "args": ["/home/me"]}
}}`,
		Lang:      "json",
		Severity:  lint.SeverityWarning,
		Precision: "medium",
		CWE:       []int{441, 201},
		OWASP:     []string{"LLM01:2025", "LLM06:2025", "LLM02:2025"},
		Since:     "v0.3.0",
	},
	Client: run,
}

func run(pass *lint.ClientPass) error {
	var all []*toolcat.Tool
	serverOf := map[*toolcat.Tool]*mcpclient.Server{}
	known := 0
	for _, s := range pass.Config.Servers {
		cat := pass.Tools[s.Name]
		if cat == nil || len(cat.Tools) == 0 {
			continue
		}
		if toolcat.ToxicFlow(cat.Tools) != nil {
			return nil // one server has the whole flow: MCP303 reports it on its manifest
		}
		known++
		for _, t := range cat.Tools {
			if _, seen := serverOf[t]; !seen {
				serverOf[t] = s
				all = append(all, t)
			}
		}
	}
	if known < 2 {
		return nil
	}
	pick := toolcat.ToxicFlow(all)
	if pick == nil {
		return nil
	}
	var servers []string
	var related []lint.Step
	parts := make([]string, len(pick))
	for i, t := range pick {
		s := serverOf[t]
		if !containsString(servers, s.Name) {
			servers = append(servers, s.Name)
		}
		parts[i] = fmt.Sprintf("%s (server %s) %s", modeltext.Quote(t.Label()), modeltext.Quote(s.Name), toolcat.FlowRoles[i])
		at := t.Name.At
		if !at.Known() {
			at = t.At
		}
		related = append(related, lint.Step{Location: lint.At(at), Message: t.Label() + " of server " + s.Name + " " + string(toolcat.FlowRoles[i])})
	}
	first := serverOf[pick[0]]
	quoted := make([]string, len(servers))
	for i, s := range servers {
		quoted[i] = modeltext.Quote(s)
	}
	at := pass.At(mcpclient.Value{Pointer: first.Pointer, Pos: first.Pos})
	pass.Report(lint.Finding{
		RuleID:   pass.Rule.ID,
		Location: at,
		Message: "servers " + strings.Join(quoted, ", ") + " give one agent tools that can be turned against its user: " +
			strings.Join(parts, ", ") + "; instructions planted in what " + modeltext.Quote(pick[0].Label()) +
			" reads can make the agent send what " + modeltext.Quote(pick[1].Label()) + " reads through " + modeltext.Quote(pick[2].Label()),
		Related: related,
	})
	return nil
}

func containsString(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
