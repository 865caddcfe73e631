// Package oas403 defines rule OAS403: a request object that accepts
// properties it does not declare.
package oas403

import (
	"github.com/getkin/kin-openapi/openapi3"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/load/openapi"
)

// Options are the settings of OAS403.
type Options struct {
	// ReportUnset says when an object that leaves additionalProperties
	// unset is reported: "always"; "never" (only objects that say true or
	// {} are); or "auto", the default: when the document is written for AI
	// agents, or closes at least as many of its request objects as it
	// leaves unset, so that the open ones look like oversights.
	ReportUnset string `yaml:"report-unset"`
}

var options = Options{ReportUnset: "auto"}

var Rule = &lint.Rule{
	ID:   "OAS403",
	Name: "open-request-object",
	Doc: lint.Doc{
		Title: "Request object accepts undeclared properties",
		Summary: "An object schema that clients send declares its properties but does not forbid others: " +
			"`additionalProperties` is unset, `true` or `{}` (in OpenAPI 3.1, neither `additionalProperties` " +
			"nor `unevaluatedProperties` is false).",
		Why: `When a request object lets through properties it does not declare, the
contract no longer says what the server will accept. Servers that bind the
body straight onto a model or a database row then take fields the client
was never meant to set: ` + "`role`" + `, ` + "`is_admin`" + `, ` + "`owner_id`" + `, ` + "`balance`" + `, ` + "`status`" + `. This is
mass assignment (OWASP API3:2023, broken object property level
authorization), and a closed schema enforced by a validating gateway or
middleware is the cheapest defence against it. Undeclared fields also slip
past every bound the schema sets.

AI agents make extra fields likely: models add plausible-looking properties
they saw in documentation or in another tool, and a prompt injection can ask
for one by name. A closed schema turns those calls into a 400 instead of a
silent change.

Reported (graded by who may send them, below): objects in parameters and
request bodies that declare properties. Not reported: objects used only in responses or not at all,
free-form objects that declare no properties, maps whose
` + "`additionalProperties`" + ` is a real schema (` + "`{type: string, maxLength: 200}`" + `),
` + "`readOnly`" + ` objects, and Swagger 2.0 form parameters (2.0 cannot close them).

Composition needs care. ` + "`additionalProperties: false`" + ` only sees the properties
of its own schema, so setting it on a part of an ` + "`allOf`" + ` rejects the
properties of the other parts. Parts of an ` + "`allOf`" + ` are therefore never
reported. In OpenAPI 3.1 the composed schema itself is reported unless it
sets ` + "`unevaluatedProperties: false`" + `, which sees through the composition; OpenAPI
3.0 and Swagger 2.0 have no such keyword, so their ` + "`allOf`" + ` compositions are not
reported (flatten the schema, or move to 3.1, to close them). The
alternatives of a ` + "`oneOf`" + ` or ` + "`anyOf`" + ` are complete objects and are judged like any
other.

Option ` + "`ignore-absent`" + ` (default false) reports only objects that say
` + "`additionalProperties: true`" + ` or ` + "`{}`" + `, for teams that leave objects open on purpose
to let clients send newer fields.`,
		Fix: "set `additionalProperties: false` on the object (in OpenAPI 3.1 `unevaluatedProperties: false` on an allOf composition)",
		Bad: `components:
  schemas:
    TransferRequest:
      type: object
      required: [to, amount]
      properties:
        to: {type: string, maxLength: 34}
        amount: {type: integer, minimum: 1}`,
		Good: `components:
  schemas:
    TransferRequest:
      type: object
      additionalProperties: false
      required: [to, amount]
      properties:
        to: {type: string, maxLength: 34}
        amount: {type: integer, minimum: 1}`,
		Lang:      "yaml",
		Severity:  lint.SeverityWarning,
		NoteOnly:  "none of its 19 findings judged on real projects was worth acting on; rules.severity sets another level",
		Precision: "low",
		Grades: `- **warning** when anyone may send the object: an operation that needs no credentials by the document's word, in a document that declares authentication (the bounds criterion of docs/precision.md).
- **note** when only authenticated callers send it, or who may send it is unknown (no scheme declared, no requirement written, a top-level ` + "`security: []`" + `, or authentication optional throughout: every requirement the document writes offers an empty {}): an undeclared property from an accountable caller is a documentation gap the service's own decoding covers.
- **note**, whoever sends it, for the body of an OAuth 2.0 protocol request (a token request with ` + "`grant_type`" + `, an authorization request posted as a form with ` + "`response_type`" + `, an introspection or revocation with ` + "`token`" + ` and ` + "`token_type_hint`" + `): the protocol tells the server to ignore parameters it does not recognise (RFC 6749 section 3.1), so closing it would contradict the standard (judged noise, 0 of 3 at warning).
- **note**, whoever sends it, for an object inside a model call that a relay in front of model providers passes on (a request body with model and messages, prompt, input or contents, in a document that names two or more providers): a provider's own extension object, which the provider validates.`,
		CWE:   []int{915, 20},
		OWASP: []string{"API3:2023", "API6:2023"},
		Since: "v0.1.0",
	},
	Options: &options,
	Spec:    run,
}

