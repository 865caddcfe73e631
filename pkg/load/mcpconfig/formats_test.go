package mcpconfig

import (
	"errors"
	"strings"
	"testing"

	"github.com/apiaudit/apiaudit/pkg/mcpclient"
)

// codexTOML is a Codex configuration in the shapes its documentation and
// public dotfiles use: a header per server, a sub-table for env, an inline
// table for headers, a dotted key, literal and escaped strings, a
// multi-byte character before a value.
const codexTOML = `model = "gpt-5-codex"

[projects."/home/me/src"]
trust_level = "trusted"

[mcp_servers.github]
command = "docker"
args = ["run", "-i", "--rm", "ghcr.io/github/github-mcp-server"]

[mcp_servers.github.env]
GITHUB_PERSONAL_ACCESS_TOKEN = 'ghp_literal'

[mcp_servers."é-docs"]
url = "https://docs.example.com/mcp"
bearer_token_env_var = "DOCS_TOKEN"
http_headers = { "X-Team" = "core", Authorization = "Bearer \u0041bc" }
env_http_headers = { "X-Key" = "DOCS_KEY" }

[mcp_servers.fs]
command = "npx"
args = [
  "-y",
  "@modelcontextprotocol/server-filesystem", # comment
]
env.ROOT = "/srv"
`

func TestCodexTOML(t *testing.T) {
	c, err := Parse(".codex/config.toml", []byte(codexTOML))
	if err != nil {
		t.Fatal(err)
	}
	if c.Format != "mcp_servers" || len(c.Servers) != 3 {
		t.Fatalf("format %q, %d servers", c.Format, len(c.Servers))
	}
	gh, docs, fs := c.Servers[0], c.Servers[1], c.Servers[2]
	for _, tc := range []struct {
		what      string
		got, want mcpclient.Pos
		ptr, text string
		wantPtr   string
		wantText  string
	}{
		{"github name", gh.Pos, mcpclient.Pos{Line: 6, Column: 14}, gh.Pointer, gh.Name, "/mcp_servers/github", "github"},
		{"github command", gh.Command.Pos, mcpclient.Pos{Line: 7, Column: 11}, gh.Command.Pointer, gh.Command.Text, "/mcp_servers/github/command", "docker"},
		{"github args[3]", gh.Args[3].Pos, mcpclient.Pos{Line: 8, Column: 30}, gh.Args[3].Pointer, gh.Args[3].Text, "/mcp_servers/github/args/3", "ghcr.io/github/github-mcp-server"},
		{"github env", gh.Env[0].Value.Pos, mcpclient.Pos{Line: 11, Column: 32}, gh.Env[0].Value.Pointer, gh.Env[0].Value.Text, "/mcp_servers/github/env/GITHUB_PERSONAL_ACCESS_TOKEN", "ghp_literal"},
		{"docs name", docs.Pos, mcpclient.Pos{Line: 13, Column: 14}, docs.Pointer, docs.Name, "/mcp_servers/é-docs", "é-docs"},
		{"docs url", docs.URL.Pos, mcpclient.Pos{Line: 14, Column: 7}, docs.URL.Pointer, docs.URL.Text, "/mcp_servers/é-docs/url", "https://docs.example.com/mcp"},
		{"docs header", docs.Headers[1].Value.Pos, mcpclient.Pos{Line: 16, Column: 53}, docs.Headers[1].Value.Pointer, docs.Headers[1].Value.Text, "/mcp_servers/é-docs/http_headers/Authorization", "Bearer Abc"},
		{"fs args[1]", fs.Args[1].Pos, mcpclient.Pos{Line: 23, Column: 3}, fs.Args[1].Pointer, fs.Args[1].Text, "/mcp_servers/fs/args/1", "@modelcontextprotocol/server-filesystem"},
		{"fs dotted env", fs.Env[0].Value.Pos, mcpclient.Pos{Line: 25, Column: 12}, fs.Env[0].Value.Pointer, fs.Env[0].Value.Text, "/mcp_servers/fs/env/ROOT", "/srv"},
	} {
		if tc.got != tc.want || tc.ptr != tc.wantPtr || tc.text != tc.wantText {
			t.Errorf("%s: %q at %+v %q; want %q at %+v %q", tc.what, tc.text, tc.got, tc.ptr, tc.wantText, tc.want, tc.wantPtr)
		}
	}
	if len(docs.Headers) != 2 {
		t.Errorf("docs headers %+v: env_http_headers name variables and are not headers", docs.Headers)
	}
}

