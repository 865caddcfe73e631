// Package go208 defines rule GO208: the OpenAPI document bounds a request
// body, and the Go handler that serves it reads the body with no limit and
// no validation.
package go208

import (
	"strings"

	"github.com/apiaudit/apiaudit/pkg/lint"
)

var Rule = &lint.Rule{
	ID:   "GO208",
	Name: "bound-drift",
	Doc: lint.Doc{
		Title: "Spec bounds a request body that the handler reads unbounded and unvalidated",
		Summary: "The OpenAPI document sets limits on an operation's JSON request body (maxLength, maxItems, " +
			"maxProperties, maximum), and the Go handler that serves it decodes the body with no size limit " +
			"(http.MaxBytesReader, a body-limit middleware) and no validation of what it decoded.",
		Why: `Limits written in the description are promises: clients, gateways and
reviewers read "maxLength: 200" and assume a 2 MB name is refused. The
description enforces nothing by itself; unless a gateway validates every
request against it, the service must. A handler that decodes the body
straight into a struct, without a size cap and without checking the
fields, takes whatever arrives: memory and CPU for the decode, then
oversized values in the database, the logs and the prompt of the model the
service calls (OWASP API4:2023, unrestricted resource consumption).

The rule joins the document with the Go code that serves it (see
docs/inventory.md) and reports the route whose handler reads the body
(json.NewDecoder, io.ReadAll, gin Bind, echo Bind, fiber BodyParser) in
its own body while neither the handler nor the route's middleware limits
the size, and nothing named Validate* or a validator's Struct is called
there. Validation in a helper the handler calls, or in a gateway, is not
seen: say so with an ignore.`,
		Fix: "cap the body (http.MaxBytesReader, a body-limit middleware) and validate the decoded value against the limits the document states",
		Bad: `// openapi.yaml: name has maxLength: 200
func createItem(w http.ResponseWriter, r *http.Request) {
	var in Item
	json.NewDecoder(r.Body).Decode(&in)
	save(in)
}`,
		Good: `func createItem(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	var in Item
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil || in.Validate() != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	save(in)
}`,
		Lang:      "go",
		Severity:  lint.SeverityWarning,
		Precision: "medium",
		CWE:       []int{770, 20},
		OWASP:     []string{"API4:2023"},
		Since:     "v0.3.0",
	},
	Drift: run,
}

func run(pass *lint.DriftPass) error {
	for _, d := range pass.Inventory.Drifts() {
		if d.Kind != "bounds" {
			continue
		}
		b := d.Op.Bounds
		more := ""
		if len(b) > 2 {
			more = ", ..."
			b = b[:2]
		}
		pass.Reportf(d.Route.At, "the handler reads the body of %s %s with no size limit and no validation, while %s bounds it (%s%s)",
			strings.ToLower(d.Op.Method), d.Op.Path, d.Op.Spec, strings.Join(b, ", "), more)
	}
	return nil
}
