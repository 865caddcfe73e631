// Package oas504 defines rule OAS504: resources addressed by sequential
// numeric ids.
package oas504

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/load/openapi"
)

var Rule = &lint.Rule{
	ID:   "OAS504",
	Name: "guessable-id",
	Doc: lint.Doc{
		Title: "Protected resources are addressed by guessable numeric ids",
		Summary: "A path parameter named id, *_id or *Id is an integer (or a digits-only string) on " +
			"an operation that requires authentication: the resources it names can be enumerated " +
			"by counting.",
		Why: `Broken object level authorization is the most common API flaw: the API
checks that the caller is logged in, not that the object in the URL is
theirs. Sequential ids make it cheap to exploit: whoever sees
/invoices/1041 tries /invoices/1040 and /invoices/1042. Random identifiers
(UUIDs, prefixed random strings) do not replace the ownership check, but
they stop enumeration and make a missing check much harder to find.

AI agents make the same step by accident: a model that has seen order 1234
will happily guess order 1235 when asked about "the previous order", and an
injected instruction can ask it to walk a range. If object-level checks are
missing, the agent reads other users' data with the user's own credentials.

This is a hint, reported as a note, to review the object-level checks of the
operations involved. Only path parameters are reported, and only on
operations that require credentials: a public resource meant to be browsed
(/announcements/17) is no secret, and an unauthenticated operation is
reported by the authentication rules instead. A parameter with a uuid-like
format or a pattern that is not digits-only is not reported. Parameters of
the same name are reported once, at the first definition, with the number of
operations that use them.`,
		Fix: "check in every operation that the object belongs to the caller, and prefer random identifiers (UUIDs or prefixed random strings) for ids in URLs",
		Bad: `paths:
  /invoices/{invoiceId}:
    get:
      security:
        - oauth: [invoices:read]
      parameters:
        - name: invoiceId
          in: path
          required: true
          schema: {type: integer, format: int64}`,
		Good: `paths:
  /invoices/{invoiceId}:
    get:
      security:
        - oauth: [invoices:read]
      parameters:
        - name: invoiceId
          in: path
          required: true
          schema: {type: string, format: uuid}`,
		Lang:      "yaml",
		Severity:  lint.SeverityNote,
		Precision: "medium",
		CWE:       []int{639, 340},
		OWASP:     []string{"API1:2023"},
		Since:     "v0.1.0",
	},
	Spec: run,
}

func run(pass *lint.SpecPass) error {
	type group struct {
		first *openapi.Param
		ops   []openapi.Operation
	}
	var order []string
	groups := map[string]*group{}
	for _, p := range openapi.Parameters(pass.Doc) {
		if p.P.In != "path" || !idName(p.P.Name) || !numeric(p.P) {
			continue
		}
		var ops []openapi.Operation
		for _, op := range p.Users {
			if !openapi.EffectiveSecurity(pass.Doc, op).Anonymous() {
				ops = append(ops, op)
			}
		}
		if len(ops) == 0 {
			continue
		}
		g := groups[p.P.Name]
		if g == nil {
			g = &group{first: p}
			groups[p.P.Name] = g
			order = append(order, p.P.Name)
		}
		g.ops = append(g.ops, ops...)
	}
	for _, name := range order {
		g := groups[name]
		p := g.first
		used := fmt.Sprintf("%s %s", g.ops[0].Method, g.ops[0].Path)
		if len(g.ops) > 1 {
			used += fmt.Sprintf(" and %d more", len(g.ops)-1)
		}
		pass.Reportf(p.Pointer, p.Origin, "name",
			"path parameter %q is %s id that can be enumerated (authenticated operations: %s)",
			name, kind(p.P), used)
	}
	return nil
}

// idName reports whether a parameter is named like an identifier: id,
// user_id, userId, user-id, userID; not paid, valid or uuid.
func idName(name string) bool {
	w := openapi.Words(name)
	return len(w) > 0 && w[len(w)-1] == "id"
}

var digitsOnly = regexp.MustCompile(`^\^?(?:\\d|\[0-9\]|\[\[:digit:\]\])(?:[+*]|\{\d*,?\d*\})\$?$`)

// numeric reports whether a parameter takes integers: type integer (or
// number with an integer format), or a string of digits.
func numeric(p *openapi3.Parameter) bool {
	if p.Schema == nil || p.Schema.Value == nil {
		return false
	}
	s := p.Schema.Value
	switch strings.ToLower(s.Format) {
	case "uuid", "guid", "ulid", "uri", "uri-reference", "email", "hostname", "byte", "binary":
		return false
	}
	if s.Pattern != "" {
		return s.Type.Includes("string") && digitsOnly.MatchString(s.Pattern)
	}
	switch {
	case s.Type.Includes("integer"):
		return true
	case s.Type.Includes("number"):
		return s.Format == "int32" || s.Format == "int64"
	case s.Type.Includes("string"):
		return s.Format == "int32" || s.Format == "int64"
	}
	return false
}

func kind(p *openapi3.Parameter) string {
	if s := p.Schema.Value; s.Type.Includes("integer") || s.Type.Includes("number") {
		return "an integer"
	}
	return "a numeric string"
}
