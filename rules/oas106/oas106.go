// Package oas106 defines rule OAS106: administrative operations that ordinary
// credentials can call.
package oas106

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/load/openapi"
)

var Rule = &lint.Rule{
	ID:   "OAS106",
	Name: "admin-shares-auth",
	Doc: lint.Doc{
		Title: "Administrative operation accepts ordinary credentials",
		Summary: "An administrative or internal operation (an admin, internal, debug or management path " +
			"segment, an admin tag, or an operationId such as impersonateUser or dumpDatabase) can be " +
			"called with the same credentials, and no more scopes, as an ordinary operation.",
		Why: `When an admin operation requires nothing that an ordinary operation does not
also require, the document says that every client able to call the ordinary
operation may call the admin one too. The server may still check roles, but
nothing in the contract shows it, and broken function level authorization
(OWASP API5) is among the most common API flaws precisely because that check
is easy to forget. A separate scheme, or an OAuth scope (in OpenAPI 3.1, a
role on any scheme) that only operators are granted, makes the difference
visible and enforceable by gateways.

For AI agents the gap is concrete: an agent is handed a token to do ordinary
work and a tool list generated from the document. If admin operations accept
that same token, a confused or prompt-injected agent can call them, and the
blast radius of the agent becomes the blast radius of an administrator.
Operations without any authentication are reported by OAS101 instead.`,
		Fix: "protect the operation with a scheme or a scope that ordinary clients are not given, or move it out of the public document",
		Bad: `security:
  - oauth: [bookings]
paths:
  /bookings:
    get:
      responses: {"200": {description: bookings}}
  /admin/refunds:
    post:                     # same token as get /bookings
      responses: {"201": {description: refunded}}`,
		Good: `security:
  - oauth: [bookings]
paths:
  /bookings:
    get:
      responses: {"200": {description: bookings}}
  /admin/refunds:
    post:
      security:
        - oauth: [bookings, admin:refunds]
      responses: {"201": {description: refunded}}`,
		Lang:      "yaml",
		Severity:  lint.SeverityWarning,
		Precision: "medium",
		Grades: `- **warning** by default.
- **note** when the shared requirement is a request signature (AWS Signature Version 4): the signer's policy authorises each action, not the scheme.
- **note** when the shared requirement is api keys only (VTEX's appKey and appToken): the provider grants each key its permissions, which the document cannot show, and the one judged case was a false positive.
- **note** when only a management path segment makes the operation look administrative (/management/ssh-keys: the caller's own resources in 10 of 11 judged, the eleventh a training app's deliberate flaw), and when the shared requirement carries no scope or role (a bearer token or a login with an empty list; an OAuth 2 scheme whose flows and requirements name only OpenID Connect's identity scopes, openid, profile, email, offline_access, which grant nothing in the API; an OpenID Connect scheme whose requirements name none other): the roles such a credential carries are the server's to check and the document cannot show them (eight of eight judged on the eighth fresh set were false positives; the two true positives, a training app's deliberate flaw, stay reported as notes).
- **warning** when the shared requirement is an OAuth 2 scheme whose flows declare a scope other than OpenID Connect's identity scopes, or lists such scopes or roles: the document grants by scope, and the administrative operation asks for nothing an ordinary one does not.
- Operations that require a scheme dedicated to administration (by its name or description, such as adminKey or "staff only") are not compared as ordinary ones.`,
		CWE:   []int{285, 269},
		OWASP: []string{"API5:2023", "LLM06:2025"},
		Since: "v0.1.0",
	},
	Spec: run,
}

type guarded struct {
	op     openapi.Operation
	reqs   openapi3.SecurityRequirements
	reason string // what makes it administrative; "" for ordinary operations
}

