package mcpconfig

import (
	"errors"
	"strings"
	"testing"

	"github.com/apiaudit/apiaudit/pkg/mcpclient"
)

// TestPositions checks line and column of values in pretty and minified
// JSON, with multi-byte characters before them on the line (columns count
// characters, as YAML and kin-openapi positions do).
func TestPositions(t *testing.T) {
	pretty := "{\n  \"mcpServers\": {\n    \"é-server\": {\n      \"command\": \"npx\",\n      \"args\": [\"-y\", \"pkg\"],\n      \"env\": {\"TOKEN\": \"v\"}\n    }\n  }\n}\n"
	minified := `{"mcpServers":{"é-server":{"command":"npx","args":["-y","pkg"],"env":{"TOKEN":"v"}}}}`
	for _, tc := range []struct {
		name                   string
		data                   string
		server, cmd, arg1, env mcpclient.Pos
	}{
		{"pretty", pretty, mcpclient.Pos{Line: 3, Column: 5}, mcpclient.Pos{Line: 4, Column: 18}, mcpclient.Pos{Line: 5, Column: 22}, mcpclient.Pos{Line: 6, Column: 24}},
		{"minified", minified, mcpclient.Pos{Line: 1, Column: 16}, mcpclient.Pos{Line: 1, Column: 38}, mcpclient.Pos{Line: 1, Column: 57}, mcpclient.Pos{Line: 1, Column: 79}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := Parse("mcp.json", []byte(tc.data))
			if err != nil {
				t.Fatal(err)
			}
			if len(c.Servers) != 1 {
				t.Fatalf("%d servers", len(c.Servers))
			}
			s := c.Servers[0]
			for _, got := range []struct {
				what      string
				got, want mcpclient.Pos
			}{{"server", s.Pos, tc.server}, {"command", s.Command.Pos, tc.cmd}, {"args[1]", s.Args[1].Pos, tc.arg1}, {"env", s.Env[0].Value.Pos, tc.env}} {
				if got.got != got.want {
					t.Errorf("%s at %+v, want %+v", got.what, got.got, got.want)
				}
			}
			if s.Args[1].Pointer != "/mcpServers/é-server/args/1" || s.Env[0].Value.Pointer != "/mcpServers/é-server/env/TOKEN" {
				t.Errorf("pointers %q, %q", s.Args[1].Pointer, s.Env[0].Value.Pointer)
			}
		})
	}
}

// TestJSONC reads what VS Code and Zed accept: comments, trailing commas, a
// byte-order mark, escapes.
func TestJSONC(t *testing.T) {
	data := "\ufeff// workspace servers\n{\n  /* block\n     comment */ \"servers\": {\n    \"a/b\": {\"command\": \"uvx\", \"args\": [\"x\\u00e9\\ud83d\\ude00\",],}, // trailing\n  },\n  \"inputs\": [],\n}\n"
	c, err := Parse(".vscode/mcp.json", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	if c.Format != "servers" || len(c.Servers) != 1 {
		t.Fatalf("format %q, %d servers", c.Format, len(c.Servers))
	}
	s := c.Servers[0]
	if s.Pointer != "/servers/a~1b" || s.Args[0].Text != "xé😀" || s.Pos != (mcpclient.Pos{Line: 5, Column: 5}) {
		t.Errorf("server %+v, args %+v", s, s.Args)
	}
}

// TestSyntaxErrors checks that broken and hostile files give an error with
// a position, never a panic.
func TestSyntaxErrors(t *testing.T) {
	for _, tc := range []struct{ data, want string }{
		{``, "line 1:1: the file is empty"},
		{`{"mcpServers": {"a": {"command": "npx}}}`, "line 1:34: string not closed"},
		{"{\n  \"mcpServers\" {}\n}", "line 2:16: expected ':' after key \"mcpServers\""},
		{`{"mcpServers": {}} x`, "unexpected 'x' after the top-level value"},
		{`{"a": /x}`, "unexpected '/'"},
		{`{"a": /* open`, "comment not closed"},
		{`{"a": 01x}`, "expected ',' or '}', found 'x'"},
		{`{"a": -}`, "invalid number"},
		{`{"a": "\q"}`, `invalid escape \q`},
		{`{"a": tru}`, "unexpected 't'"},
		{strings.Repeat("[", 100000), "nested deeper than 64 levels"},
		{`{"a": [1, 2`, "expected ',' or ']', found end of file"},
	} {
		_, err := parseJSONC([]byte(tc.data))
		var se *SyntaxError
		if !errors.As(err, &se) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%.30q: error %v, want %q", tc.data, err, tc.want)
		}
	}
}

