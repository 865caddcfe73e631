// Package oas306 defines rule OAS306: destructive or money-moving agent tools
// that anyone can call or that accept any payload.
package oas306

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/load/openapi"
)

var Rule = &lint.Rule{
	ID:   "OAS306",
	Name: "agent-destructive-open",
	Doc: lint.Doc{
		Title: "Agent tool that destroys or moves money is open to anyone or any payload",
		Summary: "In a document written for AI agents, an operation that deletes, cancels, pays, sends " +
			"or otherwise acts can be called without authentication, or accepts an open request body " +
			"(no schema, an object without properties, additional properties of any kind, or no " +
			"required fields and unbounded strings).",
		Why: `Each half of this is a known weakness; together, in an agent tool, they
compound. An agent decides which tool to call and what to send from text it
reads, and some of that text is written by attackers (prompt injection,
OWASP LLM01). Authentication is what ties each call to a user who agreed to
it, and a schema is what keeps the arguments to the ones the operation
expects.

A destructive or money-moving operation without authentication lets any
agent, steered by anyone, act on nobody's behalf, with nothing to trace the
call back to. With an open payload the same agent can be made to send fields
the operation never meant to take (an amount, a recipient, an ` + "`isAdmin`" + `
flag) or arbitrary text that the server passes on. Either way the agent's
excessive agency (OWASP LLM06) meets the API's broken authentication or
mass assignment (API2, API3), and the operation's effect cannot be undone.

Reported once per operation, as an error, only in agent-facing documents
(those with ` + "`x-openai-`" + `, ` + "`x-mcp`" + ` or similar extensions): DELETE
operations, and operations whose operationId or summary verb, or money noun,
says they destroy, move money or act outside the API (see OAS305). When the
operation also runs without user confirmation, the message says so. A
document that writes no security requirement anywhere is taken not to
describe its authentication (GPT actions and MCP servers often configure it
outside the document; OAS101 reports it).

A body is open when it has no schema, is an object without properties, takes
additional properties of any kind, or takes additional properties at all
and has no required fields and a string without maxLength, enum, pattern or
a fixed format. Not reported: plain reads and writes, objects with
` + "`additionalProperties: false`" + `, ` + "`properties: {}`" + ` (an empty request
message), the bodies of DELETEs (options; the path says what goes) and
composed schemas (allOf, oneOf, anyOf), which are not judged.`,
		Fix: "require authentication on the operation and give its request body declared properties, required fields, bounded strings and additionalProperties: false",
		Bad: `info:
  x-openai-action: {name: payments}
paths:
  /payments:
    post:
      operationId: createPayment
      security: []
      requestBody:
        content:
          application/json:
            schema: {type: object}`,
		Good: `info:
  x-openai-action: {name: payments}
paths:
  /payments:
    post:
      operationId: createPayment
      security:
        - oauth: [payments:write]
      requestBody:
        content:
          application/json:
            schema:
              type: object
              required: [amount, currency, payee]
              additionalProperties: false
              properties:
                amount: {type: integer, minimum: 1, maximum: 100000}
                currency: {type: string, enum: [EUR, USD]}
                payee: {type: string, format: uuid}`,
		Lang:      "yaml",
		Severity:  lint.SeverityError,
		Precision: "medium",
		CWE:       []int{306, 915, 20},
		OWASP:     []string{"LLM06:2025", "LLM01:2025", "API2:2023", "API3:2023"},
		Since:     "v0.1.0",
	},
	Spec:    run,
	Options: &options,
}

// Options are the settings of OAS306: the word lists that tell what an
// operation does (see openapi.DefaultVerbs).
type Options struct {
	openapi.Verbs `yaml:",inline"`
}

var options = Options{Verbs: openapi.DefaultVerbs}

func run(pass *lint.SpecPass) error {
	if !openapi.AgentFacing(pass.Doc) {
		return nil
	}
	// A document that writes no security requirement anywhere does not
	// describe its authentication: GPT actions and MCP servers often
	// configure it outside the document. There only an explicit opt-out
	// counts.
	described := pass.Doc.Security != nil
	for _, op := range openapi.Operations(pass.Doc) {
		described = described || op.Op.Security != nil
	}
	for _, op := range openapi.Operations(pass.Doc) {
		act := options.Classify(op)
		if !act.Kind.Consequential() {
			continue
		}
		sec := openapi.EffectiveSecurity(pass.Doc, op)
		anonymous := sec.Anonymous() && (described || sec.Own)
		open := ""
		if op.Method != "delete" { // a DELETE's body holds options; its path says what goes
			// Swagger 2.0 conversion writes properties: {} into every
			// object, so only 3.x documents can say "empty message".
			open = openBody(op.Op.RequestBody, pass.Version != "2.0")
		}
		if !anonymous && open == "" {
			continue
		}
		var what []string
		if anonymous {
			what = append(what, "can be called without authentication")
		}
		if open != "" {
			what = append(what, "accepts "+open)
		}
		if unconfirmed(op) {
			what = append(what, "runs without asking the user")
		}
		var risk string
		switch {
		case anonymous && open != "":
			risk = "an injected prompt can make an agent call it with any arguments, and no credential ties the call to anyone"
		case anonymous:
			risk = "an injected prompt can make an agent call it, and no credential ties the call to anyone"
		default:
			risk = "an injected prompt can make an agent call it with fields the operation never meant to take"
		}
		pass.Reportf(op.Pointer, op.Op.Origin, "",
			"agent tool %s %s %s (%s), %s: %s", op.Method, op.Path, describe(act.Kind), act.Describe(op.Method), join(what), risk)
	}
	return nil
}