// openness is what a schema says about properties it does not declare.
type openness int

const (
	closedObject openness = iota // additionalProperties or unevaluatedProperties is false
	mapLike                      // extra properties must match a real schema: a deliberate map
	unset                        // nothing is said: extra properties pass
	allowed                      // additionalProperties: true or {}
)

func run(pass *lint.SpecPass) error {
	v31 := pass.Version == "3.1"
	schemas := openapi.Schemas(pass.Doc)
	parts := map[*openapi3.Schema]bool{} // schemas that are parts of another
	for _, s := range schemas {
		// A oneOf or anyOf under an object that declares properties adds
		// constraints to it (as "status: completed requires conclusion");
		// its alternatives are parts too.
		alternativesArePart := len(s.S.Properties) > 0
		for field, list := range map[string]openapi3.SchemaRefs{"allOf": s.S.AllOf, "oneOf": s.S.OneOf, "anyOf": s.S.AnyOf} {
			for _, p := range list {
				if p != nil && p.Value != nil && (field == "allOf" || alternativesArePart) {
					parts[p.Value] = true
				}
			}
		}
	}
	type candidate struct {
		s        *openapi.Schema
		how      openness
		composed bool
	}
	var found []candidate
	closed, unsetCount := 0, 0
	for _, s := range schemas {
		sch := s.S
		if s.Uses&openapi.Request == 0 || sch.Always != nil || sch.ReadOnly || parts[sch] || formData(sch) {
			continue
		}
		composed := len(sch.AllOf) > 0
		if composed && !v31 || !object(sch) || !declares(sch, composed, 0) {
			continue
		}
		switch how := extra(sch, v31); how {
		case closedObject:
			closed++
		case unset:
			unsetCount++
			found = append(found, candidate{s, how, composed})
		case allowed:
			found = append(found, candidate{s, how, composed})
		}
	}
	reportUnset := false
	switch options.ReportUnset {
	case "always":
		reportUnset = true
	case "never":
	default:
		reportUnset = closed > 0 && closed >= unsetCount || openapi.AgentFacing(pass.Doc)
	}
	inputs := openapi.NewInputs(pass.Doc)
	relay := openapi.RelayOf(pass.Doc)
	for _, c := range found {
		s, sch, how, composed := c.s, c.s.S, c.how, c.composed
		if how == unset && !reportUnset {
			continue
		}
		where := openapi.Describe(s.Pointer)
		sev, why := lint.SeverityDefault, ""
		if e := inputs.Exposure(pass.Doc, sch); e != "" {
			// The bounds criterion (docs/precision.md): an undeclared
			// property from an accountable caller is a documentation
			// gap the service's own decoding covers.
			sev, why = lint.SeverityNote, " (a note: "+e+")"
		}
		if openapi.OAuthRequestBody(sch) {
			// OAuth 2.0 requires the server to ignore parameters it does
			// not recognise: closing the object would contradict the
			// protocol and break clients that send extensions.
			sev, why = lint.SeverityNote, " (a note: it is the body of an OAuth 2.0 protocol request, whose server must ignore parameters it does not recognise (RFC 6749 section 3.1), so it stays open by design)"
		}
		if relay.InCall(sch) {
			// A part of a model call the relay passes on (a provider's
			// own extension object): the provider validates it.
			sev, why = lint.SeverityNote, " (a note: "+relay.Why()+" passes it on in the model call, and the provider the model names validates it)"
		}
		switch {
		case how == allowed && sch.AdditionalProperties.Has != nil:
			pass.ReportSeverityf(sev, s.Pointer, s.Origin(), "additionalProperties",
				"%s accepts properties it does not declare: additionalProperties is true%s", where, why)
		case how == allowed:
			pass.ReportSeverityf(sev, s.Pointer, s.Origin(), "additionalProperties",
				"%s accepts properties it does not declare: additionalProperties is {}, which allows anything%s", where, why)
		case composed:
			pass.ReportSeverityf(sev, s.Pointer, s.Origin(), "",
				"%s composes objects with allOf but accepts properties none of them declare: unevaluatedProperties is not false%s", where, why)
		case v31:
			pass.ReportSeverityf(sev, s.Pointer, s.Origin(), "",
				"%s accepts properties it does not declare: neither additionalProperties nor unevaluatedProperties is false%s", where, why)
		default:
			pass.ReportSeverityf(sev, s.Pointer, s.Origin(), "",
				"%s accepts properties it does not declare: additionalProperties is not false%s", where, why)
		}
	}
	return nil
}