func run(pass *lint.SpecPass) error {
	var admin, ordinary []guarded
	for _, op := range openapi.Operations(pass.Doc) {
		sec := openapi.EffectiveSecurity(pass.Doc, op)
		g := guarded{op: op, reqs: sec.Reqs, reason: why(op)}
		switch {
		case g.reason == "":
			ordinary = append(ordinary, g)
		case !sec.Anonymous(): // anonymous admin operations are OAS101's
			admin = append(admin, g)
		}
	}
	// An operation that requires a scheme dedicated to administration (by
	// its name or description, or used by administrative operations only)
	// is administrative too, whatever its path says: it is no ordinary
	// operation to compare with.
	schemes := openapi.Schemes(pass.Doc)
	dedicated := adminSchemes(schemes, admin, ordinary)
	roles := withRoles(admin, ordinary)
	ordinary = slices.DeleteFunc(ordinary, func(g guarded) bool {
		return slices.ContainsFunc(g.reqs, func(r openapi3.SecurityRequirement) bool {
			return slices.ContainsFunc(slices.Collect(maps.Keys(r)), func(n string) bool { return dedicated[n] })
		})
	})
	for _, a := range admin {
		other, req := sharedWith(a.reqs, ordinary)
		if req == nil {
			continue
		}
		op, field := a.op, ""
		if op.Op.Security != nil {
			field = "security"
		}
		sev, why := lint.SeverityDefault, ""
		if signedOnly(req, schemes) {
			// AWS signatures are authorised per action by IAM policy: the
			// scheme says who signs, not what they may call.
			sev, why = lint.SeverityNote, " (a note: a request signature is authorised per action by the signer's policy, not by the scheme)"
		} else if keysOnly(req, schemes) {
			// An api key is issued to an integration, and the provider
			// grants each key its roles (VTEX's appKey and appToken in its
			// License Manager): one key scheme for every operation says
			// how callers identify, not that any key may call them all.
			sev, why = lint.SeverityNote, " (a note: the shared credential is an api key, whose permissions the provider grants per key, out of the document's sight)"
		} else if onlyManagement(op) {
			// Management paths held the caller's own resources (keys,
			// credentials, templates) as often as an operator's: 10 of
			// 11 judged were, and the eleventh a training app's
			// deliberate flaw.
			sev, why = lint.SeverityNote, " (a note: a management path is as often the caller's own resources, such as keys, credentials and templates, as an operator's; if it manages other accounts, require a scope that ordinary clients are not given)"
		} else if !scoped(req, schemes, roles) {
			// A bearer token or a login with no scope or role in the
			// requirement: the roles it carries (a JWT's claims, the
			// account behind it) are the server's to check, and the
			// document has no way to show them. Eight of eight judged on
			// the eighth fresh set were so; the two true positives were a
			// training app's deliberate flaw, which stays reported.
			sev, why = lint.SeverityNote, " (a note: the shared credential carries no scope or role in the document, so it cannot show which callers may use administrative operations; the server may check roles the credential carries)"
		}
		pass.ReportSeverityf(sev, op.Pointer, op.Op.Origin, field,
			"%s %s looks administrative (%s) but accepts the credentials of %s %s (%s)%s",
			op.Method, op.Path, a.reason, other.Method, other.Path, describe(req), why)
	}
	return nil
}

// adminSchemes returns the security schemes dedicated to administration:
// named or described as such (adminAuth, "staff only"), or required by
// administrative operations and by no ordinary one.
func adminSchemes(schemes openapi3.SecuritySchemes, admin, ordinary []guarded) map[string]bool {
	used := func(list []guarded) map[string]bool {
		m := map[string]bool{}
		for _, g := range list {
			for _, r := range g.reqs {
				for n := range r {
					m[n] = true
				}
			}
		}
		return m
	}
	byAdmin, byOrdinary := used(admin), used(ordinary)
	out := map[string]bool{}
	for name, ref := range schemes {
		words := openapi.Words(name)
		if ref != nil && ref.Value != nil {
			words = append(words, openapi.Words(ref.Value.Description)...)
		}
		if slices.ContainsFunc(words, func(w string) bool { return adminTags[w] || w == "staff" || w == "operator" }) ||
			byAdmin[name] && !byOrdinary[name] {
			out[name] = true
		}
	}
	return out
}

// signedOnly reports whether every scheme of a requirement signs requests
// (see openapi.SignatureScheme).
func signedOnly(req openapi3.SecurityRequirement, schemes openapi3.SecuritySchemes) bool {
	for name := range req {
		if ref := schemes[name]; ref == nil || !openapi.SignatureScheme(ref.Value) {
			return false
		}
	}
	return len(req) > 0
}

// scoped reports whether a requirement grants by scope or role: it names
// an OAuth 2 or OpenID Connect scheme, or a scheme that some requirement
// of the document gives scopes or roles (OpenAPI 3.1 lets any scheme list
// roles). Then the document can show what an administrative operation
// requires beyond an ordinary one.
func scoped(req openapi3.SecurityRequirement, schemes openapi3.SecuritySchemes, roles map[string]bool) bool {
	for name := range req {
		if roles[name] {
			return true
		}
		if ref := schemes[name]; ref != nil && ref.Value != nil && ref.Value.Type == "oauth2" && grantsScopes(ref.Value.Flows) {
			return true
		}
	}
	return false
}

// identityScopes are OpenID Connect's scopes: they ask for who the user
// is, and grant nothing in the API.
var identityScopes = map[string]bool{"openid": true, "profile": true, "email": true, "offline_access": true, "address": true, "phone": true}

