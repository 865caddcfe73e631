// Package oas511 defines rule OAS511: an operation that the OpenAPI
// document describes and the Go code paired with it does not serve (a
// zombie operation).
package oas511

import (
	"strings"

	"github.com/apiaudit/apiaudit/pkg/inventory"
	"github.com/apiaudit/apiaudit/pkg/lint"
)

var Rule = &lint.Rule{
	ID:   "OAS511",
	Name: "zombie-operation",
	Doc: lint.Doc{
		Title: "Documented operation is served by no route of the paired Go code",
		Summary: "An operation of an OpenAPI document that no route of the Go module paired with the document serves: " +
			"the description promises an endpoint that the code retired, renamed or never built.",
		Why: `A description that lists endpoints the service no longer has misleads
everyone who trusts it: clients and agents call them, gateways keep them
open, reviews sign off on them, and when the path comes back it comes back
unreviewed (OWASP API9:2023, improper inventory). Agents are the worst
case: they read the operation list as the set of tools they may call.

The rule runs when a scan holds both an OpenAPI document and a Go module
that serves it (a document is paired with a module when the module serves
at least half of its operations; see docs/inventory.md). It matches
paths by shape, so {orderId} in the document and :id or {id} in the code
are the same endpoint, and it takes the servers' URL paths and Swagger
2.0's basePath as prefixes. A document paired with no module gets no
finding.`,
		Fix: "remove the operation from the document (or mark it deprecated until it is), or serve it",
		Bad: `paths:
  /v1/orders/{orderId}/refund:   # no route in the service serves this
    post:
      responses:
        "200": {description: ok}`,
		Good: `paths:
  /v1/orders/{orderId}:          # served by r.Get("/v1/orders/{id}", getOrder)
    get:
      responses:
        "200": {description: ok}`,
		Lang:      "yaml",
		Severity:  lint.SeverityWarning,
		Precision: "high",
		CWE:       []int{1059},
		OWASP:     []string{"API9:2023"},
		Since:     "v0.3.0",
	},
	Drift: run,
}

func run(pass *lint.DriftPass) error {
	for _, d := range pass.Inventory.Drifts() {
		if d.Kind != "zombie" {
			continue
		}
		op := d.Op
		pass.Reportf(op.At, "%s %s is documented but served by no route of the Go module %s", strings.ToLower(op.Method), op.Path, strings.Join(pairedModules(pass.Inventory, op.Spec), ", "))
	}
	return nil
}

func pairedModules(inv *inventory.Inventory, spec string) []string {
	var out []string
	for _, p := range inv.Pairings {
		if p.Paired && p.Spec == spec {
			out = append(out, p.Module)
		}
	}
	return out
}
