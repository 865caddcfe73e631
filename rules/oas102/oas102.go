// Package oas102 defines rule OAS102: a security requirement that names a
// scheme or a scope the document does not define.
package oas102

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
	ID:   "OAS102",
	Name: "undefined-security-scheme",
	Doc: lint.Doc{
		Title: "Security requirement names an undefined scheme or scope",
		Summary: "A security requirement names a security scheme that the document does not define, " +
			"a scope its OAuth2 scheme does not declare, or (in OpenAPI 3.0 and Swagger 2.0) scopes " +
			"for a scheme that takes none.",
		Why: `A security requirement is only as good as the scheme it names. When the
name matches no scheme (often a typo or a difference in case), tools disagree
on what it means: some reject the document, some drop the requirement and treat
the operation as public, and gateways generated from the document may not
enforce anything at all. A scope that the OAuth2 scheme does not declare cannot
be requested by a client, so either the operation is unreachable or the
server enforces a different scope than the one documented.

Agents and their frameworks request OAuth scopes from what the document
declares. An undeclared scope means the agent asks for the wrong permissions,
and users end up granting broad ones to make it work. Scopes of OpenID
Connect schemes are not declared in the document and are not checked; in
OpenAPI 3.1 any scheme may list role names, so those are not checked either.`,
		Fix: "define the scheme under components.securitySchemes (securityDefinitions in 2.0), fix the name, or declare the scope in the scheme's flows",
		Bad: `components:
  securitySchemes:
    oauth:
      type: oauth2
      flows:
        authorizationCode:
          authorizationUrl: https://auth.example.com/authorize
          tokenUrl: https://auth.example.com/token
          scopes:
            bookings:read: read bookings
security:
  - OAuth: [bookings:read]      # no scheme is called "OAuth"
paths:
  /bookings:
    post:
      security:
        - oauth: [bookings:write]   # scope not declared`,
		Good: `components:
  securitySchemes:
    oauth:
      type: oauth2
      flows:
        authorizationCode:
          authorizationUrl: https://auth.example.com/authorize
          tokenUrl: https://auth.example.com/token
          scopes:
            bookings:read: read bookings
            bookings:write: create and change bookings
security:
  - oauth: [bookings:read]
paths:
  /bookings:
    post:
      security:
        - oauth: [bookings:write]`,
		Lang:      "yaml",
		Severity:  lint.SeverityError,
		Precision: "very-high",
		Grades: `- **error**, once per scheme or scope: a requirement that names a scheme the document does not define, or an OAuth2 scope its scheme does not declare; the message counts the other requirements that name the same, which are **notes** pointing to it (one definition fixes them all: a generator's annotation naming a scheme the document never defines, on 83 operations of mcpproxy-go's description, is one defect, not 83).
- **warning**, once per scheme: scopes listed for a scheme that takes none in the document's version (a bearer or api key scheme in OpenAPI 3.0 or Swagger 2.0) when an oauth2 scheme of the document declares every one of them: the requirement likely names the wrong scheme, and clients built from the document will not ask for those scopes; the message counts the other requirements that do the same, which are **notes** pointing to it.
- **note**: scopes listed for a scheme that takes none, where no oauth2 scheme declares them: tools ignore the list, the scheme is still required, and OpenAPI 3.1 allows role names for any scheme, so it is a matter of the version, not an opening (Sentry's 222 operations, judged noise at error, and Dropbox Sign's scopes on its bearer scheme, judged noise at warning: 0 of 225); reported once per scheme, the other requirements pointing to it.`,
		CWE:   []int{1068, 285},
		OWASP: []string{"API2:2023", "API8:2023"},
		Since: "v0.1.0",
	},
	Spec: run,
}

func run(pass *lint.SpecPass) error {
	schemes := openapi.Schemes(pass.Doc)
	var u uses
	check(pass, schemes, "top-level security", "/security", pass.Doc.Security, nil, &u)
	for _, op := range openapi.Operations(pass.Doc) {
		if op.Op.Security == nil {
			continue
		}
		check(pass, schemes, op.Method+" "+op.Path, openapi.Join(op.Pointer, "security"), *op.Op.Security, &op, &u)
	}
	reportOnce(pass, u.missing)
	reportScoped(pass, u.scoped)
	return nil
}

