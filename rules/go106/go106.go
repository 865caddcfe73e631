// Package go106 defines rule GO106: the OpenAPI document requires
// authentication for an operation and the Go route that serves it checks
// no credentials.
package go106

import (
	"strings"

	"github.com/apiaudit/apiaudit/pkg/lint"
)

var Rule = &lint.Rule{
	ID:   "GO106",
	Name: "authentication-drift",
	Doc: lint.Doc{
		Title: "Route serves an operation the spec secures without checking credentials",
		Summary: "The OpenAPI document requires a security scheme for an operation, and the Go route that serves it has no " +
			"authentication on the way (no auth middleware on the route, its group or router, no credential check in " +
			"the handler). The reverse, a route that checks credentials for an operation the document leaves open, is a note.",
		Why: `The API description is what reviewers, gateways and agents trust: when it
says an operation needs a bearer token, everyone assumes the service checks
one. If the route that serves it was registered outside the authenticated
group, or the middleware was dropped in a refactoring, the endpoint is open
while every document says it is closed: a broken-authentication bug that
spec linters cannot see (they read only the spec) and code scanners cannot
see either (they do not know the route was meant to be protected).

The rule joins the document and the code (see docs/inventory.md), and for
each documented operation whose effective security has no anonymous
alternative, checks the route that serves it with the same analysis as
GO101. It reports at the route, with the document's security as the
related location. When the route checks credentials and the document says
none are needed, it reports a note: the document should say so, or clients
and agents will not send them.`,
		Fix: "put the auth middleware on the route (or its group), or, if the endpoint is public, say security: [] in the document",
		Bad: `# openapi.yaml: security: [{bearerAuth: []}] at the top
r := chi.NewRouter()
r.Get("/orders/{id}", getOrder) // nothing checks the token`,
		Good: `r := chi.NewRouter()
r.Use(requireBearer)            // answers 401 without a valid token
r.Get("/orders/{id}", getOrder)`,
		Lang:      "go",
		Severity:  lint.SeverityError,
		NoteOnly:  "none of its 12 findings judged on real projects was worth acting on; rules.severity sets another level",
		Grades:    "A note when the route checks credentials and the document requires none.",
		Precision: "low",
		CWE:       []int{306},
		OWASP:     []string{"API2:2023", "API9:2023"},
		Since:     "v0.3.0",
	},
	Drift: run,
}

func run(pass *lint.DriftPass) error {
	for _, d := range pass.Inventory.Drifts() {
		if d.Kind != "auth" && d.Kind != "auth-reverse" {
			continue
		}
		op, r := d.Op, d.Route
		where := op.SecurityAt
		if where.File == "" {
			where = op.At
		}
		switch d.Kind {
		case "auth":
			pass.Report(lint.Finding{
				RuleID: pass.Rule.ID,
				Message: "the route serves " + strings.ToLower(op.Method) + " " + op.Path + ", which " + op.Spec +
					" secures with " + strings.Join(op.Security, " or ") + ", and checks no credentials on the way",
				Location: lint.InventoryAt(r.At),
				Flow:     []lint.Step{{Location: lint.InventoryAt(where), Message: "the document requires " + strings.Join(op.Security, " or ") + " here"}},
			})
		case "auth-reverse":
			pass.Report(lint.Finding{
				RuleID:   pass.Rule.ID,
				Severity: lint.SeverityNote,
				Message: "the route checks credentials, but " + op.Spec + " lets anyone call " + strings.ToLower(op.Method) + " " + op.Path +
					": document its security scheme (a note)",
				Location: lint.InventoryAt(r.At),
				Flow:     []lint.Step{{Location: lint.InventoryAt(op.At), Message: "documented without security here"}},
			})
		}
	}
	return nil
}