// continueYAML is a Continue block file (.continue/mcpServers/*.yaml).
const continueYAML = `name: Team MCP servers
version: 0.0.1
schema: v1
mcpServers:
  - name: playwright
    command: npx
    args:
      - "@playwright/mcp@latest"
  - name: tickets
    type: streamable-http
    url: http://mcp.tickets.acme.io/mcp
    requestOptions:
      headers:
        Authorization: "Bearer ${{ secrets.TICKETS_TOKEN }}"
  - command: uvx
    args: [mcp-server-git]
    env: {GIT_AUTHOR: "é", TOKEN: &tok abc}
    x: *tok
`

func TestContinueYAML(t *testing.T) {
	c, err := Parse(".continue/mcpServers/team.yaml", []byte(continueYAML))
	if err != nil {
		t.Fatal(err)
	}
	if c.Format != "mcpServers list" || len(c.Servers) != 3 {
		t.Fatalf("format %q, %d servers", c.Format, len(c.Servers))
	}
	pw, tk, git := c.Servers[0], c.Servers[1], c.Servers[2]
	if pw.Name != "playwright" || pw.Pos != (mcpclient.Pos{Line: 5, Column: 11}) || pw.Pointer != "/mcpServers/0" {
		t.Errorf("playwright: %q at %+v %q", pw.Name, pw.Pos, pw.Pointer)
	}
	if a := pw.Args[0]; a.Pos != (mcpclient.Pos{Line: 8, Column: 9}) || a.Pointer != "/mcpServers/0/args/0" || a.Text != "@playwright/mcp@latest" {
		t.Errorf("playwright args: %+v", a)
	}
	if tk.Type != "streamable-http" || tk.URL.Pos != (mcpclient.Pos{Line: 11, Column: 10}) {
		t.Errorf("tickets: type %q url %+v", tk.Type, tk.URL)
	}
	if len(tk.Headers) != 1 || tk.Headers[0].Value.Pointer != "/mcpServers/1/requestOptions/headers/Authorization" || tk.Headers[0].Value.Pos != (mcpclient.Pos{Line: 14, Column: 24}) {
		t.Errorf("tickets headers: %+v", tk.Headers)
	}
	if git.Name != "#3" || git.Pos != (mcpclient.Pos{Line: 15, Column: 5}) || len(git.Env) != 2 || git.Env[1].Value.Pos != (mcpclient.Pos{Line: 17, Column: 35}) {
		t.Errorf("unnamed server: %q at %+v, env %+v", git.Name, git.Pos, git.Env)
	}
}

// gooseYAML is Goose's config.yaml: extensions by name, with cmd, envs
// and uri, and the built-in ones that start nothing.
const gooseYAML = `GOOSE_PROVIDER: anthropic
GOOSE_MODEL: claude-sonnet-4
extensions:
  developer:
    bundled: true
    enabled: true
    name: developer
    timeout: 300
    type: builtin
  github:
    args:
    - -y
    - '@modelcontextprotocol/server-github'
    cmd: npx
    enabled: true
    envs:
      GITHUB_PERSONAL_ACCESS_TOKEN: ghp_x
    name: github
    type: stdio
  remote:
    enabled: true
    type: streamable_http
    uri: http://10.0.0.5:8000/mcp
    headers:
      X-Api-Key: k
`

func TestGooseYAML(t *testing.T) {
	c, err := Parse("goose/config.yaml", []byte(gooseYAML))
	if err != nil {
		t.Fatal(err)
	}
	if c.Format != "extensions" || len(c.Servers) != 3 {
		t.Fatalf("format %q, %d servers", c.Format, len(c.Servers))
	}
	gh, remote := c.Servers[1], c.Servers[2]
	if gh.Command == nil || gh.Command.Text != "npx" || gh.Command.Pointer != "/extensions/github/cmd" || gh.Command.Pos != (mcpclient.Pos{Line: 14, Column: 10}) {
		t.Errorf("github cmd %+v", gh.Command)
	}
	if len(gh.Args) != 2 || gh.Args[1].Pos != (mcpclient.Pos{Line: 13, Column: 7}) || len(gh.Env) != 1 || gh.Env[0].Value.Pointer != "/extensions/github/envs/GITHUB_PERSONAL_ACCESS_TOKEN" {
		t.Errorf("github args %+v env %+v", gh.Args, gh.Env)
	}
	if remote.URL == nil || remote.URL.Pointer != "/extensions/remote/uri" || len(remote.Headers) != 1 {
		t.Errorf("remote %+v", remote)
	}
}

