// Package oas304 defines rule OAS304: OAuth2 requirements that name no scope.
package oas304

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
	ID:   "OAS304",
	Name: "empty-oauth-scopes",
	Doc: lint.Doc{
		Title: "OAuth2 requirement lists no scopes",
		Summary: "A security requirement names an OAuth2 scheme with an empty scope list (`oauth: []`) " +
			"although the scheme declares scopes, so the document does not say which scopes a token " +
			"needs for the operation.",
		Why: `For an OAuth2 scheme the list in a security requirement is the set of
scopes the token must carry. An empty list says that any token the
authorization server issues will do, whatever it was granted for. Either the
server really checks no scope (and a token meant for reading can write), or it
checks one the document does not name, and gateways, SDKs and agent
platforms cannot know which scopes to request or enforce.

When an AI agent is connected to such an API, its platform requests the
scopes the document lists; with none listed it asks for too many ("to be
safe") or too few, and the user approving the connection cannot see what the
agent will be able to do (OWASP LLM06, excessive agency).

Reported once per scheme, where it first happens (the top-level security
when operations inherit it, else the first operation), with a count of the
other operations that do the same: a habit repeated at every operation is
one decision to revisit. Schemes that declare no scopes or only OpenID
Connect identity scopes (openid, profile, email), OpenID Connect schemes
(whose scopes live at the provider) and other scheme types are not
reported.`,
		Fix: "list the scopes the operation needs (oauth: [bookings:read]), or define no scopes on the scheme if none are checked",
		Bad: `components:
  securitySchemes:
    oauth:
      type: oauth2
      flows:
        clientCredentials:
          tokenUrl: https://auth.example.com/token
          scopes:
            bookings:read: Read bookings
            bookings:write: Change bookings
security:
  - oauth: []`,
		Good: `components:
  securitySchemes:
    oauth:
      type: oauth2
      flows:
        clientCredentials:
          tokenUrl: https://auth.example.com/token
          scopes:
            bookings:read: Read bookings
            bookings:write: Change bookings
security:
  - oauth: [bookings:read]`,
		Lang:      "yaml",
		Severity:  lint.SeverityWarning,
		Grades:    "- **note** for every finding: an empty scope list is as often a server that checks roles or ownership itself (PeerTube's admin, moderator and user scopes are roles) as a token accepted for everything, and the document cannot tell them apart; every sampled warning was the former.",
		Precision: "low",
		CWE:       []int{285, 272},
		OWASP:     []string{"API5:2023", "LLM06:2025"},
		Since:     "v0.1.0",
	},
	Spec: run,
}

// site is one place a requirement names a scheme with no scopes.
type site struct {
	who, ptr string
	origin   *openapi3.Origin
	field    string
	ops      int // operations it applies to
}

func run(pass *lint.SpecPass) error {
	schemes := openapi.Schemes(pass.Doc)
	sites := map[string][]site{} // by scheme
	var order []string
	add := func(name string, s site) {
		if sites[name] == nil {
			order = append(order, name)
		}
		sites[name] = append(sites[name], s)
	}
	scan := func(who, ptr string, reqs openapi3.SecurityRequirements, op *openapi.Operation, n int) {
		origin, field := openapi.RequirementAnchor(pass, op)
		for i, req := range reqs {
			for _, name := range slices.Sorted(maps.Keys(req)) {
				ref := schemes[name]
				if len(req[name]) > 0 || ref == nil || !slices.ContainsFunc(openapi.SchemeScopes(ref.Value), authorizing) {
					continue
				}
				add(name, site{who: who, ptr: openapi.Join(ptr, strconv.Itoa(i), name), origin: origin, field: field, ops: n})
			}
		}
	}
	inheriting := 0
	for _, op := range openapi.Operations(pass.Doc) {
		if op.Op.Security == nil {
			inheriting++
		}
	}
	if inheriting > 0 {
		scan(fmt.Sprintf("top-level security (inherited by %s)", ops(inheriting)), "/security", pass.Doc.Security, nil, inheriting)
	}
	for _, op := range openapi.Operations(pass.Doc) {
		if op.Op.Security != nil {
			scan(op.Method+" "+op.Path, openapi.Join(op.Pointer, "security"), *op.Op.Security, &op, 1)
		}
	}
	// One finding per scheme, where it first happens: the same habit
	// repeated at every operation is one decision to revisit.
	for _, name := range order {
		list := sites[name]
		first, more := list[0], 0
		for _, s := range list[1:] {
			more += s.ops
		}
		also := ""
		if more > 0 {
			also = fmt.Sprintf(" (also in %s, such as %s)", moreOps(more), list[1].who)
		}
		pass.ReportSeverityf(lint.SeverityNote, first.ptr, first.origin, first.field,
			"%s requires oauth2 scheme %q with no scopes although it declares %s, so any token it issues is accepted%s (a note: the server may check roles or ownership itself, which the document cannot show)",
			first.who, name, scopes(openapi.SchemeScopes(schemes[name].Value)), also)
	}
	return nil
}

func ops(n int) string {
	if n == 1 {
		return "1 operation"
	}
	return strconv.Itoa(n) + " operations"
}

// identity are OpenID Connect scopes: they ask for facts about the user, and
// a scheme that declares only them has nothing to require of an operation.
var identity = map[string]bool{"openid": true, "profile": true, "email": true, "address": true, "phone": true, "offline_access": true}

func authorizing(scope string) bool { return !identity[strings.ToLower(scope)] }

func moreOps(n int) string {
	if n == 1 {
		return "1 more operation"
	}
	return strconv.Itoa(n) + " more operations"
}

// scopes names what a scheme declares, its example an authorization scope
// rather than an identity one.
func scopes(declared []string) string {
	switch len(declared) {
	case 1:
		return strconv.Quote(declared[0])
	case 2:
		return fmt.Sprintf("%q and %q", declared[0], declared[1])
	}
	example := declared[slices.IndexFunc(declared, authorizing)]
	return fmt.Sprintf("%d, such as %q", len(declared), example)
}
