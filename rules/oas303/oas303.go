// Package oas303 defines rule OAS303: one scope guards every operation.
package oas303

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/load/openapi"
)

var Rule = &lint.Rule{
	ID:   "OAS303",
	Name: "single-scope-everywhere",
	Doc: lint.Doc{
		Title: "One scope guards every operation",
		Summary: "Every operation that needs credentials, reads and writes alike, requires the same OAuth " +
			"scopes, so no token can be granted less than the whole API.",
		Why: `Scopes let the person who connects a client decide how much it may do: read
bookings but not cancel them, draft emails but not send them. When every
operation requires the same scope, that choice does not exist. The token a
reporting dashboard needs is the token that can delete everything, and any
other scopes the scheme declares are decoration.

AI agents are usually connected once, with whatever the API offers, and then
act on instructions that may come from untrusted content they read (OWASP
LLM06, excessive agency). An API whose reads and writes need different scopes
lets an agent that only answers questions run with a read-only token; one
scope everywhere means every agent holds full write power.

Reported once per document, at the top-level security when the operations
inherit it, else at the security scheme, when at least one read (GET, HEAD,
OPTIONS) and one write (POST, PUT, PATCH, DELETE) share the requirement and
it names at least one scope. Operations anyone can call are left out of the
comparison. Identity and delegation scopes do not count: openid, profile,
email, offline_access say who the user is, and Azure's
` + "`user_impersonation`" + ` (the only scope of Azure Resource Manager APIs)
hands the client the user's own role-based permissions, which are the real
limit there. Nor do requirements without scopes (API keys, ` + "`oauth: []`" + `,
which OAS304 reports).`,
		Fix: "declare read and write scopes per resource (bookings:read, bookings:write) and require the narrowest one on each operation",
		Bad: `security:
  - oauth: [api]
paths:
  /bookings:
    get:    # needs "api"
      operationId: listBookings
    post:   # needs "api" too
      operationId: createBooking`,
		Good: `security:
  - oauth: [bookings:read]
paths:
  /bookings:
    get:
      operationId: listBookings
    post:
      operationId: createBooking
      security:
        - oauth: [bookings:write]`,
		Lang:      "yaml",
		Severity:  lint.SeverityWarning,
		Precision: "low",
		Grades:    "- **warning** when the scheme declares other scopes that no operation requires: finer scopes exist and the document does not use them.\n- **note** when the scheme declares no other scope: one scope for the whole API is the API's design (Google's per-API scopes), and the fix is a new permission model, not an edit of the document.",
		CWE:       []int{272, 250},
		OWASP:     []string{"API5:2023", "LLM06:2025"},
		Since:     "v0.1.0",
	},
	Spec:    run,
	Options: &options,
}

// Options are the settings of OAS303.
type Options struct {
	// IdentityScopes say who the user is, or that the client acts as the
	// user with the user's own permissions, not what the client may do; a
	// requirement made only of them is not a least-privilege decision.
	IdentityScopes []string `yaml:"identity-scopes"`
	// AllowedScopes are accepted as guarding everything, like identity
	// scopes: a platform's only scope that you cannot change.
	AllowedScopes []string `yaml:"allowed-scopes"`
}

var options = Options{
	IdentityScopes: []string{"openid", "profile", "email", "offline_access", "address", "phone", "user_impersonation"},
}

func run(pass *lint.SpecPass) error {
	opts := &options
	var (
		key           string
		reqs          openapi3.SecurityRequirements
		reads, writes int
		inherited     = true
	)
	for _, op := range openapi.Operations(pass.Doc) {
		sec := openapi.EffectiveSecurity(pass.Doc, op)
		if sec.Anonymous() {
			continue
		}
		k := openapi.RequirementKey(sec.Reqs)
		if reads+writes > 0 && k != key {
			return nil
		}
		key, reqs = k, sec.Reqs
		if sec.Own {
			inherited = false
		}
		if op.IsWrite() {
			writes++
		} else {
			reads++
		}
	}
	if reads == 0 || writes == 0 {
		return nil
	}
	scopes := map[string][]string{} // scheme -> the scopes that count
	for _, req := range reqs {
		for name, list := range req {
			for _, s := range list {
				if !ignored(opts, s) && !slices.Contains(scopes[name], s) {
					scopes[name] = append(scopes[name], s)
				}
			}
		}
	}
	if len(scopes) == 0 {
		return nil
	}
	names := slices.Sorted(maps.Keys(scopes))
	var parts []string
	for _, name := range names {
		slices.Sort(scopes[name])
		parts = append(parts, fmt.Sprintf("%s: %s", name, strings.Join(scopes[name], ", ")))
	}
	what := "scope"
	if len(parts) > 1 || len(scopes[names[0]]) > 1 {
		what = "scopes"
	}
	others := unused(pass.Doc, names, reqs)
	sev, grade := lint.SeverityDefault, ""
	if others == "" {
		// The scheme declares no finer scope the operations could have
		// required: one scope for the whole API is the API's design
		// (Google's per-API scopes), not a slip of the document, and the
		// fix is a new permission model, not an edit.
		sev, grade = lint.SeverityNote, " (a note: the scheme declares no other scope, so one scope for the whole api is the api's design rather than a slip of the document)"
	}
	msg := fmt.Sprintf("every operation that needs credentials (%s, %s) requires the same %s (%s), so no token can be granted less than the whole api%s%s",
		count(reads, "read"), count(writes, "write"), what, strings.Join(parts, "; "), others, grade)

	// Point at the top-level security when the operations inherit it (or
	// restate it), else at the scheme.
	if pass.Doc.Security != nil && (inherited || openapi.RequirementKey(pass.Doc.Security) == key) {
		pass.ReportSeverityf(sev, "/security", nil, "", "%s", msg)
		return nil
	}
	scheme := openapi.Schemes(pass.Doc)[names[0]]
	ptr, origin := openapi.Pointer("components", "securitySchemes", names[0]), (*openapi3.Origin)(nil)
	if scheme != nil && scheme.Value != nil {
		origin = scheme.Value.Origin
	}
	pass.ReportSeverityf(sev, ptr, origin, "", "%s", msg)
	return nil
}

func ignored(opts *Options, scope string) bool {
	eq := func(s string) bool { return strings.EqualFold(s, scope) }
	return slices.ContainsFunc(opts.IdentityScopes, eq) || slices.ContainsFunc(opts.AllowedScopes, eq)
}

func count(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return strconv.Itoa(n) + " " + what + "s"
}

// unused tells how many other scopes the schemes declare that no operation
// can be given instead.
func unused(t *openapi3.T, names []string, reqs openapi3.SecurityRequirements) string {
	required := map[string]bool{}
	for _, req := range reqs {
		for name, list := range req {
			for _, s := range list {
				required[name+"\x00"+s] = true
			}
		}
	}
	schemes := openapi.Schemes(t)
	var notes []string
	for _, name := range names {
		ref := schemes[name]
		if ref == nil {
			continue
		}
		n := 0
		for _, s := range openapi.SchemeScopes(ref.Value) {
			if !required[name+"\x00"+s] {
				n++
			}
		}
		if n > 0 {
			notes = append(notes, fmt.Sprintf("scheme %q declares %s no operation requires", name, count(n, "other scope")))
		}
	}
	if len(notes) == 0 {
		return ""
	}
	return " (" + strings.Join(notes, "; ") + ")"
}
