// Package oas509 defines rule OAS509: descriptions too long for agent
// platforms to accept.
package oas509

import (
	"strings"
	"unicode/utf8"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/load/openapi"
)

// Options are the settings of OAS509.
type Options struct {
	// OperationMax is the longest operation summary or description, in
	// characters. Default 300, the GPT Actions limit.
	OperationMax int `yaml:"operation-max"`
	// ParameterMax is the longest parameter or request field description,
	// in characters. Default 700, the GPT Actions limit.
	ParameterMax int `yaml:"parameter-max"`
	// AllDocuments checks every document, not only those marked as
	// agent-facing by an agent extension (x-openai-*, x-mcp*, ...).
	AllDocuments bool `yaml:"all-documents"`
}

var options = Options{OperationMax: 300, ParameterMax: 700}

var Rule = &lint.Rule{
	ID:   "OAS509",
	Name: "agent-description-too-long",
	Doc: lint.Doc{
		Title: "Description is longer than agent platforms accept",
		Summary: "In a document written for AI agents, an operation summary or description is longer " +
			"than 300 characters, or a parameter or request field description longer than 700: the " +
			"limits of GPT Actions.",
		Why: `Agent platforms turn each operation into a tool whose description the model
reads to decide when and how to call it, and they cap its length. GPT
Actions take at most 300 characters for an operation's summary or
description and 700 for a parameter's; longer text is cut off or the action
is refused. A cut description loses whatever came last, often the warning
("only after the user confirms", "amounts are in cents") that kept the model
from a wrong or costly call.

Long descriptions also cost context on every turn, for every tool, and
bury the instruction that matters. Put the essentials first and short; keep
reference material in externalDocs.

Only documents marked as agent-facing (an x-openai-*, x-mcp*, x-agent*,
x-llm*, x-ai-*, x-gpt-* or x-tool* extension on the root, info, a path or an
operation) are checked, unless the all-documents option is set. Lengths are
counted in characters after trimming, and both limits are options.`,
		Fix: "shorten the description to its essentials (what the operation does, when to use it, what it costs) and move the rest to externalDocs",
		Bad: `x-openai-actions: {}
paths:
  /bookings:
    post:
      description: >
        Creates a booking. (...400 characters of history, caveats and
        examples...) Only call this after the user has confirmed the price.`,
		Good: `x-openai-actions: {}
paths:
  /bookings:
    post:
      description: Book the held offer. Only call after the user confirms the price.
      externalDocs:
        url: https://docs.travel.example.com/bookings`,
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
	if !options.AllDocuments && !openapi.AgentFacing(pass.Doc) {
		return nil
	}
	opMax, paramMax := options.OperationMax, options.ParameterMax
	for _, op := range openapi.Operations(pass.Doc) {
		for _, f := range []struct{ field, text string }{{"summary", op.Op.Summary}, {"description", op.Op.Description}} {
			if n := length(f.text); opMax > 0 && n > opMax {
				pass.Reportf(op.Pointer, op.Op.Origin, f.field, "%s of %s %s is %d characters, over the %d agent platforms accept",
					f.field, op.Method, op.Path, n, opMax)
			}
		}
	}
	if paramMax <= 0 {
		return nil
	}
	for _, p := range openapi.Parameters(pass.Doc) {
		if n := length(p.P.Description); n > paramMax {
			pass.Reportf(p.Pointer, p.Origin, "description", "description of %s parameter %q is %d characters, over the %d agent platforms accept",
				p.P.In, p.P.Name, n, paramMax)
		}
	}
	for _, s := range openapi.Schemas(pass.Doc) {
		if s.Uses&openapi.Request == 0 || !isProperty(s.Pointer) {
			continue
		}
		if n := length(s.S.Description); n > paramMax {
			pass.Reportf(s.Pointer, s.Origin(), "description", "description of %s is %d characters, over the %d agent platforms accept",
				openapi.Describe(s.Pointer), n, paramMax)
		}
	}
	return nil
}

// isProperty reports whether a schema is defined as a property of another:
// the fields an agent fills in.
func isProperty(ptr string) bool {
	tok := openapi.Split(ptr)
	return len(tok) >= 2 && tok[len(tok)-2] == "properties"
}

func length(s string) int { return utf8.RuneCountInString(strings.TrimSpace(s)) }
