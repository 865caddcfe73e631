// Package oas103 defines rule OAS103: a security scheme that authenticates
// with a weak, legacy or unregistered HTTP scheme.
package oas103

import (
	"maps"
	"slices"
	"strings"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/load/openapi"
)

var Rule = &lint.Rule{
	ID:   "OAS103",
	Name: "weak-auth-scheme",
	Doc: lint.Doc{
		Title: "Security scheme uses weak HTTP authentication",
		Summary: "An http security scheme uses Basic, Digest, Negotiate/NTLM or OAuth 1.0 authentication, " +
			"or a scheme name that is not in the IANA HTTP authentication scheme registry " +
			"(Swagger 2.0: `type: basic`).",
		Why: `HTTP Basic sends the user's long-lived password, merely base64-encoded,
with every request. Over TLS that is not broken by itself, which is why this
rule reports a warning rather than an error; but every proxy, log line and
crash dump that sees the header sees the password, there is no expiry, no
scope and no way to revoke one client without changing the password for all.
Digest relies on MD5 and is rarely implemented well, Negotiate and NTLM tie
the API to Windows domain credentials and are open to relay attacks, and
OAuth 1.0 signatures were superseded long ago. A scheme name missing from the
IANA registry is either a typo (clients will not know how to authenticate) or
a home-grown scheme nobody has reviewed.

An AI agent that calls such an API has to hold the user's actual password or
domain credentials in its configuration or context, where prompt injection or
a leaked transcript exposes them. Prefer short-lived, scoped, revocable
tokens (OAuth 2.0 or bearer tokens), so an agent holds only what it needs.
Whether the scheme is used over plain HTTP is checked separately.`,
		Fix: "replace the scheme with OAuth 2.0 (authorization code with PKCE, or client credentials) or bearer tokens",
		Bad: `components:
  securitySchemes:
    basicAuth:
      type: http
      scheme: basic`,
		Good: `components:
  securitySchemes:
    bearerAuth:
      type: http
      scheme: bearer
      bearerFormat: JWT`,
		Lang:      "yaml",
		Severity:  lint.SeverityWarning,
		NoteOnly:  "none of its 10 findings judged on real projects was worth acting on; rules.severity sets another level",
		Precision: "low",
		Grades:    "- **warning** for a scheme name missing from the IANA registry: clients will not know how to authenticate.\n- **note** for Basic, Digest, Negotiate/NTLM and OAuth 1.0: the API's design, not broken over https (OAS502 reports credentials over cleartext http); every sampled warning was a vendor's deliberate choice.",
		CWE:       []int{1390, 522},
		OWASP:     []string{"API2:2023", "LLM02:2025"},
		Since:     "v0.1.0",
	},
	Spec: run,
}

// weak are registered HTTP schemes that should not protect a new API, with
// what to say about each.
var weak = map[string]string{
	"basic":     "http basic authentication, which sends the password with every request",
	"digest":    "http digest authentication, which rests on MD5",
	"negotiate": "negotiate (kerberos or ntlm) authentication, which ties clients to domain credentials",
	"ntlm":      "ntlm authentication, which is open to relay attacks",
	"oauth":     "oauth 1.0 signatures, which oauth 2.0 superseded",
}

// registered are the other schemes of the IANA HTTP Authentication Scheme
// Registry (https://www.iana.org/assignments/http-authschemes).
var registered = map[string]bool{
	"bearer": true, "hoba": true, "mutual": true, "scram-sha-1": true, "scram-sha-256": true,
	"vapid": true, "dpop": true, "privatetoken": true, "concealed": true,
}

func run(pass *lint.SpecPass) error {
	schemes := openapi.Schemes(pass.Doc)
	for _, name := range slices.Sorted(maps.Keys(schemes)) {
		ref := schemes[name]
		if ref == nil || ref.Value == nil || ref.Value.Type != "http" || ref.Value.Scheme == "" {
			continue // an http scheme without a scheme is invalid: OAS500 reports it
		}
		s := ref.Value
		ptr := openapi.Pointer("components", "securitySchemes", name)
		scheme := strings.ToLower(s.Scheme) // scheme names are case-insensitive (RFC 9110)
		if what, ok := weak[scheme]; ok {
			// A described API's authentication is its design: over https
			// Basic is not broken, vendors put API keys in it (Stripe's
			// secret key is the user name), and nobody replaces a
			// published scheme because of its name. OAS502 reports a
			// scheme whose credentials cross cleartext http.
			pass.ReportSeverityf(lint.SeverityNote, ptr, s.Origin, "scheme", "security scheme %q uses %s (a note: the scheme is the api's design, not broken over https; prefer scoped, revocable tokens for agents)", name, what)
		} else if !registered[scheme] {
			pass.Reportf(ptr, s.Origin, "scheme", "security scheme %q uses http scheme %q, which is not a registered http authentication scheme", name, s.Scheme)
		}
	}
	return nil
}
