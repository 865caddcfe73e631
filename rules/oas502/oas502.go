// Package oas502 defines rule OAS502: an API served, or its credentials
// sent, over cleartext http.
package oas502

import (
	"fmt"
	"maps"
	"net/url"
	"regexp"
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
scheme except mutualTLS and request signatures), and a **warning** when none
does. In Swagger 2.0 the finding is at the http entry of ` + "`schemes`" + `, with or without
a ` + "`host`" + ` (without one, requests go to the host that serves the document), and an
operation's own ` + "`schemes`" + ` are reported at that operation. OAuth 2 URLs must
also be well-formed absolute https URLs: userinfo (` + "`https://a.example@evil.example/`" + `)
and fragments (` + "`https://a.example#@evil.example/`" + `) make clients and readers disagree
on the host. An OAuth 2 flow
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
		Precision: "high",
		Grades: `- **error**: a cleartext server (or Swagger 2.0 ` + "`schemes: [http]`" + `) that operations send a secret to (an API key, a token, a password), and OAuth 2 URLs over http or that are not well-formed absolute https URLs (userinfo, fragment, other scheme, no host).
- **warning**: a relative OAuth 2 URL when a server is not https; an OAuth 2 or OpenID Connect URL that would be an error, of a scheme no operation requires (in a document that has operations): no client of the operations described is sent to it.
- **note**: an OAuth 2 URL with a server-variable placeholder that is an https endpoint once filled in (` + "`https://api.{region}.example.com/oauth/token`" + `: OAS500 reports it as invalid, and nothing crosses in clear; judged noise, 0 of 3 at error); a flow URL of ` + "`/`" + ` or empty, which names no endpoint (a generator's placeholder); a relative flow URL of a scheme no operation requires (Webex's unused oauth2 schemes, judged noise, 0 of 8 at warning); a cleartext server no operation sends credentials to (a public API over http, a placeholder host: no secret at risk, and none of the sampled warnings was acted on); a cleartext server whose operations' only credentials are request signatures (AWS Signature Version 4, ` + "`x-amazon-apigateway-authtype`" + `): the secret never crosses the wire and a signature is good for one request for a few minutes, so no credential is at risk; the traffic itself can still be read; a cleartext server on a multicast DNS name (` + "`*.local`" + `, not ` + "`cluster.local`" + `) that credentials cross: a development host or a device on the same network, which nobody outside it reaches; a cleartext server or OAuth 2 / OpenID Connect URL whose host is a single-label name (` + "`http://keycloak:8080`" + `, ` + "`http://to-be-configured-in-the-application-config`" + `): a name only one private network resolves (a container's service name) or a placeholder for the deployment's own host, never where callers reach the API.`,
		CWE:   []int{319, 523},
		OWASP: []string{"API8:2023", "API2:2023"},
		Since: "v0.1.0",
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
	v2 := openapi.V2TransportOf(pass.Doc)
	for _, s := range openapi.Servers(pass.Doc) {
		if v2 != nil {
			break // a 2.0 document's servers are its host and schemes, read below
		}
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
		report(pass, schemes, g.users, s.Pointer, s.Origin(), "url", what, openapi.ParseServerURL(g.clear).Host)
	}
	if v2 != nil {
		transportV2(pass, schemes, v2)
	}
	// A relative OAuth URL resolves against the servers: fine when none of
	// them is cleartext.
	secureServers := len(pass.Doc.Servers) > 0 && len(groups) == 0 && (v2 == nil || clearScheme(v2.Schemes) < 0)
	unused := unusedSchemes(pass.Doc, schemes)
	for _, name := range slices.Sorted(maps.Keys(schemes)) {
		ref := schemes[name]
		if ref == nil || ref.Value == nil {
			continue
		}
		ptr := openapi.Pointer("components", "securitySchemes", name)
		s := ref.Value
		if s.Type == "openIdConnect" && isHTTP(s.OpenIdConnectUrl) {
			sev, why := placeholderURL(s.OpenIdConnectUrl)
			if sev != lint.SeverityNote && unused[name] {
				sev, why = unusedGrade(sev)
			}
			pass.ReportSeverityf(sev, ptr, s.Origin, "openIdConnectUrl", "security scheme %q discovers its OpenID Connect endpoints over cleartext http (%s)%s",
				name, s.OpenIdConnectUrl, why)
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
				fptr := openapi.Join(ptr, "flows", f.name)
				if isHTTP(u.url) {
					sev, why := placeholderURL(u.url)
					if sev != lint.SeverityNote && unused[name] {
						sev, why = unusedGrade(sev)
					}
					pass.ReportSeverityf(sev, fptr, f.flow.Origin, u.field,
						"security scheme %q sends its %s flow's %s over cleartext http (%s)%s", name, f.name, u.field, u.url, why)
				} else if sev, problem := flowURL(u.url, secureServers); problem != "" {
					if sev != lint.SeverityNote && unused[name] {
						var why string
						sev, why = unusedGrade(sev)
						problem += why
					}
					pass.ReportSeverityf(sev, fptr, f.flow.Origin, u.field,
						"security scheme %q: its %s flow's %s %q %s", name, f.name, u.field, u.url, problem)
				}
			}
		}
	}
	return nil
}

