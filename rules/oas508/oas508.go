// Package oas508 defines rule OAS508: request bodies on methods whose
// requests have no defined body semantics.
package oas508

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"slices"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/load/openapi"
)

var Rule = &lint.Rule{
	ID:   "OAS508",
	Name: "body-on-get-delete",
	Doc: lint.Doc{
		Title: "GET, HEAD, DELETE or TRACE operation takes a request body",
		Summary: "A GET, HEAD or TRACE operation has a requestBody (Swagger 2.0: a body or formData " +
			"parameter), or a DELETE operation has one.",
		Why: `HTTP gives a body on GET, HEAD and DELETE no meaning (RFC 9110): servers may
ignore it, and proxies, CDNs, load balancers and HTTP client libraries may
drop it or reject the request. Caches key GET responses by URL alone, so two
different bodies can get the same cached answer. A TRACE request must not
have a body at all.

What gets through then depends on the path the request takes. Filters and
web application firewalls that only look at the URL of a GET let through
whatever the body carries, while the server acts on it. For AI agents the
result is a tool that silently loses its arguments: many agent platforms and
generated clients never send a body with GET, so the call runs with none.

GET, HEAD and TRACE are warnings, one per operation. DELETE is a single note
for the document, at the first such operation with a count of the others:
RFC 9110 allows a body there, and some APIs (Kubernetes) take one by design,
but many intermediaries still drop it. A DELETE that requires the same body as
the PUT of its path is a warning, one for the document: the body that
replaces the resource is no input to its removal, so the description was
copied from the PUT, and every generated client must send it. Not reported: the QUERY method, made
for a query in the body, and an optional body that admits nothing (an
object with no properties and additionalProperties: false, which some
generators put on every operation).`,
		Fix: "move the inputs of a GET or DELETE into path or query parameters (credentials excepted: they stay out of URLs), or use POST (or QUERY) for a query that needs a body",
		Bad: `paths:
  /flights/search:
    get:
      requestBody:
        content:
          application/json:
            schema: {$ref: "#/components/schemas/FlightQuery"}`,
		Good: `paths:
  /flights/search:
    post:
      requestBody:
        content:
          application/json:
            schema: {$ref: "#/components/schemas/FlightQuery"}`,
		Lang:      "yaml",
		Severity:  lint.SeverityWarning,
		Precision: "high",
		Grades:    `- **warning** for GET, HEAD and TRACE bodies; one **note** for the document's DELETE bodies; one **warning** for the document's DELETE operations that require the very body the PUT of their path takes (a copy, not a design: the resource's whole representation is no input to its removal). A DELETE body that carries a credential (a token kept out of the URL, as OAS104 asks) is not reported, and a GET body that carries one is told to use POST rather than the query string.`,
		CWE:       []int{444, 436},
		OWASP:     []string{"API8:2023"},
		Since:     "v0.1.0",
	},
	Spec: run,
}

func run(pass *lint.SpecPass) error {
	var deletes, copied []openapi.Operation
	for _, op := range openapi.Operations(pass.Doc) {
		rb := op.Op.RequestBody
		if rb == nil || rb.Value == nil || empty(rb.Value) {
			continue
		}
		secret := credentialField(rb.Value)
		switch {
		case op.Method == "delete" && secret != "":
			// A token in a DELETE body is there to keep it out of the URL
			// (OAS104): moving it to the query would be worse.
			continue
		case op.Method == "get" || op.Method == "head" || op.Method == "trace":
			advice := ""
			if secret != "" {
				advice = fmt.Sprintf(" (its field %q is a credential: keep it out of the URL and use POST rather than a query parameter)", secret)
			}
			pass.Reportf(openapi.Join(op.Pointer, "requestBody"), origin(rb), "",
				"%s %s takes a request body, which servers and proxies may drop or ignore%s", op.Method, op.Path, advice)
		case op.Method == "delete" && rb.Value.Required && sameBody(rb.Value, op.Item.Put):
			copied = append(copied, op)
		case op.Method == "delete":
			deletes = append(deletes, op)
		}
	}
	if len(copied) > 0 {
		// A generator slip rather than a design: the body a PUT replaces
		// the resource with, required on the DELETE of the same path.
		op := copied[0]
		more := ""
		if len(copied) > 1 {
			more = fmt.Sprintf(" (and %d more delete operations)", len(copied)-1)
		}
		pass.Reportf(openapi.Join(op.Pointer, "requestBody"), origin(op.Op.RequestBody), "",
			"%s %s requires the same request body as the PUT of its path%s, which looks copied from it: clients generated from the document must send one, and many proxies drop it; remove it unless the delete reads it", op.Method, op.Path, more)
	}
	if len(deletes) > 0 {
		// One note for the document: an API that takes bodies on DELETE
		// does so by design, and one finding per operation says nothing more.
		op := deletes[0]
		more := ""
		if len(deletes) > 1 {
			more = fmt.Sprintf(" (and %d more delete operations)", len(deletes)-1)
		}
		pass.ReportSeverityf(lint.SeverityNote, openapi.Join(op.Pointer, "requestBody"), origin(op.Op.RequestBody), "",
			"%s %s takes a request body%s, which many proxies and clients drop", op.Method, op.Path, more)
	}
	return nil
}

// sameBody reports whether put, the PUT of a DELETE's path, takes the
// same request body as the DELETE: the same media types with the same
// schemas (a $ref compared by name, an inline schema by its JSON).
func sameBody(rb *openapi3.RequestBody, put *openapi3.Operation) bool {
	if put == nil || put.RequestBody == nil || put.RequestBody.Value == nil {
		return false
	}
	p := put.RequestBody.Value
	if len(p.Content) != len(rb.Content) {
		return false
	}
	for mt, m := range rb.Content {
		o, ok := p.Content[mt]
		if !ok || m == nil || o == nil || m.Schema == nil || o.Schema == nil {
			return false
		}
		a, err1 := json.Marshal(m.Schema)
		b, err2 := json.Marshal(o.Schema)
		if err1 != nil || err2 != nil || !bytes.Equal(a, b) {
			return false
		}
	}
	return true
}

// credentialField returns the first top-level field of a request body that
// carries a credential, by OAS104's judgement of names, or "".
func credentialField(rb *openapi3.RequestBody) string {
	for _, mt := range slices.Sorted(maps.Keys(rb.Content)) {
		m := rb.Content[mt]
		if m == nil || m.Schema == nil || m.Schema.Value == nil {
			continue
		}
		for _, name := range slices.Sorted(maps.Keys(m.Schema.Value.Properties)) {
			if openapi.CredentialName(name) {
				return name
			}
		}
	}
	return ""
}

func origin(rb *openapi3.RequestBodyRef) *openapi3.Origin {
	if rb.Origin != nil {
		return rb.Origin
	}
	return rb.Value.Origin
}

// empty reports whether an optional request body admits nothing: every
// media type's schema is an object with no properties and
// additionalProperties: false. Some generators write one on every
// operation, GETs included.
func empty(rb *openapi3.RequestBody) bool {
	if rb.Required || len(rb.Content) == 0 {
		return false
	}
	for _, mt := range rb.Content {
		if mt == nil || mt.Schema == nil || mt.Schema.Value == nil {
			return false
		}
		s := mt.Schema.Value
		ap := s.AdditionalProperties
		if len(s.Properties) > 0 || ap.Has == nil || *ap.Has || ap.Schema != nil ||
			len(s.AllOf)+len(s.AnyOf)+len(s.OneOf) > 0 || s.Items != nil {
			return false
		}
	}
	return true
}
