// Package oas203 defines rule OAS203: a number a client sends with no
// minimum or maximum.
package oas203

import (
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/load/openapi"
)

// Options are OAS203's settings.
type Options struct {
	// QuantityWords mark names of numbers that size or price something:
	// a number whose name contains one of these words (quantity,
	// max_price, timeout_ms) is reported as a warning, others as notes.
	QuantityWords []string `yaml:"quantity-words"`
}

var options = Options{
	QuantityWords: []string{
		"amount", "quantity", "qty", "count", "size", "total", "price", "cost", "length", "depth",
		"duration", "timeout", "ttl", "days", "hours", "minutes", "seconds", "retries", "attempts",
		"iterations", "width", "height", "pages", "items", "limit", "max", "radius", "distance",
		"weight", "nights", "guests", "passengers", "seats", "copies", "replicas", "workers",
	},
}

var Rule = &lint.Rule{
	ID:   "OAS203",
	Name: "unbounded-number",
	Doc: lint.Doc{
		Title: "Number input has no minimum or maximum",
		Summary: "An integer or number that clients send has no minimum, no maximum, or neither " +
			"(and no enum or const); the message says which side is open.",
		Why: `A number without bounds accepts what the business never meant to: a
negative quantity that turns a purchase into a refund, an amount of
10^15, a retry count of two billion, a timeout of a year, a radius that
covers the planet. Each is a classic way to abuse an API's logic or make one
request do unreasonable work (OWASP API4:2023, API6:2023). A declared
minimum and maximum let validators and gateways refuse such values before
they reach code that trusts them; format: int32 or int64 is not a bound in
this sense.

Agents compute numbers rather than type them, and a unit mix-up (cents for
dollars, milliseconds for seconds) or a hallucinated value passes straight
through to the API. Bounds in the schema are where the agent learns the
valid range.

Numbers whose name sizes or prices something (amount, quantity, count,
timeout…; see the quantity-words option) are reported as warnings, other
numbers as notes. Not reported: path parameters, identifiers (id,
order_id), points in time (format: unix-time, or names such as created,
start_time, expires_at, and the gt/lte parts of their filters), page
sizes and model-cost fields
(OAS206 and OAS207 check those), read-only properties, numbers only in
responses and schemas no operation uses.`,
		Fix: "add minimum and maximum (or an enum) to the number",
		Bad: `components:
  schemas:
    OrderLine:
      type: object
      properties:
        sku: {type: string, maxLength: 32}
        quantity: {type: integer}`,
		Good: `components:
  schemas:
    OrderLine:
      type: object
      properties:
        sku: {type: string, maxLength: 32}
        quantity: {type: integer, minimum: 1, maximum: 99}`,
		Lang:      "yaml",
		Severity:  lint.SeverityNote,
		NoteOnly:  "none of its 41 findings judged on real projects was worth acting on; rules.severity sets another level",
		Precision: "medium",
		Grades: `- **note** by default.
- **warning** for numbers whose name sizes or prices something (the quantity-words option) where anyone may send it, because it is in an operation whose own requirement is [] or that has an empty {} alternative, in a document that declares authentication, unless the description states the range, the field is a copy of one a generated document repeats in every operation, or it is a query parameter of OAuth 2.0 authorization requests only (a GET taking response_type with client_id or redirect_uri: OpenID Connect's ` + "`max_age`" + `, whose values the protocol defines; judged noise, 0 of 1 at warning) (then a note that says so); where only authenticated callers send the number, or the document declares no authentication or writes no requirement for the operation, or only a top-level security: [] or authentication optional throughout (every requirement the document writes offers an empty {} beside real schemes, as E2B's envd; judged noise, 0 of 5 at warning across OAS202, OAS203 and OAS205), a note that says so.
- **warning** too for a contradiction: minimum greater than maximum, or equal with an exclusive bound.`,
		CWE:   []int{1284, 770},
		OWASP: []string{"API4:2023", "API6:2023", "LLM10:2025"},
		Since: "v0.1.0",
	},
	Options: &options,
	Spec:    run,
}

