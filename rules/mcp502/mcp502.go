// Package mcp502 defines rule MCP502: an MCP server reached over plain
// http.
package mcp502

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/mcpclient"
)

var Rule = &lint.Rule{
	ID:   "MCP502",
	Name: "client-config-plain-http",
	Doc: lint.Doc{
		Title: "MCP server reached over plain http",
		Summary: "An MCP client configuration connects to a remote server (url, serverUrl, httpUrl, or the URL " +
			"given to a bridge such as mcp-remote) over http:// or ws:// on a host other than this machine.",
		Why: `Everything an agent exchanges with a remote MCP server travels in that
connection: the tool list the model reads, every tool call with its
arguments (often file contents, queries, personal data), every result, and
the credentials in the headers. Over plain http anyone on the path (a café
network, a compromised router, a proxy) can read all of it and, worse, change
it: a tool description or a tool result rewritten in transit is a prompt
injection the user never sees. The MCP specification requires HTTPS for
remote servers and for its authorization flow.

Loopback addresses (localhost, 127.0.0.1, ::1, host.docker.internal) do not
cross a network and stay silent, and so do the names and addresses kept for
documentation (example.com, *.test, *.invalid, 192.0.2.0/24 and the other
TEST-NET blocks), which only examples and test fixtures use.`,
		Grades: `- **error**: the connection carries a credential (an Authorization, API-key or
  cookie header, or a secret in the URL), which anyone on the path can take.
- **warning**: a public host, without credentials.
- **note**: a private address or an unqualified host name (a LAN host, a
  container on a compose network), where the path is shorter but still shared
  (with a credential, a warning).

Each is one step lower (not below a note) in a configuration in example code
or test scaffolding (a directory such as examples/, demo/, testdata/ or test/
on its path), which nobody connects with as is; the message says which.`,
		Fix: "serve the endpoint over https (or wss) and change the URL; for a server on this machine use localhost",
		Bad: `{
  "mcpServers": {
    "tickets": {
      "type": "http",
      "url": "http://mcp.acme-tickets.io/mcp",
      "headers": {"Authorization": "Bearer ${env:TICKETS_TOKEN}"}
    }
  }
}`,
		Good: `{
  "mcpServers": {
    "tickets": {
      "type": "http",
      "url": "https://mcp.acme-tickets.io/mcp",
      "headers": {"Authorization": "Bearer ${env:TICKETS_TOKEN}"}
    }
  }
}`,
		Lang:      "json",
		Severity:  lint.SeverityWarning,
		Precision: "very-high",
		CWE:       []int{319},
		OWASP:     []string{"API8:2023", "LLM03:2025"},
		Since:     "v0.1.0",
	},
	Client: run,
}

// bridges are packages that connect a local stdio client to a remote
// server whose URL is one of their arguments.
var bridges = []string{"mcp-remote", "supergateway", "mcp-proxy", "mcp-remote-client", "@modelcontextprotocol/inspector"}

func run(pass *lint.ClientPass) error {
	for _, s := range pass.Config.Servers {
		if s.URL != nil {
			check(pass, s, *s.URL, credentials(s))
		}
		if bridged(s) {
			for _, a := range s.Args {
				if strings.Contains(a.Text, "://") {
					check(pass, s, a, credentials(s))
				}
			}
		}
	}
	return nil
}

func check(pass *lint.ClientPass, s *mcpclient.Server, v mcpclient.Value, creds string) {
	reach, u := mcpclient.PlainHTTP(v.Text)
	if reach == mcpclient.Encrypted || reach == mcpclient.Loopback || reach == mcpclient.Reserved {
		return
	}
	if creds == "" {
		if _, ok := u.User.Password(); ok {
			creds = "the password in its URL"
		}
		q := u.Query()
		for _, name := range slices.Sorted(maps.Keys(q)) {
			if creds == "" && mcpclient.SecretName(name) && q.Get(name) != "" {
				creds = "the query parameter " + name
			}
		}
	}
	sev, where := lint.SeverityWarning, "the public host "+u.Hostname()
	if reach == mcpclient.Private {
		sev, where = lint.SeverityNote, u.Hostname()+", a private or unqualified host"
	}
	if creds != "" {
		sev-- // one step more severe: note to warning, warning to error
	}
	// In an example or a test fixture, nobody connects as is: one step
	// lower (not below a note), saying why.
	suffix := ""
	if place := pass.Config.Place; place != "" && sev < lint.SeverityNote {
		suffix = fmt.Sprintf(" (%s, not %s: %s)", withArticle(sev+1), withArticle(sev), place)
		sev++
	}
	if creds != "" {
		pass.Reportf(sev, v, "server %q is reached over plain %s at %s, and %s crosses the network in clear text%s",
			s.Name, u.Scheme, where, creds, suffix)
		return
	}
	pass.Reportf(sev, v, "server %q is reached over plain %s at %s: its tool lists, calls and results can be read and changed on the way%s",
		s.Name, u.Scheme, where, suffix)
}

// withArticle is "an error", "a warning" or "a note".
func withArticle(sev lint.Severity) string {
	if sev == lint.SeverityError {
		return "an error"
	}
	return "a " + sev.String()
}

// credentials names the header that carries a credential, "" when none.
func credentials(s *mcpclient.Server) string {
	for _, h := range s.Headers {
		if strings.TrimSpace(h.Value.Text) != "" && (mcpclient.SecretName(h.Name) || strings.EqualFold(h.Name, "cookie")) {
			return "its " + h.Name + " header"
		}
	}
	return ""
}

// bridged reports whether a local server is a bridge to a remote one.
func bridged(s *mcpclient.Server) bool {
	words := s.Args
	if s.Command != nil {
		words = append([]mcpclient.Value{*s.Command}, words...)
	}
	for _, w := range words {
		name := w.Text
		if at := strings.LastIndex(name, "@"); at > 0 {
			name = name[:at]
		}
		for _, b := range bridges {
			if name == b || strings.HasSuffix(name, "/"+b) {
				return true
			}
		}
	}
	return false
}
