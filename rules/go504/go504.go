// Package go504 defines rule GO504: a route that the Go code serves and
// the OpenAPI document of the service does not describe (a shadow API).
package go504

import (
	"fmt"
	"strings"

	"github.com/apiaudit/apiaudit/pkg/goapi"
	"github.com/apiaudit/apiaudit/pkg/inventory"
	"github.com/apiaudit/apiaudit/pkg/lint"
)

var Rule = &lint.Rule{
	ID:   "GO504",
	Name: "shadow-route",
	Doc: lint.Doc{
		Title: "Route is served but not in the service's OpenAPI document",
		Summary: "A route registered in Go code (net/http, chi, gin, echo, gorilla/mux, fiber) that no operation of the " +
			"OpenAPI document paired with its module describes: a shadow endpoint.",
		Why: `An endpoint that the API description leaves out escapes everything that
reads the description: the gateway's allow-list, the security review, the
scanners, the client SDKs and the agents that pick their tools from it.
Shadow endpoints are how debug handlers, old admin routes and half-finished
features stay reachable in production (OWASP API9:2023, improper
inventory). The rule compares the routes each Go module registers with the
operations of the OpenAPI document that the module is matched to (see
docs/inventory.md: a document is paired with a module when the module
serves at least half of its operations), and reports the routes that no
operation describes. A module that no document is paired with gets no
finding: its spec, if any, is elsewhere.`,
		Fix: "describe the route in the OpenAPI document, or remove it from the code",
		Bad: `// openapi.yaml documents GET /items only
r.Get("/items", listItems)
r.Post("/internal/reindex", reindex) // served, documented nowhere`,
		Good: `r.Get("/items", listItems)
// POST /internal/reindex removed, or added to openapi.yaml`,
		Lang:      "go",
		Severity:  lint.SeverityWarning,
		Grades:    "A note for routes in test scaffolding (test/, testutil, fake servers) and example code, which are not the service's API.",
		Precision: "medium",
		CWE:       []int{1059},
		OWASP:     []string{"API9:2023"},
		Since:     "v0.3.0",
	},
	Drift: run,
}

func run(pass *lint.DriftPass) error {
	for _, d := range pass.Inventory.Drifts() {
		if d.Kind != "shadow" || d.Route.Unclear() {
			continue
		}
		r := d.Route
		method := r.Method
		if method == "" {
			method = "ANY"
		}
		specs := pairedSpecs(pass.Inventory, r.Module)
		docs := strings.Join(specs, ", ")
		if len(specs) > 2 {
			docs = fmt.Sprintf("%s and %d more documents", specs[0], len(specs)-1)
		}
		msg := fmt.Sprintf("%s %s is served here but described in no operation of %s", method, r.Path, docs)
		if why := goapi.PlaceReason(r.PackageDir()); why != "" {
			// A test server or an example is not the service's API.
			pass.Report(lint.Finding{RuleID: pass.Rule.ID, Severity: lint.SeverityNote, Message: msg + " (a note: " + why + ")", Location: lint.InventoryAt(r.At)})
			continue
		}
		pass.Reportf(r.At, "%s", msg)
	}
	return nil
}

func pairedSpecs(inv *inventory.Inventory, module string) []string {
	var out []string
	for _, p := range inv.Pairings {
		if p.Paired && p.Module == module {
			out = append(out, p.Spec)
		}
	}
	return out
}
