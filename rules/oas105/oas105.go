// Package oas105 defines rule OAS105: OAuth 2.0 flows that current security
// practice forbids.
package oas105

import (
	"fmt"
	"maps"
	"net/url"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/load/openapi"
)

var Rule = &lint.Rule{
	ID:   "OAS105",
	Name: "insecure-oauth-flow",
	Doc: lint.Doc{
		Title: "OAuth2 scheme offers the implicit or password flow",
		Summary: "An OAuth2 security scheme offers the implicit flow (Swagger 2.0: `flow: implicit`) or " +
			"the resource owner password credentials flow (`flow: password`).",
		Why: `The OAuth 2.0 Security Best Current Practice (RFC 9700) retires both flows.
The implicit flow returns the access token in the redirect URL, where browser
history, referrer headers and injected scripts can read it; the token cannot
be bound to the client that asked for it, and nothing stops a token issued to
one client from being replayed by another. It is reported as an error:
authorization code with PKCE does the same job for browser and mobile apps
without those weaknesses.

The password flow has the client collect the user's own password and send it
to the token endpoint. The token travels over the back channel, so its
exposure is smaller than with the implicit flow, and first-party legacy
clients sometimes still depend on it; it is reported as a warning. For an AI
agent it is a particularly bad fit: the agent has to hold the user's password,
which then sits in its configuration, logs and context window, and it gets
every right the user has instead of the scopes it needs. Use authorization
code with PKCE for agents that act for a user, and client credentials for
agents that act for themselves.`,
		Fix: "offer the authorization code flow with PKCE (or client credentials for machine clients) instead",
		Bad: `components:
  securitySchemes:
    oauth:
      type: oauth2
      flows:
        implicit:
          authorizationUrl: https://auth.example.com/authorize
          scopes:
            bookings:read: read bookings`,
		Good: `components:
  securitySchemes:
    oauth:
      type: oauth2
      flows:
        authorizationCode:
          authorizationUrl: https://auth.example.com/authorize
          tokenUrl: https://auth.example.com/token
          scopes:
            bookings:read: read bookings`,
		Lang:      "yaml",
		Severity:  lint.SeverityError,
		NoteOnly:  "none of its 20 findings judged on real projects was worth acting on; rules.severity sets another level",
		Grades:    "- **error** for an implicit flow that is the only OAuth 2 way in; **note** when the same scheme or another one offers the authorization code flow too (the message names it: clients can take it), and for the password flow (most often how an API's own first-party clients log in).\n- **note** for an implicit flow at a well-known identity provider's authorize endpoint (Microsoft Entra ID, Microsoft account, Google: the boilerplate of Azure's and Google's generated descriptions): the provider decides which flows its clients use and offers the code flow with PKCE to all of them, so the API's maintainer has nothing to turn off.\n- **note** for an implicit flow whose authorizationUrl's host is a single-label name (`http://to-be-configured-in-the-application-config`, `http://keycloak:8080/...`): a placeholder for the identity provider each deployment configures (Swagger 2.0 has no OpenID Connect scheme), or one only a private network resolves.",
		Precision: "low",
		CWE:       []int{1390, 522},
		OWASP:     []string{"API2:2023", "LLM06:2025"},
		Since:     "v0.1.0",
	},
	Spec: run,
}

