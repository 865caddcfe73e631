package engine

import (
	"cmp"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apiaudit/apiaudit/pkg/lint"
)

func writeMCPTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// everyLaunch reports each server at its command or URL, and servers with
// neither (Goose's built-in extensions) not at all.
var everyLaunch = &lint.Rule{ID: "TST303", Name: "tst303", Doc: lint.Doc{Title: "TST303", Severity: lint.SeverityNote},
	Client: func(pass *lint.ClientPass) error {
		for _, s := range pass.Config.Servers {
			if v := cmp.Or(s.URL, s.Command); v != nil {
				pass.Reportf(lint.SeverityDefault, *v, "server %s (%s)", s.Name, pass.Config.Format)
			}
		}
		return nil
	}}

// TestClientConfigsInYAMLAndTOML checks discovery of Codex's TOML and
// Continue's and Goose's YAML by content, that TOML and YAML files of
// other tools stay silent (neither client configurations, nor OpenAPI
// documents, nor tool manifests), and that a broken file where a client
// reads its configuration is a problem naming the file and the position.
func TestClientConfigsInYAMLAndTOML(t *testing.T) {
	dir := writeMCPTree(t, map[string]string{
		".codex/config.toml":                 "model = \"o3\"\n\n[mcp_servers.fs]\ncommand = \"npx\"\nargs = [\"-y\", \"fs\"]\n",
		".continue/mcpServers/team.yaml":     "name: team\nversion: 0.0.1\nschema: v1\nmcpServers:\n  - name: docs\n    type: sse\n    url: https://docs.example.com/sse\n",
		".continue/config.yaml":              "name: a\nmodels: []\nmcpServers:\n  - name: git\n    command: uvx\n",
		"dotfiles/goose/config.yaml":         "extensions:\n  gh:\n    type: stdio\n    cmd: npx\n    args: [gh]\n  developer: {type: builtin, bundled: true}\n",
		"pyproject.toml":                     "[project]\nname = \"mcp_servers\"\n[tool.ruff]\nline-length = 100\n",
		"Cargo.toml":                         "[package]\nname = \"x\"\n[dependencies]\ntools = \"1\"\n",
		".github/workflows/ci.yml":           "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps: [{run: make}]\n",
		"mkdocs.yml":                         "site_name: x\nmarkdown_extensions: [toc]\n",
		"broken/.codex/config.toml":          "[mcp_servers.fs]\ncommand = \"npx\nargs = []\n",
		"broken/.continue/mcpServers/x.yaml": "mcpServers:\n  - name: a\n   command: [\n",
		"other/config.toml":                  "[mcp_servers.fs\n",
	})
	t.Chdir(dir)
	res, err := Run(context.Background(), Options{Rules: []*lint.Rule{everyLaunch, everyTool, everyOperation}})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range res.Findings {
		got = append(got, f.Location.String()+" "+f.Message+" "+f.Location.Pointer)
	}
	want := []string{
		".codex/config.toml:4:11 server fs (mcp_servers) /mcp_servers/fs/command",
		".continue/config.yaml:5:14 server git (mcpServers list) /mcpServers/0/command",
		".continue/mcpServers/team.yaml:7:10 server docs (mcpServers list) /mcpServers/0/url",
		"dotfiles/goose/config.yaml:4:10 server gh (extensions) /extensions/gh/cmd",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if res.ClientConfigs != 4 || res.Documents != 0 || res.Catalogs != 0 {
		t.Errorf("%d client configurations, %d documents, %d catalogs; want 4, 0, 0", res.ClientConfigs, res.Documents, res.Catalogs)
	}
	var problems []string
	for _, p := range res.Problems {
		problems = append(problems, p.Error())
	}
	wantProblems := []string{
		"broken/.codex/config.toml: not scanned: invalid TOML in an MCP client configuration: line 2:",
		"broken/.continue/mcpServers/x.yaml: not scanned: invalid YAML in an MCP client configuration: line 3:",
	}
	if len(problems) != len(wantProblems) {
		t.Fatalf("problems:\n%s", strings.Join(problems, "\n"))
	}
	for i, w := range wantProblems {
		if !strings.HasPrefix(problems[i], w) {
			t.Errorf("problem %q, want %q...", problems[i], w)
		}
	}
}

// TestInFileSuppressions checks x-apiaudit-ignore in client configurations
// (JSON, YAML, TOML) and tool manifests: an entry on a server or tool hides
// that element's findings and no other's, one at the top hides the file's,
// and entries without a reason, with an unknown rule or matching nothing
// are MCP504 findings where they are written.
func TestInFileSuppressions(t *testing.T) {
	dir := writeMCPTree(t, map[string]string{
		".vscode/mcp.json": `{
  "servers": {
    "fs": {"command": "npx", "x-apiaudit-ignore": [{"rule": "TST301", "reason": "pinned by the dev container"}]},
    "git": {"command": "uvx"},
    "db": {"command": "pg", "x-apiaudit-ignore": [{"rule": "TST301"}]},
    "web": {"command": "node", "x-apiaudit-ignore": [{"rule": "NOPE1", "reason": "x"}, {"rule": "TST3*", "reason": "local build"}, {"rul": "TST301"}]}
  }
}`,
		".codex/config.toml":          "[mcp_servers.fs]\ncommand = \"npx\"\nx-apiaudit-ignore = [{ rule = \"TST301\", reason = \"vendored\" }]\n\n[mcp_servers.git]\ncommand = \"uvx\"\n",
		".continue/mcpServers/a.yaml": "x-apiaudit-ignore:\n  - rule: TST301\n    reason: documentation snippet\n  - rule: TST201\n    reason: nothing here to hide\nmcpServers:\n  - name: a\n    command: npx\n",
		"tools.json": `{"x-apiaudit-ignore": [{"rule": "TST301", "reason": "no client rule runs on a manifest"}],
 "tools": [
  {"name": "a", "inputSchema": {}, "x-apiaudit-ignore": [{"rule": "TST201", "reason": "reviewed"}]},
  {"name": "b", "inputSchema": {}}
 ]}`,
	})
	t.Chdir(dir)
	res, err := Run(context.Background(), Options{Rules: []*lint.Rule{everyServer, everyTool}, Known: []*lint.Rule{everyServer, everyTool, ClientSuppressionRule}})
	if err != nil {
		t.Fatal(err)
	}
	var got, hidden []string
	for _, f := range res.Findings {
		got = append(got, f.Location.String()+" "+f.RuleID+" "+f.Message)
	}
	for _, f := range res.Suppressed {
		hidden = append(hidden, f.Location.String()+" "+f.Message+" <- "+f.Suppression.Location.String()+" "+f.Suppression.Reason)
	}
	want := []string{
		".codex/config.toml:6:11 TST301 server git (mcp_servers)",
		".continue/mcpServers/a.yaml:4:5 MCP504 x-apiaudit-ignore for TST201 matches no finding: remove it",
		".vscode/mcp.json:4:24 TST301 server git (servers)",
		".vscode/mcp.json:5:23 TST301 server db (servers)",
		".vscode/mcp.json:5:51 MCP504 x-apiaudit-ignore for TST301 gives no reason, so it suppresses nothing: add reason: why the finding does not apply",
		".vscode/mcp.json:6:54 MCP504 x-apiaudit-ignore names unknown rule \"NOPE1\"",
		".vscode/mcp.json:6:132 MCP504 malformed x-apiaudit-ignore entry: unexpected key \"rul\" (want rule and reason)",
		"tools.json:1:24 MCP504 x-apiaudit-ignore for TST301 matches no finding: remove it",
		"tools.json:4:12 TST201 tool b from manifest",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	wantHidden := []string{
		".codex/config.toml:2:11 server fs (mcp_servers) <- .codex/config.toml:3:22 vendored",
		".continue/mcpServers/a.yaml:8:14 server a (mcpServers list) <- .continue/mcpServers/a.yaml:2:5 documentation snippet",
		".vscode/mcp.json:3:23 server fs (servers) <- .vscode/mcp.json:3:52 pinned by the dev container",
		".vscode/mcp.json:6:24 server web (servers) <- .vscode/mcp.json:6:88 local build",
		"tools.json:3:12 tool a from manifest <- tools.json:3:58 reviewed",
	}
	if strings.Join(hidden, "\n") != strings.Join(wantHidden, "\n") {
		t.Errorf("suppressed:\n%s\nwant:\n%s", strings.Join(hidden, "\n"), strings.Join(wantHidden, "\n"))
	}
}