// grantsScopes: an OAuth2 scheme's flows declare a scope other than
// OpenID Connect's identity scopes.
func grantsScopes(flows *openapi3.OAuthFlows) bool {
	if flows == nil {
		return false
	}
	for _, f := range []*openapi3.OAuthFlow{flows.Implicit, flows.Password, flows.ClientCredentials, flows.AuthorizationCode} {
		if f == nil {
			continue
		}
		for sc := range f.Scopes {
			if !identityScopes[sc] {
				return true
			}
		}
	}
	return false
}

// withRoles returns the schemes that some operation's requirement gives
// scopes or roles.
func withRoles(lists ...[]guarded) map[string]bool {
	out := map[string]bool{}
	for _, list := range lists {
		for _, g := range list {
			for _, r := range g.reqs {
				for name, scopes := range r {
					if slices.ContainsFunc(scopes, func(sc string) bool { return !identityScopes[sc] }) {
						out[name] = true
					}
				}
			}
		}
	}
	return out
}

// keysOnly reports whether every scheme of a requirement is an api key
// (type apiKey, in a header, query or cookie): the credential of an
// integration rather than of a signed-in user.
func keysOnly(req openapi3.SecurityRequirement, schemes openapi3.SecuritySchemes) bool {
	for name := range req {
		if ref := schemes[name]; ref == nil || ref.Value == nil || ref.Value.Type != "apiKey" {
			return false
		}
	}
	return len(req) > 0
}

// sharedWith returns the first ordinary operation with a requirement that
// includes one of the admin operation's alternatives, and that alternative:
// a client able to call the ordinary operation has all it needs to call the
// admin one. One such alternative is enough, whatever the others require.
func sharedWith(adminReqs openapi3.SecurityRequirements, ordinary []guarded) (openapi.Operation, openapi3.SecurityRequirement) {
	for _, a := range adminReqs {
		for _, o := range ordinary {
			for _, b := range o.reqs {
				if len(a) > 0 && includes(b, a) {
					return o.op, a
				}
			}
		}
	}
	return openapi.Operation{}, nil
}

// includes reports whether requirement b asks for every scheme and scope
// that a asks for.
func includes(b, a openapi3.SecurityRequirement) bool {
	for name, scopes := range a {
		have, ok := b[name]
		if !ok {
			return false
		}
		for _, s := range scopes {
			if !slices.Contains(have, s) {
				return false
			}
		}
	}
	return true
}

func describe(req openapi3.SecurityRequirement) string {
	var parts []string
	for _, name := range slices.Sorted(maps.Keys(req)) {
		if len(req[name]) == 0 {
			parts = append(parts, fmt.Sprintf("%q", name))
		} else {
			parts = append(parts, fmt.Sprintf("%q with %s", name, strings.Join(req[name], ", ")))
		}
	}
	return strings.Join(parts, " and ")
}

// adminTags and adminVerbs are the tags and operationId words that mark an
// operation as administrative wherever its path is.
var (
	adminTags  = map[string]bool{"admin": true, "administration": true, "internal": true, "debug": true, "ops": true, "backoffice": true}
	adminVerbs = map[string]bool{"admin": true, "impersonate": true, "impersonation": true, "sudo": true, "superuser": true, "dump": true}
)

// why says what makes an operation administrative, or "".
func why(op openapi.Operation) string {
	if seg := openapi.PrivilegedSegment(op.Path); seg != "" {
		return fmt.Sprintf("path segment %q", seg)
	}
	return whyBesidesPath(op)
}

// onlyManagement: the one thing that makes op look administrative is a
// management path segment (/management/ssh-keys).
func onlyManagement(op openapi.Operation) bool {
	seg := openapi.PrivilegedSegment(op.Path)
	return (seg == "management" || seg == "manage") && whyBesidesPath(op) == ""
}

// whyBesidesPath says what, other than its path, makes an operation
// administrative, or "".
func whyBesidesPath(op openapi.Operation) string {
	for _, t := range op.Op.Tags {
		if adminTags[strings.ToLower(t)] {
			return fmt.Sprintf("tag %q", t)
		}
	}
	w := openapi.Words(op.Op.OperationID)
	for i, s := range w {
		if adminVerbs[s] || s == "export" && i+1 < len(w) && w[i+1] == "all" {
			return fmt.Sprintf("operationId %q", op.Op.OperationID)
		}
	}
	if s := strings.ToLower(op.Op.Summary); strings.Contains(s, "impersonat") {
		return "summary mentions impersonation"
	}
	return ""
}
