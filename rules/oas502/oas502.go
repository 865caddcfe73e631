// Package oas502 defines rule OAS502: an API served, or its credentials
// sent, over cleartext http.
package oas502

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
	ID:   "OAS502",
	Name: "cleartext-server",
	Doc: lint.Doc{
		Title: "API is served over cleartext http",
		Summary: "A server URL (at the root, on a path item or on an operation, with its variables " +
			"resolved), a Swagger 2.0 `schemes: [http]`, or an OAuth 2 or OpenID Connect endpoint uses " +
			"http:// instead of https://.",
		Why: `Anything sent over plain http can be read and changed by whoever sits on the
network path: Wi-Fi hotspots, proxies, a compromised router. API keys, bearer
tokens and Basic passwords travel in every request, so one request over http
hands them out, and responses can be rewritten on the way back.

AI agents take the server list at its word. An agent platform or a generated
client calls the first server it is given and does not stop to ask whether
it is encrypted; GPT Actions refuse anything but https. The same goes for
OAuth endpoints: a token URL over http leaks client secrets, codes and
tokens.

A server URL is reported once, where it is first written (a URL repeated
on many path items counts the operations of all of them). The finding is an **error**
when an operation sent to that server requires credentials (any security
scheme except mutualTLS), and a **warning** when none does. An OAuth 2 flow
URL or OpenID Connect discovery URL over http is always an error. A variable
whose default or enum allows http (` + "`{scheme}://api.example.com`" + `) counts
as http. Servers on the machine itself (localhost, *.localhost, 127.0.0.1,
[::1], 0.0.0.0) are not reported: local development servers are fine to
list, and their traffic does not cross a network. Relative server URLs
follow the scheme the document is served from and are not reported.

This rule also covers what some tools report separately as "credentials over
cleartext": that case is its error grade, so no separate rule reports it
twice.`,
		Fix: "serve the API over https only and list only https:// servers (keep http:// for localhost if you need it)",
		Bad: `servers:
  - url: http://api.payments.example.com/v1
security:
  - apiKey: []`,
		Good: `servers:
  - url: https://api.payments.example.com/v1
  - url: http://localhost:8080/v1
    description: local development
security:
  - apiKey: []`,
		Lang:      "yaml",
		Severity:  lint.SeverityError,
		Precision: "very-high",
		CWE:       []int{319, 523},
		OWASP:     []string{"API8:2023", "API2:2023"},
		Since:     "v0.1.0",
	},
	Spec: run,
}

func run(pass *lint.SpecPass) error {
	schemes := openapi.Schemes(pass.Doc)
	// Servers repeated on many path items or operations are reported once,
	// at the first, for all the operations they serve.
	type group struct {
		first      *openapi.Server
		raw, clear string
		users      []openapi.Operation
	}
	var groups []*group
	byURL := map[string]*group{}
	for _, s := range openapi.Servers(pass.Doc) {
		raw, clear := cleartext(s)
		if clear == "" {
			continue
		}
		g := byURL[raw]
		if g == nil {
			g = &group{first: s, raw: raw, clear: clear}
			byURL[raw] = g
			groups = append(groups, g)
		}
		g.users = append(g.users, s.Users...)
	}
	for _, g := range groups {
		what := fmt.Sprintf("server %q uses cleartext http", g.raw)
		if g.clear != g.raw {
			what = fmt.Sprintf("server %q can resolve to cleartext %q", g.raw, g.clear)
		}
		s := g.first
		if ops, scheme := credentialed(pass.Doc, schemes, g.users); len(ops) > 0 {
			pass.Reportf(s.Pointer, s.Origin(), "url", "%s, and credentials of security scheme %q cross it in clear (%s)",
				what, scheme, openapi.UsedBy(ops))
			continue
		}
		pass.ReportSeverityf(lint.SeverityWarning, s.Pointer, s.Origin(), "url", "%s", what)
	}
	for _, name := range slices.Sorted(maps.Keys(schemes)) {
		ref := schemes[name]
		if ref == nil || ref.Value == nil {
			continue
		}
		ptr := openapi.Pointer("components", "securitySchemes", name)
		s := ref.Value
		if s.Type == "openIdConnect" && isHTTP(s.OpenIdConnectUrl) {
			pass.Reportf(ptr, s.Origin, "openIdConnectUrl", "security scheme %q discovers its OpenID Connect endpoints over cleartext http (%s)",
				name, s.OpenIdConnectUrl)
		}
		if s.Flows == nil {
			continue
		}
		for _, f := range []struct {
			name string
			flow *openapi3.OAuthFlow
		}{
			{"implicit", s.Flows.Implicit}, {"password", s.Flows.Password},
			{"clientCredentials", s.Flows.ClientCredentials}, {"authorizationCode", s.Flows.AuthorizationCode},
		} {
			if f.flow == nil {
				continue
			}
			for _, u := range []struct{ field, url string }{
				{"authorizationUrl", f.flow.AuthorizationURL}, {"tokenUrl", f.flow.TokenURL}, {"refreshUrl", f.flow.RefreshURL},
			} {
				if isHTTP(u.url) {
					pass.Reportf(openapi.Join(ptr, "flows", f.name), f.flow.Origin, u.field,
						"security scheme %q sends its %s flow's %s over cleartext http (%s)", name, f.name, u.field, u.url)
				}
			}
		}
	}
	return nil
}

// cleartext returns the server URL as written and the first URL it resolves
// to that uses http (or ws) to a host other than the local machine, or "".
func cleartext(s *openapi.Server) (raw, clear string) {
	for _, u := range s.URLs() {
		if isHTTP(u) {
			return s.S.URL, u
		}
	}
	return s.S.URL, ""
}

// isHTTP reports whether a URL is cleartext http or ws to another machine.
func isHTTP(raw string) bool {
	u := openapi.ParseServerURL(raw)
	return (u.Scheme == "http" || u.Scheme == "ws") && u.Host != "" && !openapi.LoopbackHost(u.Host)
}

// credentialed returns the operations among ops that can send credentials,
// and the name of the first scheme they use.
func credentialed(doc *openapi3.T, schemes openapi3.SecuritySchemes, ops []openapi.Operation) ([]openapi.Operation, string) {
	var out []openapi.Operation
	first := ""
	for _, op := range ops {
		sec := openapi.EffectiveSecurity(doc, op)
		found := ""
		for _, req := range sec.Reqs {
			for _, name := range slices.Sorted(maps.Keys(req)) {
				if ref := schemes[name]; ref != nil && ref.Value != nil && strings.EqualFold(ref.Value.Type, "mutualTLS") {
					continue // a client certificate is never sent over plain http
				}
				found = name
				break
			}
			if found != "" {
				break
			}
		}
		if found != "" {
			out = append(out, op)
			if first == "" {
				first = found
			}
		}
	}
	return out, first
}
