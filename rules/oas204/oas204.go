// Package oas204 defines rule OAS204: a map a client sends with no limit on
// its number of keys.
package oas204

import (
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/load/openapi"
)

var Rule = &lint.Rule{
	ID:   "OAS204",
	Name: "unbounded-object",
	Doc: lint.Doc{
		Title: "Map input has no maximum number of properties",
		Summary: "An object that clients send accepts any number of extra keys — additionalProperties " +
			"true or a schema, patternProperties, or (3.1) unevaluatedProperties — and has no maxProperties.",
		Why: `An object declared as a map (additionalProperties: true, or a schema for
the values) takes keys the client chooses, as many as it likes. Metadata,
labels, tags, custom attributes and template variables are typical: each
key becomes a row, an index entry, a header or a variable substitution, and
a single request with a hundred thousand keys costs the server far more
than its size suggests — hash collisions, per-key validation, storage that
later list calls must return (OWASP API4:2023).

Agents copy structured data they were given into such maps wholesale. A
maxProperties in the schema tells them, and the validators in front of the
API, how many keys are acceptable.

Reported as a warning in request bodies and as a note in parameters. Not
reported: objects whose additionalProperties is absent or false (whether
absence should be an error is a validation question, not a size one),
objects with maxProperties, 3.1 maps whose propertyNames have an enum,
read-only properties, responses and schemas no operation uses.`,
		Fix: "add maxProperties to the map (and maxLength to its keys with propertyNames, where supported)",
		Bad: `components:
  schemas:
    Charge:
      type: object
      properties:
        metadata:
          type: object
          additionalProperties: {type: string, maxLength: 500}`,
		Good: `components:
  schemas:
    Charge:
      type: object
      properties:
        metadata:
          type: object
          maxProperties: 50
          additionalProperties: {type: string, maxLength: 500}`,
		Lang:      "yaml",
		Severity:  lint.SeverityWarning,
		Precision: "high",
		Grades: `- **warning** for maps that are the request body or one of its properties; **note**, with the reason in the message, for maps nested deeper (part of a stored resource), conventional labels, annotations, metadata and tags maps, maps in parameters, a limit stated in the description, and copies of a field that a generated document repeats in every operation.
- **warning** too for a contradiction: minProperties greater than maxProperties.`,
		CWE:   []int{770, 400},
		OWASP: []string{"API4:2023", "LLM10:2025"},
		Since: "v0.1.0",
	},
	Spec: run,
}

// keyValueNames are the conventional small string maps: labels,
// annotations, metadata, tags.
var keyValueNames = map[string]bool{"labels": true, "annotations": true, "metadata": true, "tags": true}

// keyValue reports whether a map in a request body is a conventional
// key-value map (see keyValueNames) or lies deeper than a property of the
// body: a part of a stored resource rather than a set of entries the
// server acts on one by one.
func keyValue(inputs *openapi.Inputs, s *openapi.Schema) bool {
	if d, _ := inputs.Depth(s.S); d > 1 {
		return true
	}
	for _, n := range inputs.Names(s.S) {
		if w := openapi.Words(n); len(w) > 0 && keyValueNames[w[len(w)-1]] {
			return true
		}
	}
	return false
}

func run(pass *lint.SpecPass) error {
	inputs := openapi.NewInputs(pass.Doc)
	var copies openapi.Copies
	for _, s := range openapi.Schemas(pass.Doc) {
		sites := inputs.Sites(s.S)
		if sites == 0 {
			continue
		}
		if c := openapi.Contradiction(s.S); c != "" && strings.HasPrefix(c, "minProperties") {
			pass.ReportSeverityf(lint.SeverityWarning, s.Pointer, s.Origin(), "maxProperties", "%s: %s, so no value is valid", inputs.Name(s), c)
			continue
		}
		field := open(s.S)
		if field == "" || inputs.Holds(s.S, bounded) {
			continue
		}
		sev, why, name := lint.SeverityWarning, "", inputs.Name(s)
		switch {
		case sites&openapi.InBody == 0:
			sev = lint.SeverityNote
		case openapi.StatedLimit(s.S.Description):
			sev, why = lint.SeverityNote, " (a note: its description states a limit)"
		case keyValue(inputs, s):
			sev, why = lint.SeverityNote, " (a note: labels and metadata are small key-value maps that servers cap, or nested in the body)"
		default:
			// A copy of a field a generated document repeats in every
			// operation (Stripe's metadata) is fixed once, where the
			// first is reported.
			if first, ok := copies.First(inputs.CopyKey(s), name); !ok {
				sev, why = lint.SeverityNote, " (a note: a copy of "+first+", reported there)"
			}
		}
		pass.ReportSeverityf(sev, s.Pointer, s.Origin(), field, "%s is a map (%s) without maxProperties%s", name, field, why)
	}
	return nil
}

// open returns the keyword that lets an object take keys of the client's
// choosing, or "" when it has none.
func open(s *openapi3.Schema) string {
	accepts := func(b openapi3.BoolSchema) bool {
		if b.Has != nil {
			return *b.Has
		}
		return b.Schema != nil && (b.Schema.Value == nil || b.Schema.Value.Always == nil || *b.Schema.Value.Always)
	}
	switch {
	case accepts(s.AdditionalProperties):
		return "additionalProperties"
	case len(s.PatternProperties) > 0:
		return "patternProperties"
	case accepts(s.UnevaluatedProperties):
		return "unevaluatedProperties"
	}
	return ""
}

// bounded reports whether a schema limits how many keys an object has.
func bounded(s *openapi3.Schema) bool {
	if s.MaxProps != nil || openapi.Fixed(s) {
		return true
	}
	return s.PropertyNames != nil && s.PropertyNames.Value != nil && openapi.Fixed(s.PropertyNames.Value)
}
