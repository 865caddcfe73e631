// Package oas510 defines rule OAS510: more operations than agent platforms
// take in one document.
package oas510

import (
	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/load/openapi"
)

// Options are the settings of OAS510.
type Options struct {
	// MaxOperations is the most operations an agent-facing document may
	// have. Default 30, the GPT Actions limit.
	MaxOperations int `yaml:"max-operations"`
}

var options = Options{MaxOperations: 30}

var Rule = &lint.Rule{
	ID:   "OAS510",
	Name: "too-many-agent-operations",
	Doc: lint.Doc{
		Title: "Agent-facing document has more operations than agent platforms take",
		Summary: "A document written for AI agents has more than 30 operations, the most GPT Actions " +
			"accept in one document.",
		Why: `Every operation of an agent-facing document becomes a tool the model has to
choose among. GPT Actions refuse a document with more than 30 operations,
and with every platform the model's choices get worse as the list grows:
similar tools are confused, descriptions are skimmed, and each extra tool
costs context on every turn. A large tool list is also a large blast radius:
everything in it is one prompt injection away.

Give agents a document of their own with the operations their task needs,
rather than the whole API. Only documents marked as agent-facing (an
x-openai-*, x-mcp*, x-agent*, x-llm*, x-ai-*, x-gpt-* or x-tool* extension)
are checked; the finding is a note, reported once, at paths. The limit is an
option.`,
		Fix: "publish a smaller document for agents with only the operations their task needs (30 at most for GPT Actions)",
		Bad: `x-openai-actions: {}
paths:
  # ... 42 operations ...`,
		Good: `x-openai-actions: {}
paths:
  # ... the 12 operations the travel assistant needs ...`,
		Lang:      "yaml",
		Severity:  lint.SeverityNote,
		Precision: "very-high",
		CWE:       []int{1059},
		OWASP:     []string{"LLM06:2025"},
		Since:     "v0.1.0",
	},
	Options: &options,
	Spec:    run,
}

func run(pass *lint.SpecPass) error {
	max := options.MaxOperations
	if max <= 0 || !openapi.AgentFacing(pass.Doc) {
		return nil
	}
	n := len(openapi.Operations(pass.Doc))
	if n <= max {
		return nil
	}
	origin := pass.Doc.Paths.Origin
	pass.Reportf("/paths", origin, "", "the document gives agents %d operations, over the %d agent platforms take in one document", n, max)
	return nil
}
