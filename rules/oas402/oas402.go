// Package oas402 defines rule OAS402: a request schema without a type.
package oas402

import (
	"fmt"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/load/openapi"
)

var Rule = &lint.Rule{
	ID:   "OAS402",
	Name: "untyped-schema",
	Doc: lint.Doc{
		Title: "Request schema has no type",
		Summary: "A schema of a parameter or request body has no `type` and is not an enum, a const or a " +
			"composition (allOf, oneOf, anyOf): an empty schema accepts any value, and one with only " +
			"type-specific keywords (properties, maxLength, minimum...) lets values of every other type through.",
		Why: `JSON Schema keywords apply to one type each: ` + "`maxLength`" + ` and ` + "`pattern`" + ` check
strings only, ` + "`properties`" + ` and ` + "`required`" + ` check objects only,
` + "`minimum`" + ` checks numbers only. Without a ` + "`type`" + `, a value of any other type passes
them all: ` + "`{maxLength: 64}`" + ` accepts a 10 MB array, and an object schema without
` + "`type: object`" + ` accepts a string. An empty schema (` + "`{}`" + `) accepts anything.
Validators, generated servers and gateways then let through input the
author never meant to accept, and code that assumes a shape gets another.

An AI agent fills such a field with whatever it thinks fits, or whatever
a prompt injection told it to send, and the contract cannot say it is
wrong.

Only schemas that clients send are judged (parameters and request bodies,
and every schema under them). An empty schema, which validates nothing, is
reported as a warning; a schema with type-specific keywords but no type,
which validates values of its intended type, as a note. Not reported: schemas used only in
responses or not used at all, enums and consts, compositions (their parts
carry the types), parts of a composition whose parent or sibling has a type,
` + "`not`" + ` subschemas, boolean schemas, ` + "`readOnly`" + ` schemas (clients do not send them), and the value schema of a map
(` + "`additionalProperties: {}`" + `, which OAS403 judges). In OpenAPI 3.1 a type list
such as ` + "`[string, \"null\"]`" + ` counts as a type.`,
		Fix: "give the schema a type (and the bounds that go with it), or make it an enum or a composition of typed schemas",
		Bad: `components:
  schemas:
    PaymentRequest:
      properties:
        amount: {minimum: 1}
        metadata: {}`,
		Good: `components:
  schemas:
    PaymentRequest:
      type: object
      properties:
        amount: {type: integer, minimum: 1, maximum: 1000000}
        metadata:
          type: object
          additionalProperties: {type: string, maxLength: 500}`,
		Lang:      "yaml",
		Severity:  lint.SeverityWarning,
		NoteOnly:  "none of its 22 findings judged on real projects was worth acting on; rules.severity sets another level",
		Precision: "low",
		Grades: `- **warning** for a request schema with no type and no constraints, and for a request body that is a bare ` + "`type: object`" + ` (no properties, additionalProperties not false), when anyone may send it: an operation that needs no credentials by the document's word, in a document that declares authentication (the bounds criterion of docs/precision.md).
- **note** for the same schema where only authenticated callers send it, or where who may send it is unknown (no scheme declared, no requirement written, a top-level ` + "`security: []`" + `, or authentication optional throughout: every requirement the document writes offers an empty {}): an untyped field is then a documentation gap the service's own validation covers; and for an untyped schema whose type-specific keywords constrain one kind of value.`,
		CWE:   []int{1287, 20},
		OWASP: []string{"API8:2023", "API3:2023"},
		Since: "v0.1.0",
	},
	Spec: run,
}

func run(pass *lint.SpecPass) error {
	schemas := openapi.Schemas(pass.Doc)
	exempt := exemptions(schemas)
	names := paramNames(pass.Doc)
	inputs := openapi.NewInputs(pass.Doc)
	// grade applies the bounds criterion (docs/precision.md): a warning
	// for what anyone may send, a note saying why for what only
	// authenticated callers send or where who may send it is unknown.
	grade := func(s *openapi3.Schema) (lint.Severity, string) {
		if why := inputs.Exposure(pass.Doc, s); why != "" {
			return lint.SeverityNote, " (a note: " + why + "; an untyped field is then a documentation gap the service's own validation covers)"
		}
		return lint.SeverityDefault, ""
	}
	for _, s := range schemas {
		if s.Uses&openapi.Request == 0 || exempt[s.S] || typed(s.S) || s.S.ReadOnly {
			continue
		}
		where := names[s.Pointer]
		if where == "" {
			where = openapi.Describe(s.Pointer)
		}
		if kw, kind := keywords(s.S); len(kw) > 0 {
			what := "the keyword " + kw[0] + " checks only"
			if len(kw) > 1 {
				what = "the keywords " + strings.Join(kw, ", ") + " check only"
			}
			pass.ReportSeverityf(lint.SeverityNote, s.Pointer, s.Origin(), "", "%s has no type: %s %s, values of any other type pass",
				where, what, kind)
		} else {
			sev, why := grade(s.S)
			pass.ReportSeverityf(sev, s.Pointer, s.Origin(), "", "%s has no type and no constraints: it accepts any value%s", where, why)
		}
	}
	// A request body that is a bare object declares nothing about what it
	// carries: it is typed, but it accepts any JSON object.
	for _, s := range schemas {
		if inputs.Sites(s.S)&openapi.InBody == 0 || len(inputs.Params(s.S)) > 0 || !bareObject(s.S) {
			continue
		}
		if d, _ := inputs.Depth(s.S); d != 0 {
			continue
		}
		sev, why := grade(s.S)
		pass.ReportSeverityf(sev, s.Pointer, s.Origin(), "type",
			"%s is a bare type: object: it declares no properties, so any JSON object passes unvalidated%s", openapi.Describe(s.Pointer), why)
	}
	return nil
}