// report reports a cleartext server (what) at ptr for the operations sent
// to it: an error when one of them sends a secret (an API key, a token, a
// password), a warning when none does, or when their only credentials are
// request signatures, where no secret crosses the wire.
func report(pass *lint.SpecPass, schemes openapi3.SecuritySchemes, users []openapi.Operation, ptr string, origin *openapi3.Origin, field, what, host string) {
	ops, scheme, signed := credentialed(pass.Doc, schemes, users)
	switch {
	case len(ops) > 0 && openapi.LocalNetworkHost(host):
		// A multicast DNS name: a developer's machine or a device on the
		// same network, as localhost is the developer's own machine.
		pass.ReportSeverityf(lint.SeverityNote, ptr, origin, field,
			"%s, and credentials of security scheme %q cross it in clear (%s) (a note: %s is a multicast DNS name (*.local), a development host or a device on the same network that nobody outside it reaches)",
			what, scheme, openapi.UsedBy(ops), host)
	case len(ops) > 0 && openapi.PrivateNameHost(host):
		// One DNS label: a container's service name or an intranet short
		// name, which only the deployment's own network resolves, or
		// placeholder text for the operator's host.
		pass.ReportSeverityf(lint.SeverityNote, ptr, origin, field,
			"%s, and credentials of security scheme %q cross it in clear (%s) (a note: %s is a single-label name, which only one private network resolves, or a placeholder; use https where the API is published)",
			what, scheme, openapi.UsedBy(ops), host)
	case len(ops) > 0:
		pass.Reportf(ptr, origin, field, "%s, and credentials of security scheme %q cross it in clear (%s)",
			what, scheme, openapi.UsedBy(ops))
	case signed != "":
		// A signature is computed from a secret the client keeps; what
		// crosses the wire is good for one request, for minutes (SigV4
		// dates every signature). The traffic can be read, but the finding
		// names no credential at risk: AWS's descriptions list the http
		// endpoints its services still accept, and its SDKs use https.
		pass.ReportSeverityf(lint.SeverityNote, ptr, origin, field,
			"%s (a note: security scheme %q signs requests, so no secret crosses the wire; a signature is good for one request for a few minutes, and only the traffic itself can be read)",
			what, signed)
	default:
		// No credential crosses it: a public API over http (a quotes or
		// dictionary API), a placeholder host. The traffic can be read or
		// changed, but the finding names no secret at risk, and none of
		// the sampled warnings was acted on.
		pass.ReportSeverityf(lint.SeverityNote, ptr, origin, field, "%s (a note: the operations sent to it require no credential, so no secret crosses it; only the traffic can be read or changed)", what)
	}
}

