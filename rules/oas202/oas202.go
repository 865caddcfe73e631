// Package oas202 defines rule OAS202: an array a client sends with no
// limit on its items.
package oas202

import (
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/load/openapi"
	"github.com/apiaudit/apiaudit/rules/oas405"
)

var Rule = &lint.Rule{
	ID:   "OAS202",
	Name: "unbounded-array",
	Doc: lint.Doc{
		Title: "Array input has no maximum number of items",
		Summary: "An array that clients send in a request body or parameter has no maxItems " +
			"(nor another bound: enum, const, a closed tuple, unique items from a fixed set).",
		Why: `Every item of an array is work: a row to insert, an id to look up, an
email to send, a document to embed. With no maxItems, one request can carry
a million of them, and the server either does them all — holding memory,
locks and connections for as long as it takes — or fails somewhere in the
middle, after doing part of the work. A declared limit lets gateways and
validators refuse the request before it starts (OWASP API4:2023).

Agents build arrays from whatever they are asked to process: "add every
contact from this spreadsheet", "tag all 40 000 photos". Without a limit in
the schema the agent cannot know it should split the work into batches, and
nothing stops a runaway loop from sending everything at once.

Arrays in request bodies are reported (as warnings when they are batches:
see Severity), arrays in parameters as notes (the URL length limit caps
them). An array is bounded by maxItems,
enum or const, a 3.1 tuple closed with items: false, or uniqueItems over
items that have a fixed set of values. Arrays only in responses are not
reported: what bounds a list an agent reads is its page size (OAS206).
Read-only properties (readOnly: true, or a description that says
"Read-only." or "Output only.") and schemas no operation uses are not
reported either.`,
		Fix: "add maxItems to the array (and document how to send more in batches)",
		Bad: `paths:
  /v1/contacts/import:
    post:
      requestBody:
        content:
          application/json:
            schema:
              type: array
              items: {$ref: "#/components/schemas/Contact"}`,
		Good: `paths:
  /v1/contacts/import:
    post:
      requestBody:
        content:
          application/json:
            schema:
              type: array
              maxItems: 500
              items: {$ref: "#/components/schemas/Contact"}`,
		Lang:      "yaml",
		Severity:  lint.SeverityWarning,
		NoteOnly:  "none of its 38 findings judged on real projects was worth acting on; rules.severity sets another level",
		Precision: "low",
		Grades: `- **warning**: a batch, that is an array that is the request body or one of its properties, where every item is work, that anyone may send, because it is in an operation whose own requirement is [] or that has an empty {} alternative, in a document that declares authentication.
- **note**, with the reason in the message: the same batch where only authenticated callers send it, or in a document that declares no authentication at all or writes no requirement for the operation, or only a top-level security: [] or authentication optional throughout (every requirement the document writes offers an empty {} beside real schemes, as E2B's envd; judged noise, 0 of 5 at warning across OAS202, OAS203 and OAS205); arrays nested deeper in the body (part of a stored resource, capped by the body size); items from a fixed set; arrays that shape the response (expand, include, fields, select); a limit stated in the description; a copy of a field that a generated document repeats in every operation; arrays in parameters.
- **warning** too for a contradiction: minItems greater than maxItems.`,
		CWE:   []int{770, 400},
		OWASP: []string{"API4:2023", "LLM10:2025"},
		Since: "v0.1.0",
	},
	Spec: run,
}

func run(pass *lint.SpecPass) error {
	inputs := openapi.NewInputs(pass.Doc)
	modelAPI := -1 // unknown until a generic model field is met
	var copies openapi.Copies
	for _, s := range openapi.Schemas(pass.Doc) {
		sites := inputs.Sites(s.S)
		if sites == 0 || !s.S.Type.Includes("array") {
			continue
		}
		if c := openapi.Contradiction(s.S); c != "" && strings.HasPrefix(c, "minItems") {
			pass.ReportDefinitef(lint.SeverityWarning, s.Pointer, s.Origin(), "maxItems", "%s: %s, so no value is valid", inputs.Name(s), c)
			continue
		}
		if inputs.Holds(s.S, bounded) {
			continue
		}
		names := inputs.Names(s.S)
		if slices.ContainsFunc(names, func(n string) bool { return oas405.Claims(pass, s, n, &modelAPI) }) {
			continue // one element, one finding: OAS405 or OAS505 reports it
		}
		name := inputs.Name(s)
		sev, why := lint.SeverityWarning, ""
		if sites&openapi.InBody == 0 {
			sev = lint.SeverityNote
		} else if why = lower(pass.Doc, inputs, s, names, name, &copies); why != "" {
			sev = lint.SeverityNote
		}
		pass.ReportSeverityf(sev, s.Pointer, s.Origin(), "type", "%s is an array without maxItems%s", name, why)
	}
	return nil
}

// shaping are names of arrays that select parts of the response rather than
// carry work: Stripe's expand, JSON:API's include and fields, OData's
// select. Their size is bounded by what the response has.
var shaping = map[string]bool{"expand": true, "include": true, "fields": true, "select": true, "embed": true}

// lower says why an array in a request body is reported as a note rather
// than a warning, or "" when it deserves the warning: a batch at the top of
// the body (the body itself or one of its properties), where every item is
// work the server does. An array nested deeper is part of a resource the
// server stores, capped by the body size; items from a fixed set, arrays
// that only shape the response, a limit stated in the description, and the
// copies of a field a generated document repeats in every operation are
// notes too.
func lower(doc *openapi3.T, inputs *openapi.Inputs, s *openapi.Schema, names []string, name string, copies *openapi.Copies) string {
	if openapi.StatedLimit(s.S.Description) {
		return " (a note: its description states a limit)"
	}
	if slices.ContainsFunc(names, func(n string) bool { return shaping[strings.ToLower(n)] }) {
		return " (a note: it selects parts of the response)"
	}
	if it := s.S.Items; it != nil && it.Value != nil && (openapi.Holds(it.Value, openapi.Fixed) || it.Value.Type.Is("boolean")) {
		return " (a note: its items come from a fixed set)"
	}
	if depth, _ := inputs.Depth(s.S); depth > 1 {
		return " (a note: nested in the request body, not a batch)"
	}
	if why := inputs.Exposure(doc, s.S); why != "" {
		return " (a note: " + why + ")"
	}
	if first, ok := copies.First(inputs.CopyKey(s), name); !ok {
		return " (a note: a copy of " + first + ", reported there)"
	}
	return ""
}

// bounded reports whether a schema limits the number of items of an array.
func bounded(s *openapi3.Schema) bool {
	if s.MaxItems != nil || openapi.Fixed(s) {
		return true
	}
	if s.Items == nil || s.Items.Value == nil {
		return false
	}
	items := s.Items.Value
	if items.Always != nil && !*items.Always {
		return true // a 3.1 tuple: prefixItems, and nothing after them
	}
	// Distinct values from a fixed set cannot outnumber the set.
	return s.UniqueItems && (openapi.Holds(items, openapi.Fixed) || items.Type.Is("boolean"))
}
