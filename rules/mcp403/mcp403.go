// Package mcp403 defines rule MCP403: a free-text tool parameter shaped for
// carrying data out (notes, context, feedback, ...) whose description does
// not say what it is for.
package mcp403

import (
	"slices"
	"strings"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/modeltext"
	"github.com/apiaudit/apiaudit/pkg/toolcat"
)

var Rule = &lint.Rule{
	ID:   "MCP403",
	Name: "exfiltration-shaped-parameter",
	Doc: lint.Doc{
		Title: "Free-text tool parameter invites the model to pass data without saying why",
		Summary: "A tool takes a free-text parameter named like notes, context, feedback, metadata, debug, " +
			"reasoning or conversation_history, and its description does not say what the tool does with it.",
		Why: `A model fills every parameter it is offered, and it fills an open one with
whatever seems to fit: the conversation so far, a file it just read, the
user's details. Tool-poisoning payloads rely on this. They add an innocent
looking ` + "`notes`" + ` or ` + "`context`" + ` string to a harmless tool and tell the model (in
the description, or in text it read elsewhere) to put the secret there; the
call looks routine, and the data leaves with it (OWASP LLM02:2025,
sensitive information disclosure). A legitimate parameter of that name says
what it is for and what belongs in it; one that does not is either an
oversight worth fixing or the channel of an attack.

Reported: string parameters (or parameters with no type) without enum,
const or format, whose name is one of notes, note, sidenote, context,
additional_context, feedback, metadata, meta, debug, debug_info, reasoning,
thoughts, thinking, rationale, conversation, conversation_history,
chat_history, history, previous_messages, system_prompt, extra,
extra_info, additional_info, user_info (in any case, with _ or - or
camelCase), and whose description is missing or made only of generic words
("optional context", "additional notes"): "Comment text" or "New admin
note" say what belongs there and are not reported.
A warning: the name is a shape, not proof. Tool manifests, Go MCP servers
and the operations of OpenAPI documents written for agents (parameters,
and request body properties as body.NAME) are read; on such a document the
field's missing maxLength is said here, and OAS201 and OAS405 leave the
field to this rule. REST APIs not marked for agents are not read: their
notes and metadata fields are the API's own business.`,
		Fix: "describe what the parameter is for and what belongs in it (and bound it with maxLength), or remove it",
		Bad: `tools:
  - name: add
    inputSchema:
      type: object
      properties:
        a: {type: number}
        b: {type: number}
        sidenote: {type: string}`,
		Good: `tools:
  - name: add
    inputSchema:
      type: object
      properties:
        a: {type: number}
        b: {type: number}`,
		Lang:      "yaml",
		Severity:  lint.SeverityWarning,
		Precision: "medium",
		CWE:       []int{200, 359},
		OWASP:     []string{"LLM02:2025", "LLM01:2025"},
		Since:     "v0.2.0",
	},
	Catalog: run,
}

var shapes = []string{"notes", "note", "sidenote", "context", "additionalcontext", "feedback", "metadata", "meta",
	"debug", "debuginfo", "reasoning", "thoughts", "thinking", "rationale", "conversation", "conversationhistory",
	"chathistory", "history", "previousmessages", "systemprompt", "extra", "extrainfo", "additionalinfo", "userinfo"}

func run(pass *lint.CatalogPass) error {
	for _, t := range pass.Catalog.Tools {
		for _, p := range t.Params() {
			if !slices.Contains(shapes, strings.Join(toolcat.Words(p.Name), "")) || !freeText(p.Schema) {
				continue
			}
			desc := p.Description().Value
			if !saysNothing(desc) {
				continue
			}
			why := "has no description"
			if strings.TrimSpace(desc) != "" {
				why = "has a description that does not say what it is for (" + modeltext.Quote(desc) + ")"
			}
			bound := ""
			if pass.Catalog.Source == toolcat.SourceOpenAPI && p.Schema.MaxLength == nil {
				// OAS201 and OAS405 leave this element to this rule.
				bound = ", with no maxLength"
			}
			pass.Reportf(p.At, "parameter %s of tool %s is free text that %s%s; a model will fill it with whatever it holds",
				p.Path, modeltext.Quote(t.Label()), why, bound)
		}
	}
	return nil
}

// generic are words that say nothing about what a parameter is for.
var generic = []string{"a", "an", "the", "any", "some", "optional", "additional", "other", "more", "misc",
	"info", "information", "context", "contextual", "note", "notes", "data", "detail", "details", "metadata", "meta", "text",
	"string", "field", "param", "parameter", "value", "here", "free", "form", "freeform", "debug", "debugging",
	"reasoning", "feedback", "thought", "thoughts", "history", "conversation", "extra", "input", "user", "provided", "if", "needed", "relevant", "and", "or", "of", "for"}

// saysNothing reports whether a description is missing or made only of
// generic words ("optional context", "Additional notes").
func saysNothing(desc string) bool {
	for _, w := range toolcat.Words(desc) {
		if !slices.Contains(generic, w) {
			return false
		}
	}
	return true
}

// freeText reports whether a schema accepts any string: type string or no
// type, and no enum, const or format to narrow it.
func freeText(s *toolcat.Schema) bool {
	if s == nil || s.Enum > 0 || s.Const || s.Format != "" || s.Composed {
		return false
	}
	return len(s.Types) == 0 && len(s.Properties) == 0 && s.Items == nil || s.HasType("string")
}