// transportV2 reports the cleartext schemes of a Swagger 2.0 document,
// which its conversion to OpenAPI 3 loses: the document's schemes (with or
// without a host) at their http entry, and an operation's own schemes at
// that operation.
func transportV2(pass *lint.SpecPass, schemes openapi3.SecuritySchemes, v2 *openapi.V2Transport) {
	host := v2.Host
	if host != "" && openapi.LoopbackHost(hostOnly(host)) {
		return // a local development host: every scheme goes to it
	}
	target := fmt.Sprintf("host %q", host)
	if host == "" {
		target = "the host that serves the document"
	}
	var root []openapi.Operation
	ops := openapi.Operations(pass.Doc)
	for _, op := range ops {
		if _, own := v2.Ops[op.Pointer]; !own {
			root = append(root, op)
		}
	}
	if i := clearScheme(v2.Schemes); i >= 0 && (len(root) > 0 || len(ops) == 0) {
		report(pass, schemes, root, openapi.Pointer("schemes", fmt.Sprint(i)), nil, "",
			fmt.Sprintf("schemes lists %q: requests to %s go in cleartext", v2.Schemes[i], target), hostOnly(host))
	}
	for _, op := range ops {
		list, own := v2.Ops[op.Pointer]
		if !own {
			continue
		}
		if i := clearScheme(list); i >= 0 {
			report(pass, schemes, []openapi.Operation{op}, openapi.Join(op.Pointer, "schemes", fmt.Sprint(i)), nil, "",
				fmt.Sprintf("%s %s lists scheme %q: its requests to %s go in cleartext", op.Method, op.Path, list[i], target), hostOnly(host))
		}
	}
}

// placeholderURL grades a cleartext URL of a security scheme: the
// default severity, or a note, with the reason to append to the message,
// when its host is a single-label name (see openapi.PrivateNameHost): a
// placeholder for the identity provider each deployment configures, or a
// host only a private network resolves, never where callers log in.
func placeholderURL(raw string) (lint.Severity, string) {
	host := openapi.ParseServerURL(raw).Host
	if !openapi.PrivateNameHost(host) {
		return lint.SeverityDefault, ""
	}
	return lint.SeverityNote, fmt.Sprintf(" (a note: %s is a single-label name, a placeholder for the identity provider each deployment configures or a host only one private network resolves; write the https URL callers use, or leave the URL to the deployment's documentation)", host)
}

// placeholder finds a server-variable placeholder ({region}) in a URL.
var placeholder = regexp.MustCompile(`\{[^{}/]*\}`)

// unusedSchemes returns the schemes that no operation's requirements name,
// in a document that has operations (a components-only file may be
// referenced by documents that use its schemes).
func unusedSchemes(doc *openapi3.T, schemes openapi3.SecuritySchemes) map[string]bool {
	ops := openapi.Operations(doc)
	if len(ops) == 0 {
		return nil
	}
	out := map[string]bool{}
	for name := range schemes {
		out[name] = true
	}
	for _, op := range ops {
		for _, req := range openapi.EffectiveSecurity(doc, op).Reqs {
			for name := range req {
				delete(out, name)
			}
		}
	}
	return out
}

// unusedGrade lowers the grade of a flow URL's problem by one level for a
// scheme no operation requires, and says why: no client of the operations
// described is sent to that endpoint.
func unusedGrade(sev lint.Severity) (lint.Severity, string) {
	const why = "no operation requires the scheme, so no client of the operations described is sent to this endpoint; fix it or drop the scheme"
	if sev == lint.SeverityDefault || sev == lint.SeverityError {
		return lint.SeverityWarning, " (a warning, not an error: " + why + ")"
	}
	return lint.SeverityNote, " (a note: " + why + ")"
}

// clearScheme returns the index of the first cleartext scheme (http, ws),
// or -1.
func clearScheme(list []string) int {
	return slices.IndexFunc(list, func(s string) bool {
		s = strings.ToLower(s)
		return s == "http" || s == "ws"
	})
}

// hostOnly drops the port of a 2.0 host.
func hostOnly(host string) string {
	if h, _, ok := strings.Cut(host, ":"); ok && !strings.HasPrefix(host, "[") {
		return h
	}
	return host
}

