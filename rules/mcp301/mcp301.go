// Package mcp301 defines rule MCP301: a tool annotated read-only (or
// non-destructive) whose name or description says it deletes, sends or pays.
package mcp301

import (
	"slices"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/modeltext"
	"github.com/apiaudit/apiaudit/pkg/toolcat"
)

var Rule = &lint.Rule{
	ID:   "MCP301",
	Name: "dishonest-tool-annotations",
	Doc: lint.Doc{
		Title: "Tool that deletes, sends or pays is annotated read-only",
		Summary: "A tool carries readOnlyHint: true while its name or description says it deletes, sends " +
			"messages or moves money, or destructiveHint: false while it deletes.",
		Why: `MCP clients read a tool's annotations to decide whether to ask the user
before each call: a tool with ` + "`readOnlyHint: true`" + ` "does not modify its
environment", and many clients run such tools without a confirmation.
` + "`destructiveHint: false`" + ` promises that the tool only adds. A model steered
by a prompt injection calls whatever gets the job done, and a tool whose
annotations understate what it does is the one that runs with no human in
the loop (OWASP LLM06:2025, excessive agency). Annotations are hints the
server asserts; a client cannot check them, so they must be right.

The rule reads what the tool does from the verb that starts its name
(` + "`delete_file`, `sendEmail`, `create_payment`" + `) or the first words of its
description ("Deletes a file", "Send an email"). A read-only hint is
reported on tools that delete, remove, send or pay; a destructive hint of
false only on tools that delete (delete, drop, destroy, purge, wipe, erase,
truncate): removing a label or a star is not destructive. Verbs that read (get, list, search) are not judged by
the nouns after them: ` + "`get_payment`" + ` is a read. For Go MCP servers,
GO301 checks the hints against what the handler's code does. OpenAPI
documents are left to OAS305, which checks an operation's agent marks
(x-openai-isConsequential, x-mcp-annotations) against what it does.`,
		Fix: "drop readOnlyHint (or set it to false) and set destructiveHint: true, or rename the tool if it really only reads",
		Bad: `tools:
  - name: delete_file
    description: Deletes a file from the workspace.
    annotations:
      readOnlyHint: true`,
		Good: `tools:
  - name: delete_file
    description: Deletes a file from the workspace.
    annotations:
      readOnlyHint: false
      destructiveHint: true`,
		Lang:      "yaml",
		Severity:  lint.SeverityError,
		Precision: "high",
		CWE:       []int{250, 272},
		OWASP:     []string{"LLM06:2025"},
		Since:     "v0.2.0",
	},
	Catalog: run,
}

var what = map[toolcat.Effect]string{toolcat.Deletes: "deletes data", toolcat.Removes: "removes things", toolcat.Sends: "sends messages", toolcat.Pays: "moves money"}

func run(pass *lint.CatalogPass) error {
	if pass.Catalog.Source == toolcat.SourceOpenAPI {
		return nil // OAS305 judges the agent marks of operations
	}
	for _, t := range pass.Catalog.Tools {
		a := t.Annotations
		if a == nil {
			continue
		}
		effects := t.Effects()
		if len(effects) == 0 {
			continue
		}
		if a.ReadOnly.State == toolcat.True {
			pass.Reportf(a.ReadOnly.At, "tool %s is annotated readOnlyHint: true, but its %s says it %s: clients may run it without asking",
				modeltext.Quote(t.Label()), source(t, effects[0]), what[effects[0]])
			continue
		}
		if a.Destructive.State == toolcat.False && slices.Contains(effects, toolcat.Deletes) {
			pass.Reportf(a.Destructive.At, "tool %s is annotated destructiveHint: false, but its %s says it deletes data",
				modeltext.Quote(t.Label()), source(t, toolcat.Deletes))
		}
	}
	return nil
}

// source says whether the name or the description gave the effect away.
func source(t *toolcat.Tool, e toolcat.Effect) string {
	name := &toolcat.Tool{Name: t.Name}
	if slices.Contains(name.Effects(), e) {
		return "name"
	}
	return "description"
}
