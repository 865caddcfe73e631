// Package mcp302 defines rule MCP302: a tool that deletes or moves money
// and says so in no annotation.
package mcp302

import (
	"slices"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/modeltext"
	"github.com/apiaudit/apiaudit/pkg/toolcat"
)

var Rule = &lint.Rule{
	ID:   "MCP302",
	Name: "destructive-tool-without-annotations",
	Doc: lint.Doc{
		Title: "Tool that deletes or moves money has no annotations",
		Summary: "A tool whose name or description says it deletes data or moves money has no readOnlyHint " +
			"and no destructiveHint: the server leaves clients to guess.",
		Why: `Without annotations, MCP's defaults apply: the tool may change anything and
may destroy data. Clients that follow the defaults will ask before each
call, so this is not the unsafe side of the mistake; but clients differ,
connector directories increasingly require the hints to be written out,
and a server that marks none of its tools teaches users to approve every
prompt, including the one for the tool that deletes or pays. Writing
` + "`destructiveHint: true`" + ` on the tools that delete or pay (and
` + "`readOnlyHint: true`" + ` on those that only read) lets a client ask exactly when
it matters.

What the tool does is read from the verb that starts its name or its
description, as in MCP301. The finding is a note. OpenAPI documents are
not checked: agent platforms ask before any operation but a GET unless it
is marked otherwise (x-openai-isConsequential), and OAS306 reports
destructive operations open to anyone.`,
		Fix: "add annotations: {readOnlyHint: false, destructiveHint: true} (and idempotentHint where it holds)",
		Bad: `tools:
  - name: refund_order
    description: Refunds an order to the card it was paid with.`,
		Good: `tools:
  - name: refund_order
    description: Refunds an order to the card it was paid with.
    annotations:
      destructiveHint: true
      idempotentHint: false`,
		Lang:      "yaml",
		Severity:  lint.SeverityNote,
		Precision: "high",
		CWE:       []int{1059},
		OWASP:     []string{"LLM06:2025"},
		Since:     "v0.2.0",
	},
	Catalog: run,
}

func run(pass *lint.CatalogPass) error {
	if pass.Catalog.Source == toolcat.SourceOpenAPI {
		return nil // the platforms' defaults ask before a non-GET operation runs (x-openai-isConsequential); OAS306 covers open destructive operations
	}
	for _, t := range pass.Catalog.Tools {
		if a := t.Annotations; a != nil && (a.ReadOnly.State != toolcat.Unset || a.Destructive.State != toolcat.Unset) {
			continue
		}
		effects := t.Effects()
		what := ""
		switch {
		case slices.Contains(effects, toolcat.Pays):
			what = "moves money"
		case slices.Contains(effects, toolcat.Deletes):
			what = "deletes data"
		default:
			continue
		}
		at := t.Name.At
		if !at.Known() {
			at = t.At
		}
		pass.Reportf(at, "tool %s %s but has no readOnlyHint or destructiveHint annotation", modeltext.Quote(t.Label()), what)
	}
	return nil
}