// object reports whether a schema's values may be objects.
func object(s *openapi3.Schema) bool {
	return s.Type == nil || len(*s.Type) == 0 || s.Type.Includes("object")
}

// declares reports whether a schema declares properties, itself or, when
// composed, through the parts of its allOf.
func declares(s *openapi3.Schema, composed bool, depth int) bool {
	if len(s.Properties) > 0 || len(s.PatternProperties) > 0 {
		return true
	}
	if !composed || depth > 16 {
		return false
	}
	for _, p := range s.AllOf {
		if p != nil && p.Value != nil && declares(p.Value, true, depth+1) {
			return true
		}
	}
	return false
}

// extra says what a schema does with properties it does not declare.
func extra(s *openapi3.Schema, v31 bool) openness {
	if u := s.UnevaluatedProperties; v31 {
		if u.Has != nil && !*u.Has {
			return closedObject
		}
		if u.Schema != nil && u.Schema.Value != nil {
			if v := u.Schema.Value; v.Always != nil && !*v.Always {
				return closedObject
			} else if !openapi.Unconstrained(v) {
				return mapLike
			}
		}
	}
	switch ap := s.AdditionalProperties; {
	case ap.Has != nil && !*ap.Has:
		return closedObject
	case ap.Has != nil:
		return allowed
	case ap.Schema != nil && ap.Schema.Value != nil:
		v := ap.Schema.Value
		if v.Always != nil && !*v.Always {
			return closedObject
		}
		if openapi.Unconstrained(v) {
			return allowed
		}
		return mapLike
	}
	return unset
}

// formData reports whether a schema is the object that the Swagger 2.0
// conversion builds from formData parameters, which 2.0 cannot close.
func formData(s *openapi3.Schema) bool {
	for _, p := range s.Properties {
		if p != nil && p.Value != nil {
			if _, ok := p.Value.Extensions["x-formData-name"]; ok {
				return true
			}
		}
	}
	return false
}