func describe(k openapi.ActionKind) string {
	switch k {
	case openapi.ActionMoney:
		return "moves money"
	case openapi.ActionDestructive:
		return "destroys or cancels"
	}
	return "acts beyond the api"
}

func join(parts []string) string {
	if len(parts) == 1 {
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

// unconfirmed reports whether agent platforms will run the operation without
// asking: marked so, or a GET without a mark.
func unconfirmed(op openapi.Operation) bool {
	m := openapi.Marks(op.Op)
	switch {
	case m.Consequential != nil:
		return !*m.Consequential
	case m.ReadOnly != nil && *m.ReadOnly:
		return true
	}
	return op.Method == "get" && m.ReadOnly == nil
}

// openBody describes what makes a request body open, or returns "".
func openBody(ref *openapi3.RequestBodyRef, emptyMessages bool) string {
	if ref == nil || ref.Value == nil {
		return ""
	}
	content := ref.Value.Content
	for _, mt := range slices.Sorted(maps.Keys(content)) {
		m := content[mt]
		if m == nil || !structured(mt) {
			continue
		}
		if m.Schema == nil || m.Schema.Value == nil {
			return "a request body with no schema"
		}
		if why := openSchema(m.Schema.Value, emptyMessages); why != "" {
			return "a request body that is " + why
		}
	}
	return ""
}

// structured reports whether a media type carries named fields: JSON, form
// data, XML.
func structured(mt string) bool {
	mt = strings.ToLower(mt)
	return strings.Contains(mt, "json") || strings.Contains(mt, "form") || strings.Contains(mt, "xml") || mt == "*/*"
}

// boundedFormats are string formats whose values have a fixed shape.
var boundedFormats = map[string]bool{
	"date": true, "date-time": true, "time": true, "uuid": true, "email": true, "ipv4": true, "ipv6": true,
	"int32": true, "int64": true, "duration": true,
}

// openSchema describes what makes an object schema open, or returns "".
func openSchema(s *openapi3.Schema, emptyMessages bool) string {
	if len(s.AllOf)+len(s.AnyOf)+len(s.OneOf) > 0 || s.Not != nil {
		return "" // composed: not judged
	}
	if s.Type != nil && !s.Type.Includes("object") {
		return ""
	}
	ap := s.AdditionalProperties
	closed := ap.Has != nil && !*ap.Has
	if len(s.Properties) == 0 && len(s.PatternProperties) == 0 {
		switch {
		case closed, emptyMessages && s.Properties != nil:
			// additionalProperties: false, or properties: {}, an empty
			// request message (Google APIs reject unknown fields there).
			return ""
		case ap.Schema != nil && ap.Schema.Value != nil && !empty(ap.Schema.Value):
			// A typed map: its keys are open, its values are not.
		case s.Type == nil:
			return "an empty schema"
		default:
			return "an object with no declared properties"
		}
	}
	if ap.Has != nil && *ap.Has || ap.Schema != nil && ap.Schema.Value != nil && empty(ap.Schema.Value) {
		return "an object that takes additional properties of any kind"
	}
	if len(s.Required) == 0 && !closed {
		for _, name := range slices.Sorted(maps.Keys(s.Properties)) {
			p := s.Properties[name]
			if p != nil && p.Value != nil && unboundedString(p.Value) {
				return fmt.Sprintf("an open object with no required fields and unbounded strings (%q)", name)
			}
		}
	}
	return ""
}

func empty(s *openapi3.Schema) bool {
	return s.Type == nil && len(s.Properties) == 0 && s.Items == nil && len(s.AllOf)+len(s.AnyOf)+len(s.OneOf) == 0 &&
		s.Not == nil && len(s.Enum) == 0 && s.Const == nil && s.Format == "" && s.Pattern == ""
}

func unboundedString(s *openapi3.Schema) bool {
	return s.Type.Includes("string") && s.MaxLength == nil && len(s.Enum) == 0 && s.Const == nil && s.Pattern == "" && !boundedFormats[s.Format]
}
