// Package go505 defines rule GO505: the OpenAPI document lists certain
// methods on a path and the Go route serving it answers every method.
package go505

import (
	"fmt"
	"slices"
	"strings"

	"github.com/apiaudit/apiaudit/pkg/goapi"
	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/rules/go504"
)

var Rule = &lint.Rule{
	ID:   "GO505",
	Name: "method-drift",
	Doc: lint.Doc{
		Title: "Route answers every method where the spec documents only some",
		Summary: "The OpenAPI document lists some methods on a path (GET, say), and the Go route that serves it answers " +
			"any method (net/http without a method in the pattern, chi Handle, gin Any, echo Any, fiber All) and its " +
			"handler does not look at the method.",
		Why: `A route that accepts every method where the description promises GET
serves POST, PUT and DELETE too, with whatever the handler does for GET. It
bypasses the protections that key on the method: CSRF defences that spare
safe methods, gateway rules and WAF policies written per operation, caches,
and agents' "read-only" classification of a GET tool. It is also the
commonest shadow endpoint: nobody documented POST /items because nobody
meant to serve it.

The rule reports the route when it answers every method, its handler (as
far as the analysis sees its body) never reads the request method, and the
document paired with its module (docs/inventory.md) lists only some
methods on that path.`,
		Fix: "register the route for the documented methods only (\"GET /items\" in a Go 1.22 pattern, r.Get, .Methods(\"GET\")), or answer 405 for the others in the handler",
		Bad: `// openapi.yaml documents get /items
mux.HandleFunc("/items", listItems) // also answers POST, DELETE, ...`,
		Good:      `mux.HandleFunc("GET /items", listItems)`,
		Lang:      "go",
		Severity:  lint.SeverityWarning,
		NoteOnly:  "none of its 17 findings judged on real projects was worth acting on; rules.severity sets another level",
		Grades:    "A note for routes in test scaffolding (test/, testutil, fake servers) and example code, which are not the service's API, and where the document lists every method that writes (POST, PUT, PATCH, DELETE) on the path: the other methods the route answers change nothing (a pass-through proxy). A note for operational endpoints (health, metrics, documentation, under a version prefix or not). Not reported when the handler, or the handler factory of another package that builds it, checks the request method itself (and answers 405 to the rest).",
		Precision: "low",
		CWE:       []int{650},
		OWASP:     []string{"API9:2023", "API8:2023"},
		Since:     "v0.3.0",
	},
	Drift: run,
}

func run(pass *lint.DriftPass) error {
	for _, d := range pass.Inventory.Drifts() {
		if d.Kind != "method" {
			continue
		}
		r := d.Route
		msg := fmt.Sprintf("%s answers every method, and %s documents only %s on %s", r.Path, d.Op.Spec,
			strings.Join(pass.Inventory.Methods(r), ", "), d.Op.Path)
		why := goapi.PlaceReason(r.PlacePath())
		if why == "" && go504.Operational(r.Path) {
			why = "an operational endpoint (health, metrics, debugging, documentation), which answers probes whatever their method and changes nothing"
		}
		if why == "" && writesDocumented(pass.Inventory.Methods(r)) {
			why = "the document lists every method that writes (POST, PUT, PATCH, DELETE) on the path, so the others the route answers " +
				"(HEAD, OPTIONS, TRACE) change nothing; a pass-through route such as a proxy answers them by design"
		}
		if why != "" {
			// A test server or an example is not the service's API, and a
			// route whose writes are all documented adds no write.
			pass.Report(lint.Finding{RuleID: pass.Rule.ID, Severity: lint.SeverityNote, Message: msg + " (a note: " + why + ")", Location: lint.InventoryAt(r.At)})
			continue
		}
		pass.Reportf(r.At, "%s", msg)
	}
	return nil
}

// writesDocumented reports whether documented, the methods a document
// lists on a path, include every method that changes state.
func writesDocumented(documented []string) bool {
	for _, w := range []string{"POST", "PUT", "PATCH", "DELETE"} {
		if !slices.Contains(documented, w) {
			return false
		}
	}
	return true
}
