// Package mcp511 defines rule MCP511: a tool name that agent platforms
// refuse.
package mcp511

import (
	"path"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/apiaudit/apiaudit/pkg/goapi"
	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/modeltext"
	"github.com/apiaudit/apiaudit/pkg/toolcat"
)

var Rule = &lint.Rule{
	ID:   "MCP511",
	Name: "tool-name-rejected-by-platforms",
	Doc: lint.Doc{
		Title: "Tool name is one that agent platforms refuse",
		Summary: "A tool has no name, or a name that does not match ^[a-zA-Z0-9_-]{1,64}$, the pattern the " +
			"OpenAI and Anthropic APIs require of function and tool names; or two tools share a name.",
		Why: `An MCP client passes each tool to the model API as a function, under its
name. The OpenAI API requires function names of letters, digits,
underscores and dashes, at most 64 characters; Anthropic's Messages API
requires tool names to match ` + "`^[a-zA-Z0-9_-]{1,64}$`" + ` (the name property of its Tool
schema); Gemini allows dots and
colons as well, but also at most 64. A server whose tool names break the
pattern fails on those platforms, or works only behind a client that
rewrites names, so that the name the model calls differs from the one in
the manifest and in reviews. The MCP specification allows dots and up to
128 characters, and clients do not all translate.

Two tools with the same name are worse: which one runs depends on the
client. A tool with no name cannot be called at all. Missing and duplicate
names are errors; a name outside the pattern is a warning.`,
		Fix: "rename the tool to letters, digits, _ and -, at most 64 characters, unique in the server",
		Bad: `tools:
  - name: github.repos/list contents`,
		Good: `tools:
  - name: github_list_repo_contents`,
		Lang:      "yaml",
		Severity:  lint.SeverityWarning,
		Grades:    "An error for a tool with no name or a name used twice.\n\nEvery finding is a note when the catalog lives in test data, an example or a demo (a testdata/, examples/ or demo path element, or a file named so): golden files and fixtures are not served to a model.",
		Precision: "low",
		CWE:       []int{1059},
		OWASP:     []string{"LLM06:2025"},
		Since:     "v0.2.0",
	},
	Catalog: run,
}

var portable = regexp.MustCompile(`^[a-zA-Z0-9_-]{1,64}$`)

func run(pass *lint.CatalogPass) error {
	if pass.Catalog.Source == toolcat.SourceOpenAPI {
		return nil // operation ids are checked by the OpenAPI rules
	}
	report := pass.ReportSeverityf
	// A catalog kept as test data or an example is graded as the Go rules
	// grade such code; its file name counts too (demo.json, example-tools.json).
	if why := goapi.PlaceReason(strings.TrimSuffix(pass.Catalog.File, path.Ext(pass.Catalog.File))); why != "" {
		report = func(_ lint.Severity, at toolcat.Pos, format string, args ...any) {
			pass.ReportSeverityf(lint.SeverityNote, at, format+" (a note: %s, which is not served to a model)", append(args, why)...)
		}
	}
	seen := map[string]*toolcat.Tool{}
	for i, t := range pass.Catalog.Tools {
		name := t.Name.Value
		switch {
		case !t.Name.Set || name == "":
			report(lint.SeverityError, t.At, "tool %d has no name: clients cannot call it", i)
		case seen[name] != nil && pass.Catalog.Gathered:
			// Tools gathered from a Go package may belong to different
			// servers: a repeated name is not known to clash.
		case seen[name] != nil:
			first := seen[name]
			report(lint.SeverityError, t.Name.At, "tool name %s is used twice (first at line %d): which tool runs depends on the client",
				modeltext.Quote(name), first.Name.At.Line)
		case !portable.MatchString(name):
			why := "has characters other than letters, digits, _ and -"
			if utf8.RuneCountInString(name) > 64 {
				why = "is longer than 64 characters"
			}
			report(lint.SeverityDefault, t.Name.At, "tool name %s %s, which the OpenAI and Anthropic APIs refuse", modeltext.Quote(name), why)
		}
		if name != "" && seen[name] == nil {
			seen[name] = t
		}
	}
	return nil
}