func run(pass *lint.SpecPass) error {
	schemes := openapi.Schemes(pass.Doc)
	for _, name := range slices.Sorted(maps.Keys(schemes)) {
		ref := schemes[name]
		if ref == nil || ref.Value == nil || ref.Value.Type != "oauth2" || ref.Value.Flows == nil {
			continue
		}
		flows := ref.Value.Flows
		ptr := openapi.Pointer("components", "securitySchemes", name, "flows")
		if f := flows.Implicit; f != nil {
			if idp := provider(f.AuthorizationURL); idp != "" {
				// The identity provider, not the API, decides which flows
				// its clients may use, and offers the code flow to all of
				// them: the document only describes one of its endpoints.
				pass.ReportSeverityf(lint.SeverityNote, openapi.Join(ptr, "implicit"), f.Origin, "",
					"security scheme %q offers the implicit flow, which returns access tokens in the redirect url (a note: the flow is %s's, which offers the authorization code flow with PKCE to the same clients; describe that flow instead)", name, idp)
			} else if alt := codeFlow(schemes, name); alt != "" {
				// Clients can take the safe flow instead: the implicit one
				// is a legacy option, not the only way in.
				pass.ReportSeverityf(lint.SeverityNote, openapi.Join(ptr, "implicit"), f.Origin, "",
					"security scheme %q offers the implicit flow, which returns access tokens in the redirect url (a note: %s offers the authorization code flow too, so clients can take it)", name, alt)
			} else if host := openapi.ParseServerURL(f.AuthorizationURL).Host; openapi.PrivateNameHost(host) {
				// "http://to-be-configured-in-the-application-config":
				// the flow stands in for whichever identity provider a
				// deployment configures (Swagger 2.0 has no OpenID
				// Connect scheme), and that provider decides its flows.
				pass.ReportSeverityf(lint.SeverityNote, openapi.Join(ptr, "implicit"), f.Origin, "",
					"security scheme %q offers the implicit flow, which returns access tokens in the redirect url (a note: its authorizationUrl's host %s is a single-label name, a placeholder for the identity provider each deployment configures, which decides the flows its clients use; describe the authorization code flow if the API has its own)", name, host)
			} else {
				pass.Reportf(openapi.Join(ptr, "implicit"), f.Origin, "",
					"security scheme %q offers the implicit flow, which returns access tokens in the redirect url", name)
			}
		}
		if f := flows.Password; f != nil {
			pass.ReportSeverityf(lint.SeverityNote, openapi.Join(ptr, "password"), f.Origin, "",
				"security scheme %q offers the password flow, which hands the user's password to the client (a note: most often how an api's own first-party clients log in, by design; OAuth 2.1 drops it)", name)
		}
	}
	return nil
}

// codeFlow names where the document offers the authorization code flow
// next to the implicit flow of scheme name: the same scheme, or another
// OAuth 2 scheme of the document. "" when it does not.
func codeFlow(schemes openapi3.SecuritySchemes, name string) string {
	if ref := schemes[name]; ref != nil && ref.Value != nil && ref.Value.Flows != nil && ref.Value.Flows.AuthorizationCode != nil {
		return "the same scheme"
	}
	for _, other := range slices.Sorted(maps.Keys(schemes)) {
		ref := schemes[other]
		if other != name && ref != nil && ref.Value != nil && ref.Value.Type == "oauth2" && ref.Value.Flows != nil && ref.Value.Flows.AuthorizationCode != nil {
			return fmt.Sprintf("security scheme %q", other)
		}
	}
	return ""
}

// providers are the hosts of identity providers whose authorize endpoints
// Azure's and Google's generated descriptions name, by the host's suffix.
var providers = []struct{ suffix, name string }{
	{"login.microsoftonline.com", "Microsoft Entra ID"},
	{"login.microsoftonline.us", "Microsoft Entra ID"},
	{"login.chinacloudapi.cn", "Microsoft Entra ID"},
	{"login.windows.net", "Microsoft Entra ID"},
	{"login.microsoft.com", "Microsoft Entra ID"},
	{"login.live.com", "Microsoft account"},
	{"accounts.google.com", "Google"},
}

// provider names the well-known identity provider whose endpoint an
// authorization URL is, or returns "".
func provider(authorizationURL string) string {
	u, err := url.Parse(strings.TrimSpace(authorizationURL))
	if err != nil || u.Scheme != "https" {
		return ""
	}
	host := strings.ToLower(u.Hostname())
	for _, p := range providers {
		if host == p.suffix || strings.HasSuffix(host, "."+p.suffix) {
			return p.name
		}
	}
	return ""
}
