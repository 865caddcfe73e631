// Package mcp201 defines rule MCP201: tool inputs with no size bound.
package mcp201

import (
	"fmt"
	"strings"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/load/openapi"
	"github.com/apiaudit/apiaudit/pkg/modeltext"
	"github.com/apiaudit/apiaudit/pkg/toolcat"
)

var Rule = &lint.Rule{
	ID:   "MCP201",
	Name: "unbounded-tool-input",
	Doc: lint.Doc{
		Title: "Tool input schema leaves strings, arrays or objects unbounded",
		Summary: "A tool's input schema has free-text, prompt or query strings without maxLength (or enum, const, " +
			"format or a bounded pattern), arrays of objects or text without maxItems, or free-form objects: one " +
			"finding per tool, listing them.",
		Why: `Whatever a model puts in a tool call reaches the server: a prompt injection
can make it pass a whole document, a list of ten thousand ids or an object
with arbitrary keys. The input schema is the contract the client and the
server can both enforce before the handler runs; without bounds, each
handler has to defend itself, and the ones that forget are where a
runaway or hostile agent costs memory, money (tokens, paid API calls) or
availability (OWASP LLM10:2025, unbounded consumption; API4:2023).

Reported per tool, at its input schema, when it takes text whose size the
caller chooses with no bound: a free-text string (description, body,
comment, message, notes, title..., OAS201's criterion) or a prompt, query,
instructions, script, code or document string without maxLength, enum,
const, format or a length-bounded pattern; an array without maxItems of
objects or of such text; an object without properties that accepts any
keys. Unbounded identifiers, names, refs and lists of them (project_id,
ref, label_ids) are counted in the message but do not make a finding on
their own: the server looks them up, and a wrong one fails (on
gitlab-mcp-server's 1,006 tools, reporting them made 872 notes, 704 of them
for ids alone). Numbers and booleans are not reported. Schemas that
combine others (allOf, anyOf, oneOf, $ref) are skipped. A note: most MCP
servers publish no bounds today, and a finding asks for a judgement about
each parameter, not a blanket fix. For OpenAPI documents, OAS201 to OAS205
cover the same ground, so this rule skips their operations.`,
		Fix: "add maxLength to strings, maxItems to arrays and properties (with additionalProperties: false) to objects, at sizes the tool really needs",
		Bad: `tools:
  - name: search
    inputSchema:
      type: object
      properties:
        query: {type: string}
        ids: {type: array, items: {type: string}}`,
		Good: `tools:
  - name: search
    inputSchema:
      type: object
      properties:
        query: {type: string, maxLength: 500}
        ids: {type: array, maxItems: 50, items: {type: string, format: uuid}}`,
		Lang:      "yaml",
		Severity:  lint.SeverityNote,
		NoteOnly:  "none of its 11 findings judged on real projects was worth acting on; rules.severity sets another level",
		Precision: "high",
		CWE:       []int{770, 1284},
		OWASP:     []string{"LLM10:2025", "API4:2023"},
		Since:     "v0.2.0",
	},
	Catalog: run,
}

// maxListed is how many parameters a message names before "and N more".
const maxListed = 6

func run(pass *lint.CatalogPass) error {
	if pass.Catalog.Source == toolcat.SourceOpenAPI {
		return nil // OAS201-OAS205 cover request schemas
	}
	for _, t := range pass.Catalog.Tools {
		if t.InputSchema == nil || t.InputSchema.Composed {
			continue
		}
		var open []string
		others := 0
		consider := func(path, name string, s *toolcat.Schema) {
			why := unbounded(s)
			if why == "" {
				return
			}
			if !prose(name) && (s.HasType("string") || s.HasType("array") && s.Items != nil && s.Items.HasType("string")) {
				others++ // an id, a name, a ref, a list of them: the server looks them up
				return
			}
			open = append(open, path+" ("+why+")")
		}
		for _, p := range t.Params() {
			consider(p.Path, p.Name, p.Schema)
			if it := p.Schema.Items; it != nil && len(it.Properties) == 0 && unbounded(p.Schema) == "" {
				consider(p.Path+"[]", p.Name, it) // a bounded list of unbounded items
			}
		}
		if len(open) == 0 {
			continue
		}
		list := open
		more := ""
		if len(list) > maxListed {
			list, more = list[:maxListed], fmt.Sprintf(" and %d more", len(open)-maxListed)
		}
		if others > 0 {
			more += fmt.Sprintf(" (and %d unbounded %s)", others, plural(others, "identifier, name or list of them", "identifiers, names or lists of them"))
		}
		pass.Reportf(t.InputSchema.At, "tool %s takes unbounded input: %s%s", modeltext.Quote(t.Label()), strings.Join(list, ", "), more)
	}
	return nil
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// promptWords are the last words of names of text a model is given to
// work with, beyond the prose of openapi.FreeText: what OAS405 calls
// prompt and model fields.
var promptWords = map[string]bool{"prompt": true, "query": true, "question": true, "instructions": true, "instruction": true,
	"context": true, "messages": true, "input": true, "inputs": true, "system": true, "script": true, "code": true,
	"sql": true, "command": true, "expression": true, "template": true, "data": true, "payload": true, "document": true,
	"diff": true, "patch": true, "json": true, "yaml": true, "html": true,
	// the free text of MCP403's exfiltration shapes
	"sidenote": true, "reasoning": true, "thoughts": true, "thinking": true, "rationale": true, "history": true,
	"conversation": true, "extra": true}

// prose reports whether a string parameter holds text people or models
// write, whose size is theirs to choose: free text by OAS201's criterion
// (description, comment, body, message, notes, title...) or a prompt,
// query, script or document. Identifiers, names, refs and paths are not:
// the server looks them up, and a wrong one fails.
func prose(name string) bool {
	if openapi.FreeText(name) {
		return true
	}
	w := toolcat.Words(name)
	return len(w) > 0 && promptWords[w[len(w)-1]]
}

// unbounded says why a schema has no size bound, "" when it has one or is
// not a string, array or object.
func unbounded(s *toolcat.Schema) string {
	if s == nil || s.Composed || s.Enum > 0 || s.Const {
		return ""
	}
	switch {
	case s.HasType("string"):
		if s.MaxLength != nil || s.Format != "" || boundedPattern(s.Pattern) {
			return ""
		}
		return "string without maxLength"
	case s.HasType("array"):
		if s.MaxItems != nil {
			return ""
		}
		return "array without maxItems"
	case s.HasType("object"):
		if len(s.Properties) > 0 || s.AdditionalFalse || s.MaxProperties != nil {
			return ""
		}
		return "object that accepts any keys"
	}
	return ""
}

// boundedPattern reports whether a pattern is anchored at both ends and
// repeats nothing without an upper bound.
func boundedPattern(p string) bool {
	if p == "" || !strings.HasPrefix(p, "^") || !strings.HasSuffix(p, "$") {
		return false
	}
	return !strings.ContainsAny(p, "*+") && !strings.Contains(p, ",}")
}