// TestSniffFormats: YAML and TOML files are client configurations only in
// the client layouts; everything else that shares a key stays silent, and
// a broken file is a problem only where a client reads it.
func TestSniffFormats(t *testing.T) {
	for _, tc := range []struct {
		path, data, format string
		err                bool
	}{
		{".codex/config.toml", codexTOML, "mcp_servers", false},
		{"config.toml", "mcp_servers.fs.command = \"npx\"\n", "mcp_servers", false},
		{"pyproject.toml", "[project]\nname = \"mcp-servers\"\n[tool.mcp_servers_gen]\nx = 1\n", "", false},
		{"Cargo.toml", "[package]\nname = \"x\"\n[dependencies]\nmcp_servers = \"1\"\n", "", false},
		{"netlify.toml", "[build]\ncommand = \"npm run build\"\n", "", false},
		{".codex/config.toml", "[mcp_servers.x\ncommand = 1\n", "", true},
		{"other/config.toml", "[mcp_servers.x\ncommand = 1\n", "", false},
		{".continue/mcpServers/team.yaml", continueYAML, "mcpServers list", false},
		{".continue/config.yaml", "name: cfg\nmodels: []\nmcpServers:\n  - name: a\n    command: uvx\n", "mcpServers list", false},
		{".mcphost.yml", "mcpServers:\n  fs:\n    command: npx\n", "mcpServers", false},
		{"goose/config.yaml", gooseYAML, "extensions", false},
		{"docs.yaml", "extensions:\n  - markdown\n  - toc\n", "", false},
		{"mkdocs.yml", "markdown_extensions:\n  - toc\nextensions:\n  admonition: {type: note}\n", "", false},
		{".github/workflows/ci.yml", "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n", "", false},
		{"values.yaml", "servers:\n  a:\n    command: npx\n", "", false},
		{".continue/mcpServers/broken.yaml", "mcpServers:\n  - name: a\n   command: [\n", "", true},
		{"helm/broken.yaml", "mcpServers:\n  - name: a\n   command: [\n", "", false},
	} {
		format, err := Sniff(tc.path, []byte(tc.data))
		if format != tc.format || (err != nil) != tc.err {
			t.Errorf("%s %.40q: format %q, err %v; want %q, error %v", tc.path, tc.data, format, err, tc.format, tc.err)
		}
	}
}

// TestFormatErrors: broken and hostile YAML and TOML give an error with a
// position, never a panic.
func TestFormatErrors(t *testing.T) {
	for _, tc := range []struct{ path, data, want string }{
		{"c.toml", "[mcp_servers.x]\ncommand = \"npx\n", "line 2:"},
		{"c.toml", "[mcp_servers.x]\ncommand = ", "line 2:10: expected value"},
		{"c.toml", "[mcp_servers.x]\nargs = [1,\n", "line 2:11: array is incomplete"},
		{"c.toml", "mcp_servers = 1\n[mcp_servers.x]\n", "already a value"},
		{"c.toml", "mcp_servers.a = " + strings.Repeat("[", 100) + strings.Repeat("]", 100) + "\n", "nested deeper than 64 levels"},
		{"c.toml", "[" + strings.Repeat("a.", 70) + "a]\n", "nested deeper than 64 levels"},
		{"c.yaml", "mcpServers: " + strings.Repeat("[", 100) + strings.Repeat("]", 100) + "\n", "nested deeper than 64 levels"},
		{"c.yaml", "mcpServers:\n  a: [\n", "line"},
		{"c.yaml", "", "empty"},
	} {
		_, err := parse(syntaxOf(tc.path), []byte(tc.data))
		var se *SyntaxError
		if !errors.As(err, &se) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s %.40q: error %v, want %q", tc.path, tc.data, err, tc.want)
		}
	}
}

// FuzzParseFormats: no YAML or TOML input makes the readers panic or loop.
func FuzzParseFormats(f *testing.F) {
	f.Add([]byte(codexTOML), true)
	f.Add([]byte(continueYAML), false)
	f.Add([]byte(gooseYAML), false)
	f.Add([]byte("a = [[{b = 1}]]\n[[mcp_servers.x]]\n[mcp_servers.x.y]\n"), true)
	f.Fuzz(func(t *testing.T, data []byte, toml bool) {
		path := "c.yaml"
		if toml {
			path = ".codex/config.toml"
		}
		_, _ = Parse(path, data)
		_, _ = Sniff(path, data)
	})
}