// uses are what check found, reported once per defect after every
// requirement is read.
type uses struct {
	missing []missingUse // undefined schemes and undeclared scopes
	scoped  []scopedUse
}

// missingUse is a requirement naming a scheme the document does not
// define (scope == ""), or a scope its oauth2 scheme does not declare.
type missingUse struct {
	ptr, field, who, name, scope, hint string
	origin                             *openapi3.Origin
}

func (m missingUse) key() string { return m.name + "\x00" + m.scope }

// reportOnce reports each undefined scheme and each undeclared scope once:
// the first requirement that names it as an error that counts the others,
// which are notes pointing to it. One missing definition is one defect,
// fixed in one place, however many operations name it (a generator's
// annotation on 83 operations): reported on each, it would be read 83
// times.
func reportOnce(pass *lint.SpecPass, missing []missingUse) {
	first, count := firsts(missing, missingUse.key)
	for _, m := range missing {
		what := fmt.Sprintf("undefined security scheme %q%s", m.name, m.hint)
		if m.scope != "" {
			what = fmt.Sprintf("scope %q that oauth2 scheme %q does not declare", m.scope, m.name)
		}
		f := first[m.key()]
		if m == f {
			more := ""
			switch n := count[m.key()] - 1; {
			case n == 1:
				more = " (and 1 other requirement, reported as a note: one definition fixes both)"
			case n > 1:
				more = fmt.Sprintf(" (and %d other requirements, reported as notes: one definition fixes them all)", n)
			}
			pass.Reportf(m.ptr, m.origin, m.field, "%s requires %s%s", m.who, what, more)
			continue
		}
		pass.ReportSeverityf(lint.SeverityNote, m.ptr, m.origin, m.field,
			"%s requires %s (a note: reported once, at %s)", m.who, what, f.who)
	}
}

// scopedUse is a requirement that lists scopes for a scheme that takes
// none in the document's version.
type scopedUse struct {
	ptr, field, who, kind, name, only string
	// oauth names an oauth2 scheme of the document that declares every
	// scope listed, or is "".
	oauth  string
	origin *openapi3.Origin
}

// reportScoped reports the requirements that list scopes for a scheme that
// takes none once per scheme: the first as a note that counts them, the
// others as notes pointing to it. The requirement still requires the
// scheme, tools ignore the list, and OpenAPI 3.1 allows role names for any
// scheme: the list is a matter of the document's version, not an opening,
// and a document that does it once does it on every operation (Sentry's
// 222, judged noise at error; Dropbox Sign's scopes on a bearer scheme
// named oauth2, noise at warning). The first is a warning when an oauth2
// scheme of the document declares every scope listed: the requirement then
// likely names the wrong scheme, and a client built from the document asks
// for none of them.
func reportScoped(pass *lint.SpecPass, uses []scopedUse) {
	key := func(u scopedUse) string { return u.name + "\x00" + u.oauth }
	first, count := firsts(uses, key)
	for _, u := range uses {
		f := first[key(u)]
		if u == f {
			more := ""
			switch n := count[key(u)] - 1; {
			case n == 1:
				more = "; 1 other requirement does the same, reported as a note"
			case n > 1:
				more = fmt.Sprintf("; %d other requirements do the same, reported as notes", n)
			}
			if u.oauth != "" {
				pass.ReportSeverityf(lint.SeverityWarning, u.ptr, u.origin, u.field,
					"%s lists scopes for %s scheme %q (%s%s) (a warning: oauth2 scheme %q declares every one of them, so the requirement likely names the wrong scheme, and clients built from the document will not ask for those scopes)", u.who, u.kind, u.name, u.only, more, u.oauth)
				continue
			}
			pass.ReportSeverityf(lint.SeverityNote, u.ptr, u.origin, u.field,
				"%s lists scopes for %s scheme %q (%s%s) (a note: a matter of the version; tools ignore the list, the scheme is still required, and OpenAPI 3.1 allows role names for any scheme)", u.who, u.kind, u.name, u.only, more)
			continue
		}
		pass.ReportSeverityf(lint.SeverityNote, u.ptr, u.origin, u.field,
			"%s lists scopes for %s scheme %q (%s) (a note: reported once for the scheme, at %s)", u.who, u.kind, u.name, u.only, f.who)
	}
}