func run(pass *lint.SpecPass) error {
	inputs := openapi.NewInputs(pass.Doc)
	quantity := openapi.NameKeys(options.QuantityWords)
	var copies openapi.Copies
	for _, s := range openapi.Schemas(pass.Doc) {
		sites := inputs.Sites(s.S)
		if sites&^openapi.InPath == 0 {
			continue
		}
		if c := openapi.Contradiction(s.S); c != "" && strings.HasPrefix(c, "minimum") {
			pass.ReportDefinitef(lint.SeverityWarning, s.Pointer, s.Origin(), "maximum", "%s: %s, so no value is valid", inputs.Name(s), c)
			continue
		}
		var kind string
		switch {
		case s.S.Type.Includes("integer"):
			kind = "an integer"
		case s.S.Type.Includes("number"):
			kind = "a number"
		default:
			continue
		}
		names := inputs.Names(s.S)
		if timestamp[strings.ToLower(s.S.Format)] || slices.ContainsFunc(names, temporal) {
			continue
		}
		p := inputs.Param(s.S)
		if p != nil && temporal(p.P.Name) {
			continue // a time filter, or one of its bounds: created[gte]
		}
		if inputs.PageSizeOrCost(s.S) ||
			len(names) > 0 && !slices.ContainsFunc(names, func(n string) bool { return !identifier(n) }) {
			continue
		}
		hasMin, hasMax := inputs.Holds(s.S, openapi.HasMinimum), inputs.Holds(s.S, openapi.HasMaximum)
		var missing string
		switch {
		case hasMin && hasMax:
			continue
		case hasMin:
			missing = "maximum"
		case hasMax:
			missing = "minimum"
		default:
			missing = "minimum or maximum"
		}
		sev, why, name := lint.SeverityNote, "", inputs.Name(s)
		if slices.ContainsFunc(names, func(n string) bool {
			return slices.ContainsFunc(openapi.Words(n), func(w string) bool { return quantity[w] })
		}) {
			sev = lint.SeverityWarning
			// A range the description states is one the owner chose; a
			// copy of a field a generated document repeats in every
			// operation is fixed once, where the first is reported.
			if openapi.StatedLimit(s.S.Description) || p != nil && openapi.StatedLimit(p.P.Description) {
				sev, why = lint.SeverityNote, " (a note: its description states a range)"
			} else if at := authorizationParam(p); at != "" {
				// OpenID Connect's max_age on an authorize URL: the
				// protocol defines the value, and the authorization
				// server reads it for the sign-in it shows.
				sev, why = lint.SeverityNote, " (a note: every operation that takes it is an OAuth 2.0 authorization request ("+at+" takes response_type and client_id or redirect_uri), which a browser carries to the sign-in: the protocol defines the value, not a size or an amount the API acts on)"
			} else if x := exposure(pass.Doc, inputs, s.S, p); x != "" {
				sev, why = lint.SeverityNote, " (a note: "+x+")"
			} else if first, ok := copies.First(inputs.CopyKey(s), name); !ok {
				sev, why = lint.SeverityNote, " (a note: a copy of "+first+", reported there)"
			}
		}
		pass.ReportSeverityf(sev, s.Pointer, s.Origin(), "type", "%s is %s without %s%s", name, kind, missing, why)
	}
	return nil
}

// timestamp are the number formats of points in time, which are not
// quantities.
var timestamp = map[string]bool{"unix-time": true, "timestamp": true, "epoch": true, "date-time": true}

// temporal reports whether a name is that of a point in time: created,
// start_time, expires_at, since.
func temporal(name string) bool {
	w := openapi.Words(name)
	if len(w) == 0 {
		return false
	}
	switch w[len(w)-1] {
	case "at", "date", "time", "timestamp", "datetime", "since", "until", "before", "after", "start", "end",
		"created", "updated", "modified", "deleted", "expires", "expiry", "epoch":
		return true
	}
	return false
}

// identifier reports whether a name is that of an identifier: id, order_id,
// customerIds.
func identifier(name string) bool {
	w := openapi.Words(name)
	if len(w) == 0 {
		return false
	}
	switch w[len(w)-1] {
	case "id", "ids", "uid", "uuid", "key", "code":
		return true
	case "number", "no", "version", "revision":
		return len(w) > 1
	}
	return false
}

// authorizationParam names the operation that takes p when every operation
// that takes it is an OAuth 2.0 authorization request
// (openapi.AuthorizationRequest), or returns "".
func authorizationParam(p *openapi.Param) string {
	if p == nil || p.P.In != "query" || len(p.Users) == 0 ||
		slices.ContainsFunc(p.Users, func(op openapi.Operation) bool { return !openapi.AuthorizationRequest(op) }) {
		return ""
	}
	return p.Users[0].Method + " " + p.Users[0].Path
}

// exposure says why a quantity is a note although its name sizes or prices
// something (see openapi.Exposure), or "" when anyone can send it.
func exposure(doc *openapi3.T, inputs *openapi.Inputs, s *openapi3.Schema, p *openapi.Param) string {
	if p != nil {
		return openapi.ParamExposure(doc, p)
	}
	return inputs.Exposure(doc, s)
}
