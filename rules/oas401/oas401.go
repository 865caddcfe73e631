// Package oas401 defines rule OAS401: a request part whose content has no
// schema.
package oas401

import (
	"maps"
	"mime"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/load/openapi"
)

var Rule = &lint.Rule{
	ID:   "OAS401",
	Name: "missing-schema",
	Doc: lint.Doc{
		Title: "Request content has no schema",
		Summary: "A parameter, a request header or a request body media type (a Swagger 2.0 body " +
			"parameter) says nothing about the shape of the data it accepts. Response media types " +
			"without a schema are reported as notes.",
		Why: `A schema is what lets a gateway, a generated server stub or a validation
middleware reject malformed input before it reaches business code. A
parameter or a JSON request body without one accepts anything the client
sends, of any type and any size, and every downstream component has to
guess what it means. Injection, type confusion and oversized payloads all
start with input that nobody validated.

AI agents build their calls from the description. Without a schema, an
agent invents the payload: it guesses field names, sends free text where
the server expected a number, and passes along whatever a prompt injection
put in its context. Nothing in the contract lets the server tell a correct
call from a manipulated one.

Parameters (including request headers), Swagger 2.0 body parameters and
request bodies without any media type, and request media types that carry
structured or textual data (JSON, XML, YAML, forms, multipart, ` + "`text/*`" + `) without
a schema are reported as warnings. Binary media types (` + "`application/octet-stream`" + `,
images, PDFs, archives) and wildcards are not reported: OpenAPI 3.1 tells
authors to omit the schema for raw bytes, and a schema could not validate
them anyway. Response media types without a schema are reported as notes:
they do not let anyone send bad data, but a client, or an agent reading the
result, cannot tell what it will get.`,
		Fix: "add a schema (type, bounds, required properties) to the parameter or media type",
		Bad: `paths:
  /v1/bookings:
    post:
      parameters:
        - name: X-Partner-Id
          in: header
      requestBody:
        content:
          application/json: {}`,
		Good: `paths:
  /v1/bookings:
    post:
      parameters:
        - name: X-Partner-Id
          in: header
          schema: {type: string, pattern: "^[a-z0-9-]{1,40}$"}
      requestBody:
        content:
          application/json:
            schema: {$ref: "#/components/schemas/BookingRequest"}`,
		Lang:      "yaml",
		Severity:  lint.SeverityWarning,
		Precision: "very-high",
		CWE:       []int{1287, 20},
		OWASP:     []string{"API8:2023", "API3:2023"},
		Since:     "v0.1.0",
	},
	Spec: run,
}

func run(pass *lint.SpecPass) error {
	for _, p := range openapi.Parameters(pass.Doc) {
		param := p.P
		if param.Schema == nil && len(param.Content) == 0 {
			pass.Reportf(p.Pointer, p.Origin, "name", "%s parameter %q has no schema (%s)", param.In, param.Name, openapi.UsedBy(p.Users))
			continue
		}
		for _, mt := range missing(param.Content) {
			pass.Reportf(openapi.Join(p.Pointer, "content", mt), param.Content[mt].Origin, "",
				"%s parameter %q content %s has no schema (%s)", param.In, param.Name, mt, openapi.UsedBy(p.Users))
		}
	}
	for _, b := range openapi.RequestBodies(pass.Doc) {
		where := openapi.Describe(b.Pointer)
		if len(b.B.Content) == 0 {
			if name, ok := b.B.Extensions["x-originalParamName"].(string); ok && len(b.Users) > 0 {
				// Swagger 2.0: a body parameter written without a schema.
				op := b.Users[0]
				pass.Reportf(b.Pointer, b.Origin, "", "%s %s body parameter %q has no schema", op.Method, op.Path, name)
			} else {
				pass.Reportf(b.Pointer, b.Origin, "content", "%s declares no media type and no schema", where)
			}
			continue
		}
		for _, mt := range missing(b.B.Content) {
			pass.Reportf(openapi.Join(b.Pointer, "content", mt), b.B.Content[mt].Origin, "",
				"%s %s has no schema", where, mt)
		}
	}
	for _, r := range openapi.Responses(pass.Doc) {
		where := openapi.Describe(r.Pointer)
		for _, mt := range missing(r.R.Content) {
			pass.ReportSeverityf(lint.SeverityNote, openapi.Join(r.Pointer, "content", mt), r.R.Content[mt].Origin, "",
				"%s %s has no schema", where, mt)
		}
	}
	return nil
}

// missing lists, sorted, the media types of c that carry structured or
// textual data and have no schema.
func missing(c openapi3.Content) []string {
	var out []string
	for _, mt := range slices.Sorted(maps.Keys(c)) {
		if m := c[mt]; m != nil && m.Schema == nil && m.ItemSchema == nil && needsSchema(mt) {
			out = append(out, mt)
		}
	}
	return out
}

// needsSchema reports whether a media type carries data a schema can
// describe: JSON, XML, YAML, forms, multipart and text. Binary types and
// wildcards do not.
func needsSchema(mediaType string) bool {
	mt, _, err := mime.ParseMediaType(mediaType)
	if err != nil {
		mt = strings.ToLower(strings.TrimSpace(mediaType))
	}
	typ, sub, _ := strings.Cut(mt, "/")
	switch {
	case strings.Contains(sub, "*") || typ == "*":
		return false
	case typ == "text", typ == "multipart":
		return true
	case sub == "x-www-form-urlencoded":
		return true
	}
	for _, s := range []string{"json", "jsonl", "xml", "yaml", "ndjson"} {
		if sub == s || strings.HasSuffix(sub, "+"+s) || strings.HasPrefix(sub, s+"-") || strings.HasPrefix(sub, "x-"+s) || strings.HasSuffix(sub, "-"+s) {
			return true
		}
	}
	return false
}