// firsts returns, for each key, the first use that has it and how many
// uses have it: what a finding reported once per defect points to and
// counts.
func firsts[T any](uses []T, key func(T) string) (map[string]T, map[string]int) {
	first, count := map[string]T{}, map[string]int{}
	for _, u := range uses {
		k := key(u)
		if _, ok := first[k]; !ok {
			first[k] = u
		}
		count[k]++
	}
	return first, count
}

func check(pass *lint.SpecPass, schemes openapi3.SecuritySchemes, who, ptr string, reqs openapi3.SecurityRequirements, op *openapi.Operation, u *uses) {
	origin, field := anchor(pass, op)
	for i, req := range reqs {
		for _, name := range slices.Sorted(maps.Keys(req)) {
			reqPtr := openapi.Join(ptr, strconv.Itoa(i), name)
			ref := schemes[name]
			if ref == nil || ref.Value == nil {
				u.missing = append(u.missing, missingUse{ptr: reqPtr, field: field, who: who, name: name, hint: didYouMean(schemes, name), origin: origin})
				continue
			}
			s := ref.Value
			switch {
			case s.Type == "oauth2":
				declared := declaredScopes(s)
				for j, scope := range req[name] {
					if !declared[scope] {
						u.missing = append(u.missing, missingUse{ptr: openapi.Join(reqPtr, strconv.Itoa(j)), field: field, who: who, name: name, scope: scope, origin: origin})
					}
				}
			case s.Type == "openIdConnect" || pass.Version == "3.1":
				// OpenID Connect scopes live at the provider; 3.1 allows
				// role names for any scheme.
			case len(req[name]) > 0:
				kind, only := s.Type, "only oauth2 and openIdConnect schemes take scopes in OpenAPI 3.0"
				if pass.Version == "2.0" {
					only = "only oauth2 schemes take scopes in Swagger 2.0"
					if s.Type == "http" {
						kind = "basic" // as written in 2.0, before conversion
					}
				}
				u.scoped = append(u.scoped, scopedUse{ptr: reqPtr, field: field, who: who, kind: kind, name: name, only: only, oauth: declaredBy(schemes, req[name]), origin: origin})
			}
		}
	}
}

// anchor says how to locate an element inside a list of security
// requirements, which have no origins of their own. In the root file the
// pointer alone leads to the exact line (Locate reads the file when the origin
// is nil); for an operation written in another file, its security key stands
// in.
func anchor(pass *lint.SpecPass, op *openapi.Operation) (*openapi3.Origin, string) {
	if op == nil {
		return nil, ""
	}
	byFile := pass.Locate(op.Pointer, nil, "")
	byOrigin := pass.Locate(op.Pointer, op.Op.Origin, "")
	if byFile.File != byOrigin.File || byFile.Line != byOrigin.Line {
		return op.Op.Origin, "security"
	}
	return nil, ""
}

func declaredScopes(s *openapi3.SecurityScheme) map[string]bool {
	out := map[string]bool{}
	if s.Flows == nil {
		return out
	}
	for _, f := range []*openapi3.OAuthFlow{s.Flows.Implicit, s.Flows.Password, s.Flows.ClientCredentials, s.Flows.AuthorizationCode} {
		if f != nil {
			for k := range f.Scopes {
				out[k] = true
			}
		}
	}
	return out
}

func didYouMean(schemes openapi3.SecuritySchemes, name string) string {
	for _, s := range slices.Sorted(maps.Keys(schemes)) {
		if strings.EqualFold(s, name) {
			return " (did you mean " + strconv.Quote(s) + "?)"
		}
	}
	return ""
}

// declaredBy names the first oauth2 scheme, in sorted order, that declares
// every scope in scopes, or returns "".
func declaredBy(schemes openapi3.SecuritySchemes, scopes []string) string {
	for _, name := range slices.Sorted(maps.Keys(schemes)) {
		ref := schemes[name]
		if ref == nil || ref.Value == nil || ref.Value.Type != "oauth2" {
			continue
		}
		declared := declaredScopes(ref.Value)
		if !slices.ContainsFunc(scopes, func(s string) bool { return !declared[s] }) {
			return name
		}
	}
	return ""
}
