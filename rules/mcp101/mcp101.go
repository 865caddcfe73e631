// Package mcp101 defines rule MCP101: a credential written inline in an MCP
// client configuration.
package mcp101

import (
	"strconv"
	"strings"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/mcpclient"
)

var Rule = &lint.Rule{
	ID:   "MCP101",
	Name: "client-config-inline-secret",
	Doc: lint.Doc{
		Title: "Credential written inline in an MCP client configuration",
		Summary: "A server entry of an MCP client configuration (mcp.json, .vscode/mcp.json, .cursor/mcp.json, " +
			"claude_desktop_config.json, ...) holds a token, API key or password as a literal in env, args, " +
			"headers or its URL, instead of a reference the client fills in at start.",
		Why: `Client configurations are made to be shared: ` + "`.vscode/mcp.json`" + `, ` + "`.cursor/mcp.json`" + `
and ` + "`.mcp.json`" + ` sit in the repository so that everyone on the team gets the same
servers. A token pasted into one is committed with it, copied into every
clone and fork, and kept in the history after it is deleted. It is also the
credential the agent works with, usually broad (a personal access token
with repository scope, an API key for the whole account), so whoever reads
the file can do what the agent can.

Every client has a way to keep the value out of the file: VS Code asks
for it once through an ` + "`inputs`" + ` entry (` + "`${input:github-token}`" + `, stored in its
secret storage) or reads the environment (` + "`${env:GITHUB_TOKEN}`" + `); Cursor
expands ` + "`${env:NAME}`" + `; Claude Code expands ` + "`${NAME}`" + ` and ` + "`${NAME:-default}`" + ` in
` + "`.mcp.json`" + `; a local server can read an env file or the user's keychain.

The rule reports values of a known token format (GitHub, GitLab, Slack,
OpenAI, Anthropic, AWS, Google, Stripe, Hugging Face, Notion, Linear,
Atlassian, npm, ...) anywhere in a server entry, and random-looking values
(16 characters or more, letters and digits, high entropy) under a name that
says it holds a credential: env variables and headers named *TOKEN*, *KEY*,
*SECRET*, *PASSWORD*, Authorization; flags such as --api-key; query
parameters such as ?api_key=. A URL written anywhere in a server entry (an
env value such as DATABASE_URL, an argument, a header, the server's URL) is
read for a password in its user information
(` + "`postgres://app:s3cret@db/prod`" + `) or a token as its user name; a
password that is the user name again or a development default
(` + "`postgres:postgres`" + `, ` + "`user:pass`" + `) stays silent. References and placeholders
(` + "`<YOUR_TOKEN>`" + `, ` + "`your-api-key`" + `, ` + "`sk-xxxx`" + `) stay silent, and so does the default
of a ` + "`${NAME:-default}`" + ` unless it is itself a live-looking credential. Messages
show only the first characters of the value.`,
		Fix: "revoke the credential, then reference it instead: ${input:id} with an inputs entry (VS Code), ${env:NAME} (VS Code, Cursor) or ${NAME} (Claude Code)",
		Bad: `{
  "servers": {
    "github": {
      "command": "docker",
      "args": ["run", "-i", "--rm", "-e", "GITHUB_PERSONAL_ACCESS_TOKEN", "ghcr.io/github/github-mcp-server:v0.20.1"],
      "env": {"GITHUB_PERSONAL_ACCESS_TOKEN": "ghp_R8x2Lq9ZtV4mN7kP1sW6yB3cH5dF0gJ2aE8u"}
    }
  }
}`,
		Good: `{
  "inputs": [
    {"type": "promptString", "id": "github-token", "description": "GitHub token", "password": true}
  ],
  "servers": {
    "github": {
      "command": "docker",
      "args": ["run", "-i", "--rm", "-e", "GITHUB_PERSONAL_ACCESS_TOKEN", "ghcr.io/github/github-mcp-server:v0.20.1"],
      "env": {"GITHUB_PERSONAL_ACCESS_TOKEN": "${input:github-token}"}
    }
  }
}`,
		Lang:      "json",
		Severity:  lint.SeverityError,
		Precision: "high",
		Grades:    "- **note** for a password in a URL whose host is the local machine (`postgresql://testuser:testpass@localhost/testdb`, `127.0.0.1`): a database or service the developer runs on their own machine, which no one else reaches with it (judged noise, 0 of 7, in integration-test and example configurations).",
		CWE:       []int{798, 312},
		OWASP:     []string{"API8:2023", "LLM02:2025"},
		Since:     "v0.1.0",
	},
	Client: run,
}

// fixes are the fix hints of the layouts whose clients refer to a
// credential their own way (the rule's Fix names VS Code's, Cursor's and
// Claude Code's).
var fixes = map[string]string{
	"mcp_servers": "revoke the credential, then let Codex read it from the environment: env_vars = [\"NAME\"] forwards " +
		"a variable to the server; bearer_token_env_var and env_http_headers name the variables headers are read from",
	"mcpServers list": "revoke the credential, then reference a secret instead: ${{ secrets.NAME }} (Continue)",
	"extensions": "revoke the credential, then name the variable in env_keys and store its value with goose configure " +
		"(Goose's keyring) instead of writing it in envs",
}