// TestSniff checks discovery by content and name: mcpServers anywhere,
// VS Code's servers only in a file named for MCP or with inputs, a broken
// file with a client's name is an error, any other broken file is not ours.
func TestSniff(t *testing.T) {
	for _, tc := range []struct {
		path, data, format string
		err                bool
	}{
		{"claude_desktop_config.json", `{"mcpServers": {"fs": {"command": "npx"}}}`, "mcpServers", false},
		{"anything.json", `{"mcpServers": {}}`, "mcpServers", false},
		{".vscode/mcp.json", `{"servers": {"fs": {"command": "npx"}}}`, "servers", false},
		{"config.json", `{"servers": {"prod": {"url": "http://api.example.com"}}}`, "", false},
		{"config.json", `{"servers": {"x": {"command": "npx"}}, "inputs": []}`, "servers", false},
		{".vscode/settings.json", "{\n // editor\n \"mcp\": {\"servers\": {\"x\": {\"command\": \"npx\"}}}}", "mcp.servers", false},
		{".zed/settings.json", `{"context_servers": {"pg": {"command": {"path": "npx"}}}}`, "context_servers", false},
		{"opencode.json", `{"mcp": {"x": {"type": "local", "command": ["npx"]}}}`, "mcp", false},
		{"package.json", `{"name": "x", "mcp": {"x": 1}}`, "", false},
		{"package.json", `{"name": "x", "version": "1.0.0"}`, "", false},
		{".cursor/mcp.json", `{"mcpServers": {"x": `, "", true},
		{"data.json", `{"mcpServers": {"x": `, "", false},
	} {
		format, err := Sniff(tc.path, []byte(tc.data))
		if format != tc.format || (err != nil) != tc.err {
			t.Errorf("%s %.40q: format %q, err %v; want %q, error %v", tc.path, tc.data, format, err, tc.format, tc.err)
		}
	}
}

// TestLayouts reads each client's way of writing a server.
func TestLayouts(t *testing.T) {
	for _, tc := range []struct {
		path, data string
		command    string
		args       []string
		url        string
		env        []string
	}{
		{"mcp.json", `{"mcpServers": {"s": {"command": "npx", "args": ["-y", "p"], "env": {"K": "v"}}}}`, "npx", []string{"-y", "p"}, "", []string{"K"}},
		{"mcp_config.json", `{"mcpServers": {"s": {"serverUrl": "https://w.example/mcp"}}}`, "", nil, "https://w.example/mcp", nil},
		{"settings.json", `{"mcpServers": {"s": {"httpUrl": "https://g.example/mcp", "headers": {"A": "b"}}}}`, "", nil, "https://g.example/mcp", nil},
		{"settings.json", `{"context_servers": {"s": {"command": {"path": "uvx", "args": ["p"], "env": {"K": "v"}}}}}`, "uvx", []string{"p"}, "", []string{"K"}},
		{"opencode.json", `{"mcp": {"s": {"type": "local", "command": ["npx", "-y", "p"], "environment": {"K": "v"}}}}`, "npx", []string{"-y", "p"}, "", []string{"K"}},
	} {
		c, err := Parse(tc.path, []byte(tc.data))
		if err != nil {
			t.Fatalf("%s: %v", tc.data, err)
		}
		s := c.Servers[0]
		var cmd, url string
		if s.Command != nil {
			cmd = s.Command.Text
		}
		if s.URL != nil {
			url = s.URL.Text
		}
		var args, env []string
		for _, a := range s.Args {
			args = append(args, a.Text)
		}
		for _, e := range s.Env {
			env = append(env, e.Name)
		}
		if cmd != tc.command || url != tc.url || strings.Join(args, " ") != strings.Join(tc.args, " ") || strings.Join(env, " ") != strings.Join(tc.env, " ") {
			t.Errorf("%s: command %q args %q url %q env %q", tc.data, cmd, args, url, env)
		}
	}
}

// FuzzParse: no input makes the reader panic or loop.
func FuzzParse(f *testing.F) {
	f.Add([]byte(`{"mcpServers": {"a": {"command": "npx", "args": ["-y"], "env": {"K": "v"}}}}`))
	f.Add([]byte("// c\n{\"servers\": {\"a\": {\"url\": \"http://x\",},},}"))
	f.Add([]byte(`{"context_servers": {"a": {"command": {"path": "x"}}}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, _ = Parse("mcp.json", data)
		_, _ = Sniff("mcp.json", data)
	})
}

// TestPlaceOf: client configurations that a project keeps as test
// fixtures (under testdata/, test/) or examples are graded as such, by
// their path relative to the scan root; the ones someone runs are not.
func TestPlaceOf(t *testing.T) {
	for file, want := range map[string]string{
		"pkg/client/testdata/list/vscode.json": "test scaffolding (testdata/)",
		"pkg/client/testdata/list/zed.jsonc":   "test scaffolding (testdata/)",
		"test/e2e/mcp.json":                    "test scaffolding (test/)",
		"examples/claude/mcp.json":             "example code (examples/)",
		".vscode/mcp.json":                     "",
		"mcp.json":                             "",
		"configs/latest/mcp.json":              "",
	} {
		if got := PlaceOf(file); got != want {
			t.Errorf("PlaceOf(%q) = %q, want %q", file, got, want)
		}
	}
}
