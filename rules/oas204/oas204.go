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

Reported as a note, in request bodies and parameters alike (see Severity). Not
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
		Severity:  lint.SeverityNote,
		NoteOnly:  "none of its 21 findings judged on real projects was worth acting on; rules.severity sets another level",
		Precision: "medium",
		Grades: `- **note** for every open map: on the shared corpus most unbounded maps in requests are labels, metadata, translations and parts of stored resources that servers cap on their own (3 of 10 judged warnings were worth acting on), so the rule moved down from warning.
- **warning** for a contradiction: minProperties greater than maxProperties.`,
		CWE:   []int{770, 400},
		OWASP: []string{"API4:2023", "LLM10:2025"},
		Since: "v0.1.0",
	},
	Spec: run,
}

func run(pass *lint.SpecPass) error {
	inputs := openapi.NewInputs(pass.Doc)
	for _, s := range openapi.Schemas(pass.Doc) {
		sites := inputs.Sites(s.S)
		if sites == 0 {
			continue
		}
		if c := openapi.Contradiction(s.S); c != "" && strings.HasPrefix(c, "minProperties") {
			pass.ReportDefinitef(lint.SeverityWarning, s.Pointer, s.Origin(), "maxProperties", "%s: %s, so no value is valid", inputs.Name(s), c)
			continue
		}
		field := open(s.S)
		if field == "" || inputs.Holds(s.S, bounded) {
			continue
		}
		pass.Reportf(s.Pointer, s.Origin(), field, "%s is a map (%s) without maxProperties", inputs.Name(s), field)
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