func run(pass *lint.ClientPass) error {
	if fix := fixes[pass.Config.Format]; fix != "" {
		p, report := *pass, pass.Report
		p.Report = func(f lint.Finding) { f.Fix = fix; report(f) }
		pass = &p
	}
	for _, s := range pass.Config.Servers {
		c := checker{pass: pass, server: s}
		for _, e := range s.Env {
			c.named(e.Name, e.Value, "env "+e.Name)
		}
		for _, h := range s.Headers {
			c.named(h.Name, h.Value, "header "+h.Name)
		}
		c.args(s.Args)
		if s.URL != nil {
			c.url(*s.URL, "its URL")
		}
	}
	return nil
}

type checker struct {
	pass   *lint.ClientPass
	server *mcpclient.Server
}

func (c checker) report(v mcpclient.Value, where, what, shown string) {
	c.pass.Reportf(lint.SeverityDefault, v, "server %q: %s holds %s written inline (%s…)", c.server.Name, where, what, shown)
}

// named checks a value written under a name: an env variable, a header,
// a flag. A value that holds a URL (DATABASE_URL, a proxy) is also checked
// for the credentials a URL carries, whatever the name.
func (c checker) named(name string, v mcpclient.Value, where string) {
	if !c.namedValue(name, v, where) && strings.Contains(v.Text, "://") {
		c.url(v, where)
	}
}

// namedValue reports a token of a known format in a value, or a random
// one under a credential's name; false when it reported nothing.
func (c checker) namedValue(name string, v mcpclient.Value, where string) bool {
	rest, defaults := mcpclient.Literal(v.Text)
	for _, cand := range append([]string{rest}, defaults...) {
		if service, tok := mcpclient.KnownToken(cand); service != "" && !mcpclient.Placeholder(tok) {
			c.report(v, where, article(service), head(tok))
			return true
		}
		if !mcpclient.SecretName(name) {
			continue
		}
		for _, w := range credentialWords(cand) {
			if mcpclient.Random(w) {
				c.report(v, where, "a credential", head(w))
				return true
			}
		}
	}
	return false
}

// credentialWords splits a header value into what may be the credential:
// "Bearer abc" gives abc; a plain value is itself.
func credentialWords(s string) []string {
	f := strings.Fields(s)
	if len(f) == 2 {
		switch strings.ToLower(f[0]) {
		case "bearer", "basic", "token", "apikey", "api-key", "key", "digest":
			return f[1:]
		}
	}
	if len(f) == 1 {
		return f
	}
	return nil
}

// args checks a server's command-line arguments: --flag=value and --flag
// value pairs whose flag names a credential, NAME=value pairs (docker -e),
// URLs, and tokens of a known format anywhere.
func (c checker) args(args []mcpclient.Value) {
	for i, a := range args {
		t := a.Text
		if strings.Contains(t, "://") {
			c.url(a, "argument "+strconv.Itoa(i+1))
			continue
		}
		if name, val, ok := strings.Cut(t, "="); ok && name != "" && !strings.Contains(name, " ") {
			if mcpclient.SecretName(name) {
				v := a
				v.Text = val
				c.named(name, v, "argument "+name)
				continue
			}
		}
		if strings.HasPrefix(t, "-") && !strings.Contains(t, "=") && mcpclient.SecretName(t) && i+1 < len(args) &&
			!strings.HasPrefix(args[i+1].Text, "-") {
			c.named(t, args[i+1], "the value of "+t)
			continue
		}
		if i > 0 && strings.HasPrefix(args[i-1].Text, "-") && mcpclient.SecretName(args[i-1].Text) {
			continue // checked with its flag
		}
		if service, tok := mcpclient.KnownToken(t); service != "" && !mcpclient.References(t) {
			c.report(a, "argument "+strconv.Itoa(i+1), article(service), head(tok))
		}
	}
}

// url reports the first credential a URL carries; false when it carries
// none.
func (c checker) url(v mcpclient.Value, where string) bool {
	for _, what := range mcpclient.URLSecrets(v.Text) {
		if host := mcpclient.LoopbackHost(v.Text); host != "" && what == "a password in the URL" {
			// postgresql://testuser:testpass@localhost/app: the password
			// of a database on the developer's own machine, which no one
			// else can reach with it.
			c.pass.Reportf(lint.SeverityNote, v, "server %q: %s holds %s written inline (a note: the URL points at %s, a service on the developer's own machine that no one else reaches with it; reference the value all the same if it is shared)", c.server.Name, where, what, host)
			return true
		}
		c.pass.Reportf(lint.SeverityDefault, v, "server %q: %s holds %s written inline", c.server.Name, where, what)
		return true
	}
	return false
}

// head is how much of a credential a message shows: enough to find it,
// too little to use it.
func head(s string) string {
	n := 4
	if i := strings.IndexAny(s, "_-"); i >= 0 && i < 12 {
		n = i + 1 // the whole prefix: ghp_, sk-, glpat-
	}
	if n > len(s)/3 {
		n = len(s) / 3
	}
	return s[:n]
}

// article puts "a" or "an" before a service's credential.
func article(s string) string {
	if strings.ContainsRune("AEIOU", rune(s[0])) {
		return "an " + s
	}
	return "a " + s
}
