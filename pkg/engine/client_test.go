package engine

import (
	"context"
	"strings"
	"testing"

	"github.com/apiaudit/apiaudit/internal/gostub"
	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/rules/mcp305"
)

// everyServer reports each server of a client configuration at its command
// or URL.
var everyServer = &lint.Rule{ID: "TST301", Name: "tst301", Doc: lint.Doc{Title: "TST301", Severity: lint.SeverityNote},
	Client: func(pass *lint.ClientPass) error {
		for _, s := range pass.Config.Servers {
			v := s.URL
			if v == nil {
				v = s.Command
			}
			pass.Reportf(lint.SeverityDefault, *v, "server %s (%s)", s.Name, pass.Config.Format)
		}
		return nil
	}}

var crashingClient = &lint.Rule{ID: "TST302", Name: "tst302", Doc: lint.Doc{Title: "TST302", Severity: lint.SeverityNote},
	Client: func(pass *lint.ClientPass) error { panic("boom") }}

// TestClientConfigsAreAnInput checks discovery of MCP client configurations
// by name and by content (.vscode and .cursor are walked, JSONC is read),
// that other JSON is left alone, and that a broken or oversized file named
// like a configuration is a problem naming the file, not a crash or silence.
func TestClientConfigsAreAnInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) { gostub.Write(t, dir, name, text) }
	write(".vscode/mcp.json", "// team servers\n{\n  \"servers\": {\n    \"fs\": {\"command\": \"npx\", \"args\": [\"-y\", \"fs\"]},\n  },\n}\n")
	write(".cursor/mcp.json", `{"mcpServers":{"docs":{"url":"https://docs.example.com/mcp"}}}`)
	write("claude/claude_desktop_config.json", `{"mcpServers":{"git":{"command":"uvx","args":["mcp-server-git"]}}}`)
	write(".zed/settings.jsonc", `{"context_servers":{"pg":{"command":{"path":"npx"}}}}`)
	write(".vscode/settings.json", `{"editor.tabSize": 2, /* no mcp here */ "files.exclude": {}}`)
	write("config.json", `{"servers":{"prod":{"url":"http://api.example.com"}}}`)
	write("package.json", `{"name":"x","scripts":{"mcp":"node server.js"}}`)
	write("broken/.mcp.json", "{\n  \"mcpServers\": {\n    \"x\": {\"command\": \"npx\"\n  }\n")
	write("big/mcp.json", `{"mcpServers":{}, "pad": "`+strings.Repeat("a", 1<<20)+`"}`)
	write("api.yaml", "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\n")
	t.Chdir(dir)

	res, err := Run(context.Background(), Options{Rules: []*lint.Rule{everyServer, crashingClient}})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range res.Findings {
		if f.Severity != lint.SeverityNote || f.Fingerprint == "" {
			t.Errorf("finding not completed: %+v", f)
		}
		got = append(got, f.Location.String()+" "+f.Message+" "+f.Location.Pointer)
	}
	want := []string{
		".cursor/mcp.json:1:30 server docs (mcpServers) /mcpServers/docs/url",
		".vscode/mcp.json:4:23 server fs (servers) /servers/fs/command",
		".zed/settings.jsonc:1:45 server pg (context_servers) /context_servers/pg/command/path",
		"claude/claude_desktop_config.json:1:33 server git (mcpServers) /mcpServers/git/command",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if res.ClientConfigs != 4 || res.Documents != 1 {
		t.Errorf("counted %d client configurations and %d documents, want 4 and 1", res.ClientConfigs, res.Documents)
	}
	var problems []string
	for _, p := range res.Problems {
		problems = append(problems, p.Error())
	}
	text := strings.Join(problems, "\n")
	for _, w := range []string{
		"broken/.mcp.json: not scanned: invalid JSON in an MCP client configuration: line 5:1: expected ',' or '}', found end of file",
		"big/mcp.json: not scanned: the file is named like an MCP client configuration and is 2MB, over the 1MB such files are read up to",
		".vscode/mcp.json: rule TST302 crashed: boom",
	} {
		if !strings.Contains(text, w) {
			t.Errorf("no problem %q in:\n%s", w, text)
		}
	}
	if len(problems) != 6 { // the crash once per configuration, and the two files
		t.Errorf("%d problems:\n%s", len(problems), text)
	}
}

// TestServerToolsBesideConfig: the tool manifests saved beside a client
// configuration under its servers' names are the tools of those servers
// (MCP305 reads them together), in the scan as in the rule's fixtures; a
// manifest elsewhere, or named after no server, is not.
func TestServerToolsBesideConfig(t *testing.T) {
	dir := t.TempDir()
	tool := func(name string) string {
		return `{"tools": [{"name": "` + name + `", "description": "x", "inputSchema": {"type": "object"}}]}`
	}
	writeTree(t, dir, map[string]string{
		".vscode/mcp.json": `{"servers": {
  "github": {"command": "github-mcp-server"},
  "files": {"command": "mcp-filesystem"},
  "mail": {"command": "mail-mcp"}
}}`,
		".vscode/github.tools.json": tool("get_issue"),
		".vscode/files.yaml":        "tools:\n  - name: read_file\n    inputSchema: {type: object}\n",
		"mail.tools.json":           tool("send_email"), // not beside the configuration
		".vscode/other.tools.json":  tool("send_message"),
	})
	t.Chdir(dir)
	var got []string
	seen := &lint.Rule{ID: "TST303", Name: "tst303", Doc: lint.Doc{Title: "TST303", Severity: lint.SeverityNote},
		Client: func(pass *lint.ClientPass) error {
			for _, s := range pass.Config.Servers {
				if c := pass.Tools[s.Name]; c != nil {
					got = append(got, s.Name+"="+c.File+":"+strings.Join(c.Names(), ","))
				}
			}
			return nil
		}}
	res, err := Run(context.Background(), Options{Paths: []string{"."}, Rules: []*lint.Rule{seen, mcp305.Rule}})
	if err != nil {
		t.Fatal(err)
	}
	if want := "github=.vscode/github.tools.json:get_issue files=.vscode/files.yaml:read_file"; strings.Join(got, " ") != want {
		t.Errorf("server tools: %q, want %q", strings.Join(got, " "), want)
	}
	for _, f := range res.Findings {
		if f.RuleID == "MCP305" {
			t.Errorf("MCP305 without a sending tool beside the configuration: %s", f.Message)
		}
	}

	// The mail server's tools saved beside it complete the flow.
	writeTree(t, dir, map[string]string{".vscode/mail.tools.json": tool("send_email")})
	res, err = Run(context.Background(), Options{Paths: []string{"."}, Rules: []*lint.Rule{mcp305.Rule}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) != 1 || res.Findings[0].RuleID != "MCP305" || res.Findings[0].Location.String() != ".vscode/mcp.json:2:3" ||
		len(res.Findings[0].Related) != 3 || res.Findings[0].Related[2].Location.File != ".vscode/mail.tools.json" {
		t.Errorf("findings: %+v", res.Findings)
	}
}
