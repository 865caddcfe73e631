// Package mcp510 defines rule MCP510: more tools in one catalog than agent
// platforms take.
package mcp510

import (
	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/toolcat"
)

// Options are the settings of MCP510.
type Options struct {
	// Soft is the tool count over which a note is reported. Default 40:
	// the working ceiling guides for Cursor describe (not a documented
	// limit).
	Soft int `yaml:"soft"`
	// Hard is the tool count over which a warning is reported. Default
	// 128: the most functions the OpenAI API accepts in one request, and
	// the most tools VS Code enables in one chat request.
	Hard int `yaml:"hard"`
}

var options = Options{Soft: 40, Hard: 128}

var Rule = &lint.Rule{
	ID:   "MCP510",
	Name: "too-many-tools",
	Doc: lint.Doc{
		Title: "Catalog has more tools than agent platforms take",
		Summary: "A tool manifest lists more than 128 tools (warning: the most the OpenAI API and VS Code accept " +
			"in one request) or more than 40 (note: where guides for Cursor see its tool choice degrade).",
		Why: `Every tool definition goes into the model's context on every turn, and
platforms cap how many they take. The OpenAI API documents a maximum of
128 functions in the ` + "`tools`" + ` of one request (Chat Completions and
Responses API reference: "a max of 128 functions are supported"), and VS
Code's agent mode fails a chat request with more ("You may not include
more than 128 tools in your request", microsoft/vscode issues #256629,
#259392, #337428). For Cursor we found no number in its own documentation
(checked this release); guides for it describe tool choice degrading past
about 40 active tools (mcptrove.com, "The Cursor tool-limit trap"), which
is why 40 is a note and an option, not a limit. Tools over the cap are dropped or the request
fails; under it, a long list still makes the model confuse similar tools,
and every tool is one more thing a prompt injection can reach (OWASP
LLM06:2025).

Reported once per catalog, at its tools array: a warning over the hard
limit (128), a note over the soft one (40). Both are options. For OpenAPI
documents written for agents, OAS510 applies the GPT Actions limit of 30
operations. The tools a Go package defines without a registration that can
be followed (mcp-grafana's 119, built with its own constructor and enabled
by toolset) are not counted: they are not known to reach one client
together.`,
		Fix: "split the server by task, or let users enable only the tools they need (toolsets)",
		Bad: `tools:
  # ... 140 tools ...`,
		Good: `tools:
  # ... the 25 tools of the "issues" toolset ...`,
		Lang:      "yaml",
		Severity:  lint.SeverityNote,
		Grades:    "A warning over the hard limit (128 tools), where requests fail; a note over the soft limit (40).",
		Precision: "very-high",
		CWE:       []int{1059},
		OWASP:     []string{"LLM06:2025"},
		Since:     "v0.2.0",
	},
	Options: &options,
	Catalog: run,
}

func run(pass *lint.CatalogPass) error {
	if pass.Catalog.Source == toolcat.SourceOpenAPI {
		return nil // OAS510
	}
	if pass.Catalog.Gathered {
		// The tools a Go package defines without a registration that can
		// be followed: they may go to several servers or toolsets, so
		// their number is not what one client is offered.
		return nil
	}
	n := len(pass.Catalog.Tools)
	switch {
	case options.Hard > 0 && n > options.Hard:
		pass.ReportSeverityf(lint.SeverityWarning, pass.Catalog.At,
			"the catalog has %d tools, over the %d the OpenAI API and VS Code accept in one request", n, options.Hard)
	case options.Soft > 0 && n > options.Soft:
		pass.Reportf(pass.Catalog.At, "the catalog has %d tools, over the %d past which agents such as Cursor's choose tools worse", n, options.Soft)
	}
	return nil
}
