package engine

import "github.com/apiaudit/apiaudit/pkg/lint"

// SuppressionRule reports suppressions that do not do what their author
// meant. The engine makes its findings; it has no check function.
var SuppressionRule = &lint.Rule{
	ID:     "OAS501",
	Name:   "ineffective-suppression",
	Engine: true,
	Doc: lint.Doc{
		Title:   "Suppression is malformed, unexplained or unused",
		Summary: "An x-apiaudit-ignore entry names an unknown rule, gives no reason, is malformed, or matches no finding (Go's //apiaudit:ignore comments are GO503's).",
		Why: `A suppression is a claim that a finding does not apply, and a reviewer
can only check that claim when it says why. Suppressions also outlive the
problems they hid: once an operation gains authentication, an ignore left on
it would silently hide the next regression of the same kind. apiaudit
therefore ignores suppressions without a reason, and reports entries that
match nothing so they can be removed.`,
		Fix: "give each suppression a known rule id and a reason, and delete suppressions that match nothing",
		Bad: `paths:
  /health:
    get:
      x-apiaudit-ignore:
        - rule: OAS101          # no reason: not honoured
      responses:
        "200": {description: ok}`,
		Good: `paths:
  /health:
    get:
      x-apiaudit-ignore:
        - rule: OAS101
          reason: liveness probe for the load balancer, returns no data
      responses:
        "200": {description: ok}`,
		Lang:      "yaml",
		Severity:  lint.SeverityWarning,
		Precision: "very-high",
		CWE:       []int{1164},
		OWASP:     []string{"API9:2023"},
		Since:     "v0.1.0",
	},
}

// GoSuppressionRule is SuppressionRule for Go: //apiaudit:ignore comments
// that are misspelt, name an unknown rule, give no reason or match nothing.
// Go findings keep to GO ids, so that `--enable 'GO*'` and a Go-only
// configuration see them.
var GoSuppressionRule = &lint.Rule{
	ID:     "GO503",
	Name:   "ineffective-go-suppression",
	Engine: true,
	Doc: lint.Doc{
		Title:   "Go suppression comment is malformed, unexplained or unused",
		Summary: "A //apiaudit:ignore comment is misspelt (so it suppresses nothing), names an unknown rule, gives no reason, or matches no finding.",
		Why: `A suppression is a claim that a finding does not apply, and a reviewer
can only check that claim when it says why. A comment that is almost the
directive ("// apiaudit:ignore" with a space, "//apiaudit: ignore",
"//apiaudit-ignore") looks like one to a reviewer but suppresses nothing,
and an ignore left behind after the code is fixed would silently hide the
next regression on its line. apiaudit therefore honours only
"//apiaudit:ignore RULE -- reason", and reports the rest.`,
		Fix: "write //apiaudit:ignore RULE -- reason (no space after //), with a known rule id, on the finding's line, the line above or the enclosing declaration, and delete ignores that match nothing",
		Bad: `func upload(w http.ResponseWriter, r *http.Request) {
	// apiaudit:ignore GO201 -- body is capped by the proxy
	io.ReadAll(r.Body) // the space after // makes this a plain comment
}`,
		Good: `func upload(w http.ResponseWriter, r *http.Request) {
	//apiaudit:ignore GO201 -- body is capped at 1 MB by the ingress proxy
	io.ReadAll(r.Body)
}`,
		Lang:      "go",
		Severity:  lint.SeverityWarning,
		Precision: "very-high",
		CWE:       []int{1164},
		OWASP:     []string{"API9:2023"},
		Since:     "v0.2.0",
	},
}

// ClientSuppressionRule is SuppressionRule for tool manifests and MCP
// client configurations: their x-apiaudit-ignore entries that are
// malformed, name an unknown rule, give no reason or match nothing. Their
// findings keep to MCP ids, so that `--enable 'MCP*'` sees them.
var ClientSuppressionRule = &lint.Rule{
	ID:     "MCP504",
	Name:   "ineffective-mcp-suppression",
	Engine: true,
	Doc: lint.Doc{
		Title:   "Suppression in a tool manifest or MCP client configuration is malformed, unexplained or unused",
		Summary: "An x-apiaudit-ignore entry of a tool manifest or an MCP client configuration names an unknown rule, gives no reason, is malformed, or matches no finding.",
		Why: `A suppression is a claim that a finding does not apply, and a reviewer
can only check that claim when it says why. Suppressions also outlive the
problems they hid: once a server's package is pinned, an ignore left on it
would silently hide the next unpinned release. apiaudit therefore ignores
suppressions without a reason, and reports entries that match nothing so
they can be removed.

Tool manifests and client configurations take the suppressions OpenAPI
documents take: an x-apiaudit-ignore member, a list of {rule, reason}
entries, at the top level of the file (it covers the whole file), on a tool
object of a manifest or on a server's entry of a configuration (it covers
that tool or server). The member works in JSON, which has no comments, and
in the YAML and TOML some clients write; clients ignore members they do not
know (where one refuses them, use an overrides: entry of .apiaudit.yaml or
a baseline instead).`,
		Fix: "give each suppression a known rule id and a reason, and delete suppressions that match nothing",
		Bad: `{
  "mcpServers": {
    "fs": {
      "command": "npx",
      "args": ["-y", "@modelcontextprotocol/server-filesystem@2025.8.21", "."],
      "x-apiaudit-ignore": [{"rule": "MCP503"}]
    }
  }
}`,
		Good: `{
  "mcpServers": {
    "fs": {
      "command": "npx",
      "args": ["-y", "@modelcontextprotocol/server-filesystem", "."],
      "x-apiaudit-ignore": [{"rule": "MCP503", "reason": "the dev container image pins the npm cache"}]
    }
  }
}`,
		Lang:      "json",
		Severity:  lint.SeverityWarning,
		Precision: "very-high",
		CWE:       []int{1164},
		OWASP:     []string{"API9:2023"},
		Since:     "v0.2.0",
	},
}