// flowURL checks an OAuth 2 flow URL other than a cleartext one: it must be
// an absolute https URL to a host, with nothing a parser could read two
// ways. It returns the problem and its severity, or "" when there is none.
// A relative URL resolves against the server URL: it is fine when every
// server of the document is https (secureServers), and a warning otherwise.
func flowURL(raw string, secureServers bool) (lint.Severity, string) {
	if raw == "" {
		return 0, ""
	}
	if v := placeholder.FindString(raw); v != "" && !strings.ContainsAny(raw, "\\ \t\r\n") {
		// https://api.{region}.example.com/oauth/token: a server
		// variable, which OAuth flow URLs do not have; OAS500 reports
		// the URL as invalid. With the placeholder filled in, it is
		// an https endpoint, and nothing crosses in clear.
		if u, err := url.Parse(placeholder.ReplaceAllString(raw, "x")); err == nil && strings.EqualFold(u.Scheme, "https") && u.Host != "" && u.User == nil && u.Fragment == "" {
			return lint.SeverityNote, fmt.Sprintf("holds placeholder %s, which no client fills in for a flow URL (a note: OAS500 reports the URL as invalid; with the placeholder filled in it is an https endpoint, so no credential crosses in clear; write one URL per region or describe the region in the description)", v)
		}
	}
	if strings.ContainsAny(raw, "\\ \t\r\n") {
		return lint.SeverityError, "is not a well-formed URL (it contains a backslash or a space, which parsers read differently)"
	}
	u, err := url.Parse(raw)
	if err != nil {
		return lint.SeverityError, "is not a valid URL"
	}
	switch {
	case u.User != nil:
		return lint.SeverityError, fmt.Sprintf("has userinfo before its host (%q): a client or a reader can take the wrong host for the real one", u.User.String())
	case strings.Contains(raw, "#"):
		return lint.SeverityError, "has a fragment (#): parsers disagree on what follows it, and it can hide the real host (https://a.example#@evil.example/)"
	case strings.EqualFold(u.Scheme, "http") && openapi.LoopbackHost(u.Hostname()):
		return 0, "" // a local development server
	case u.Scheme == "" && u.Host == "" && secureServers:
		return 0, "" // resolved against servers that are all https
	case u.Scheme == "" && u.Host == "" && strings.Trim(u.Path, "/") == "" && u.RawQuery == "":
		// "/" or "": no endpoint at all, a placeholder the generator
		// wrote for a URL it did not know.
		return lint.SeverityNote, "is a placeholder, not an endpoint (a note: it names no path, so no client can send credentials to it; write the absolute https URL of the endpoint or drop the flow)"
	case u.Scheme == "" && u.Host == "":
		return lint.SeverityWarning, "is relative, and the document lists no server or an http one to resolve it against: write the absolute https URL"
	case !strings.EqualFold(u.Scheme, "https"):
		return lint.SeverityError, fmt.Sprintf("uses scheme %q: OAuth 2 endpoints must be https", u.Scheme)
	case u.Hostname() == "":
		return lint.SeverityError, "has no host"
	}
	return 0, ""
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

// credentialed returns the operations among ops that can send a secret,
// and the name of the first scheme they use; signed names a scheme that
// signs requests instead (AWS Signature Version 4), for operations whose
// only credentials are signatures.
func credentialed(doc *openapi3.T, schemes openapi3.SecuritySchemes, ops []openapi.Operation) (out []openapi.Operation, first, signed string) {
	for _, op := range ops {
		sec := openapi.EffectiveSecurity(doc, op)
		found := ""
		for _, req := range sec.Reqs {
			for _, name := range slices.Sorted(maps.Keys(req)) {
				ref := schemes[name]
				if ref != nil && ref.Value != nil && strings.EqualFold(ref.Value.Type, "mutualTLS") {
					continue // a client certificate is never sent over plain http
				}
				if ref != nil && openapi.SignatureScheme(ref.Value) {
					if signed == "" {
						signed = name
					}
					continue // a signature, not a secret
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
	return out, first, signed
}