// bareObject reports whether a schema is type: object and nothing else: no
// properties, no closed or typed additionalProperties, no composition.
func bareObject(s *openapi3.Schema) bool {
	if !s.Type.Is("object") || s.ReadOnly || len(s.Properties) > 0 || len(s.PatternProperties) > 0 ||
		len(s.AllOf)+len(s.OneOf)+len(s.AnyOf) > 0 || s.Not != nil || len(s.Enum) > 0 || s.Const != nil {
		return false
	}
	ap := s.AdditionalProperties
	if ap.Has != nil && !*ap.Has {
		return false // an empty object: nothing passes
	}
	return ap.Schema == nil || ap.Schema.Value == nil || openapi.Unconstrained(ap.Schema.Value)
}

// typed reports whether a schema says what type its values have, or lists
// them: a type, an enum, a const, a composition or a boolean schema.
func typed(s *openapi3.Schema) bool {
	return s.Type != nil && len(*s.Type) > 0 || len(s.Enum) > 0 || s.Const != nil || s.Always != nil ||
		len(s.AllOf) > 0 || len(s.OneOf) > 0 || len(s.AnyOf) > 0 || s.Not != nil ||
		s.If != nil
}

// exemptions are the schemas whose type is given elsewhere: parts of a
// composition whose parent has a type or declares properties, parts of an
// allOf with a typed sibling or that only annotate (a description next to
// a $ref), not subschemas, and the value schemas of maps.
func exemptions(schemas []*openapi.Schema) map[*openapi3.Schema]bool {
	out := map[*openapi3.Schema]bool{}
	for _, rec := range schemas {
		s := rec.S
		if s.Not != nil && s.Not.Value != nil {
			out[s.Not.Value] = true
		}
		if ap := s.AdditionalProperties.Schema; ap != nil && ap.Value != nil {
			out[ap.Value] = true
		}
		parentTyped := s.Type != nil && len(*s.Type) > 0 || len(s.Properties) > 0
		siblingTyped := false
		for _, part := range s.AllOf {
			siblingTyped = siblingTyped || part != nil && part.Value != nil && typed(part.Value)
		}
		for field, list := range map[string]openapi3.SchemaRefs{"allOf": s.AllOf, "oneOf": s.OneOf, "anyOf": s.AnyOf} {
			for _, part := range list {
				if part == nil || part.Value == nil {
					continue
				}
				if parentTyped || field == "allOf" && (siblingTyped || openapi.Unconstrained(part.Value)) {
					out[part.Value] = true
				}
			}
		}
	}
	return out
}

// keywords lists the type-specific keywords a schema uses, and the kind of
// value they apply to.
func keywords(s *openapi3.Schema) (kw []string, kind string) {
	var kinds []string
	defer func() { kind = strings.Join(kinds, " and ") }()
	add := func(ok bool, name, k string) {
		if ok {
			kw = append(kw, name)
			if !slices.Contains(kinds, k) {
				kinds = append(kinds, k)
			}
		}
	}
	add(len(s.Properties) > 0, "properties", "objects")
	add(len(s.Required) > 0, "required", "objects")
	add(s.AdditionalProperties.Has != nil || s.AdditionalProperties.Schema != nil, "additionalProperties", "objects")
	add(s.MinProps > 0, "minProperties", "objects")
	add(s.MaxProps != nil, "maxProperties", "objects")
	add(len(s.PatternProperties) > 0, "patternProperties", "objects")
	add(s.Items != nil, "items", "arrays")
	add(len(s.PrefixItems) > 0, "prefixItems", "arrays")
	add(s.MinItems > 0, "minItems", "arrays")
	add(s.MaxItems != nil, "maxItems", "arrays")
	add(s.UniqueItems, "uniqueItems", "arrays")
	add(s.MinLength > 0, "minLength", "strings")
	add(s.MaxLength != nil, "maxLength", "strings")
	add(s.Pattern != "", "pattern", "strings")
	add(s.Min != nil, "minimum", "numbers")
	add(s.Max != nil, "maximum", "numbers")
	add(s.MultipleOf != nil, "multipleOf", "numbers")
	switch s.Format {
	case "":
	case "int32", "int64", "float", "double", "integer", "number", "decimal":
		add(true, "format", "numbers")
	default:
		add(true, "format", "strings")
	}
	return kw, kind
}

// paramNames names the schemas of parameters by their parameter, which
// reads better than the parameter's index.
func paramNames(t *openapi3.T) map[string]string {
	out := map[string]string{}
	for _, p := range openapi.Parameters(t) {
		out[openapi.Join(p.Pointer, "schema")] = fmt.Sprintf("%s parameter %q", p.P.In, p.P.Name)
	}
	return out
}
