// Package oas301 defines rule OAS301: OAuth scopes that grant everything.
package oas301

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/load/openapi"
)

var Rule = &lint.Rule{
	ID:   "OAS301",
	Name: "broad-oauth-scope",
	Doc: lint.Doc{
		Title: "OAuth scope grants everything",
		Summary: "An OAuth2 scheme declares (or an OpenID Connect requirement asks for) a catch-all scope: " +
			"`admin`, `*`, `all`, `root`, `superuser`, `full_access`, a wildcard such as `write:*`, or a " +
			"scope whose description promises full, unrestricted or account-wide access.",
		Why: `Scopes are how a token is cut down to the job at hand. A catch-all scope
undoes that: whoever holds a token with it can do anything the API allows,
and a client that wants to do one small thing is nudged into asking for it,
because it is the scope that always works.

AI agents are exactly such clients. An agent is handed a token once and then
calls whatever its tool list offers, steered by text it reads along the way;
a prompt injection in a web page or an email can make it call any of them.
The scopes on its token are the last limit on what it can be talked into
(OWASP LLM06, excessive agency). Fine-grained scopes such as
` + "`bookings:read`" + ` or ` + "`payments:refund`" + ` let whoever configures the agent grant
only what it needs.

A scheme whose scopes all name roles (` + "`admin`" + `, ` + "`moderator`" + `, ` + "`user`" + `: PeerTube's)
uses scopes for the account's role, which the server assigns; its ` + "`admin`" + ` is a
note. Reported as warnings, once per scheme and scope, where the scope is declared
(or, for OpenID Connect and undeclared scopes, where it is first required):
catch-all names, any scope containing a ` + "`*`" + ` wildcard, and descriptions
such as "full access", "unrestricted", "all resources" or "account-wide".
Scopes ending in ` + "`.All`" + `, ` + "`:all`" + ` or ` + "`/all`" + ` (Microsoft Graph's
` + "`User.Read.All`" + `) reach every user or resource of a tenant rather than
everything; they are reported as notes. "Full access to your bookings" is
not reported: the access is full, but to one kind of resource. Resource
admin scopes (` + "`admin:org`" + `, ` + "`appengine.admin`" + `) and the OpenAPI 3.1 roles
of non-OAuth schemes are not reported. Accept a scope you cannot change with
the ` + "`allowed-scopes`" + ` option.`,
		Fix: "split the scope into resource- and action-specific scopes (bookings:read, bookings:write) and require those",
		Bad: `components:
  securitySchemes:
    oauth:
      type: oauth2
      flows:
        clientCredentials:
          tokenUrl: https://auth.example.com/token
          scopes:
            admin: Full access to the account`,
		Good: `components:
  securitySchemes:
    oauth:
      type: oauth2
      flows:
        clientCredentials:
          tokenUrl: https://auth.example.com/token
          scopes:
            bookings:read: Read bookings
            bookings:write: Create and change bookings`,
		Lang:      "yaml",
		Severity:  lint.SeverityWarning,
		Precision: "low",
		Grades: `- **warning**: a catch-all scope name, a wildcard, or a description that promises everything.
- **note**: a scope that reaches every user or resource of a tenant (` + "`.All`" + `, ` + "`:all`" + `); and a catch-all scope of a scheme whose scopes all name roles (` + "`admin`" + `, ` + "`moderator`" + `, ` + "`user`" + `): the scopes mirror the role the server assigns to the account (PeerTube's, judged noise, 0 of 1 at warning); and a catch-all scope a scheme declares that no operation requires (an unused ` + "`admin`" + ` in a documentation-only description, judged noise, 0 of 1 at warning): no client of the operations described needs to ask for it.`,
		CWE:   []int{250, 272},
		OWASP: []string{"API5:2023", "LLM06:2025"},
		Since: "v0.1.0",
	},
	Spec:    run,
	Options: &options,
}

// Options are the settings of OAS301.
type Options struct {
	// BroadScopes are scope names that grant everything, compared without
	// case; a URL scope is compared by its last path segment
	// (https://example.com/auth/admin is "admin").
	BroadScopes []string `yaml:"broad-scopes"`
	// WideSuffixes end scope names that reach every user or resource of a
	// tenant (Microsoft Graph's User.Read.All). Reported as notes.
	WideSuffixes []string `yaml:"wide-suffixes"`
	// BroadPhrases in a scope's description mark it as granting everything,
	// matched without case on word boundaries. "full access", "full
	// control" and "complete access" count when nothing narrows them: alone,
	// or "to all", "to everything", "to your account", "to the API".
	BroadPhrases []string `yaml:"broad-phrases"`
	// AllowedScopes are never reported: scopes you accept, such as a
	// platform's only scope.
	AllowedScopes []string `yaml:"allowed-scopes"`
}

var options = Options{
	BroadScopes: []string{
		"*", "all", "any", "admin", "administrator", "root", "superuser", "super_user", "super-user", "su",
		"sudo", "god", "full", "full_access", "full-access", "fullaccess", "all_access", "all-access",
		"everything", "unrestricted",
	},
	WideSuffixes: []string{".all", ":all", "/all", "_all"},
	BroadPhrases: []string{
		"unrestricted", "unlimited access", "all resources", "every resource", "any resource", "all data",
		"all permissions", "all scopes", "account-wide", "account wide", "tenant-wide", "organization-wide",
		"organisation-wide", "superuser", "super user", "root access", "god mode", "access to everything",
	},
}

// fullAccess finds "full access" and its kin, and the words after it that
// may narrow it.
var fullAccess = regexp.MustCompile(`(?i)\b(?:full|complete|total)\s+(?:read[ /-]?write\s+)?(?:access|control|permissions?)\b(?:\s+(?:to|over|of|on|for)\s+((?:[\w'-]+\s*){1,4}))?`)

// determiners are skipped before the object of "full access to".
var determiners = map[string]bool{"your": true, "the": true, "all": true, "every": true, "any": true, "my": true, "this": true, "of": true}

// whole are the objects that leave "full access to" unbounded: the account,
// the API, everything.
var whole = map[string]bool{
	"everything": true, "anything": true, "account": true, "accounts": true, "api": true, "apis": true,
	"tenant": true, "organization": true, "organisation": true, "workspace": true, "platform": true,
	"system": true, "resources": true, "data": true,
}

// roleWords name the roles of an account. A scheme whose scopes are all
// such words (PeerTube's admin, moderator and user) uses scopes for roles.
var roleWords = map[string]bool{
	"admin": true, "administrator": true, "moderator": true, "user": true, "member": true, "editor": true,
	"viewer": true, "guest": true, "owner": true, "operator": true, "staff": true, "manager": true,
	"contributor": true, "maintainer": true, "reporter": true, "support": true, "customer": true, "superuser": true,
}

// roleSchemes returns, by scheme, the role names its scopes list when it
// declares at least two scopes and every one is a role word.
func roleSchemes(decls []openapi.ScopeDecl) map[string]string {
	names := map[string][]string{}
	for _, d := range decls {
		names[d.Scheme] = append(names[d.Scheme], d.Name)
	}
	out := map[string]string{}
	for scheme, list := range names {
		if len(list) >= 2 && !slices.ContainsFunc(list, func(n string) bool { return !roleWords[strings.ToLower(n)] }) {
			out[scheme] = strings.Join(list, ", ")
		}
	}
	return out
}

type verdict struct {
	reason string
	sev    lint.Severity
}

// judge says why a scope grants everything, or returns "".
func judge(opts *Options, name, description string) verdict {
	lower := strings.ToLower(name)
	for _, a := range opts.AllowedScopes {
		if strings.EqualFold(a, name) {
			return verdict{}
		}
	}
	short := lower
	if i := strings.Index(short, "://"); i >= 0 {
		short = short[strings.LastIndex(short, "/")+1:]
	}
	if slices.ContainsFunc(opts.BroadScopes, func(b string) bool { return strings.EqualFold(b, short) }) {
		return verdict{"catch-all name", lint.SeverityDefault}
	}
	if strings.Contains(name, "*") {
		return verdict{"wildcard", lint.SeverityDefault}
	}
	if p := broadPhrase(opts, description); p != "" {
		return verdict{fmt.Sprintf("described as %q", p), lint.SeverityDefault}
	}
	for _, s := range opts.WideSuffixes {
		if len(lower) > len(s) && strings.HasSuffix(lower, strings.ToLower(s)) {
			return verdict{fmt.Sprintf("suffix %q reaches every user or resource of the tenant", name[len(name)-len(s):]), lint.SeverityNote}
		}
	}
	return verdict{}
}

// broadPhrase returns the words of a description that say the scope grants
// everything, or "".
func broadPhrase(opts *Options, description string) string {
	d := strings.ToLower(description)
	for _, p := range opts.BroadPhrases {
		p = strings.ToLower(p)
		for i := strings.Index(d, p); i >= 0; {
			end := i + len(p)
			if boundary(d, i-1) && boundary(d, end) {
				return description[i:end]
			}
			next := strings.Index(d[i+1:], p)
			if next < 0 {
				break
			}
			i += 1 + next
		}
	}
	for _, m := range fullAccess.FindAllStringSubmatchIndex(description, -1) {
		if m[2] < 0 {
			return description[m[0]:m[1]]
		}
		obj := strings.Fields(strings.ToLower(description[m[2]:m[3]]))
		for len(obj) > 0 && determiners[obj[0]] {
			obj = obj[1:]
		}
		if len(obj) == 0 || whole[obj[0]] || len(obj) > 1 && whole[obj[1]] && obj[1] != "data" {
			return strings.TrimSpace(description[m[0]:m[1]])
		}
	}
	return ""
}

func boundary(s string, i int) bool {
	if i < 0 || i >= len(s) {
		return true
	}
	c := s[i]
	return !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_')
}

func run(pass *lint.SpecPass) error {
	opts := &options
	schemes := openapi.Schemes(pass.Doc)
	users := usage(pass.Doc)
	declared := map[string]bool{} // "scheme\x00scope"
	decls := openapi.DeclaredScopes(pass.Doc)
	roles := roleSchemes(decls)
	for _, d := range decls {
		declared[d.Scheme+"\x00"+d.Name] = true
		v := judge(opts, d.Name, d.Description)
		if v.reason == "" {
			continue
		}
		what, grade := grants(v), ""
		if roles[d.Scheme] != "" && v.sev == lint.SeverityDefault {
			// admin beside moderator and user: the scopes name the
			// account's role, which the server assigns; a token of an
			// ordinary account cannot ask for admin.
			v.sev, grade = lint.SeverityNote, " (a note: every scope of the scheme names a role ("+roles[d.Scheme]+"), so the scopes mirror the role the server assigns to the account rather than cut a token down; split it only if roles are not what you mean)"
		} else if v.sev == lint.SeverityDefault && len(users[d.Scheme+"\x00"+d.Name]) == 0 {
			// Declared and never required: no operation the document
			// describes asks a client for it, so no client is nudged
			// towards it; remove it, or split it before an operation
			// needs it.
			v.sev, grade = lint.SeverityNote, " (a note: declared but not required by any operation, so no client of the operations described needs to ask for it; remove it or split it before one does)"
		}
		pass.ReportSeverityf(v.sev, d.Pointer, d.Origin, d.Field,
			"security scheme %q declares scope %q, which grants %s (%s); %s%s",
			d.Scheme, d.Name, what, v.reason, usedBy(users[d.Scheme+"\x00"+d.Name]), grade)
	}

	// Scopes no scheme declares: those of OpenID Connect, which live at the
	// provider, and undeclared OAuth2 scopes (OAS102 reports them as such).
	// Each is reported once, where it is first required.
	reported := map[string]bool{}
	check := func(who, ptr string, reqs openapi3.SecurityRequirements, op *openapi.Operation) {
		origin, field := openapi.RequirementAnchor(pass, op)
		for i, req := range reqs {
			for _, name := range slices.Sorted(maps.Keys(req)) {
				ref := schemes[name]
				if ref == nil || ref.Value == nil || (ref.Value.Type != "oauth2" && ref.Value.Type != "openIdConnect") {
					continue
				}
				for j, scope := range req[name] {
					key := name + "\x00" + scope
					if declared[key] || reported[key] {
						continue
					}
					reported[key] = true
					v := judge(opts, scope, "")
					if v.reason == "" {
						continue
					}
					pass.ReportSeverityf(v.sev, openapi.Join(ptr, strconv.Itoa(i), name, strconv.Itoa(j)), origin, field,
						"%s requires scope %q of %s scheme %q, which grants %s (%s); %s",
						who, scope, ref.Value.Type, name, grants(v), v.reason, usedBy(users[key]))
				}
			}
		}
	}
	check("top-level security", "/security", pass.Doc.Security, nil)
	for _, op := range openapi.Operations(pass.Doc) {
		if op.Op.Security != nil {
			check(op.Method+" "+op.Path, openapi.Join(op.Pointer, "security"), *op.Op.Security, &op)
		}
	}
	return nil
}

func grants(v verdict) string {
	if v.sev == lint.SeverityNote {
		return "tenant-wide access"
	}
	return "everything"
}

// usage maps "scheme\x00scope" to the operations whose security asks for it.
func usage(t *openapi3.T) map[string][]openapi.Operation {
	out := map[string][]openapi.Operation{}
	for _, op := range openapi.Operations(t) {
		seen := map[string]bool{}
		for _, req := range openapi.EffectiveSecurity(t, op).Reqs {
			for name, scopes := range req {
				for _, s := range scopes {
					if k := name + "\x00" + s; !seen[k] {
						seen[k] = true
						out[k] = append(out[k], op)
					}
				}
			}
		}
	}
	return out
}

func usedBy(ops []openapi.Operation) string {
	if len(ops) == 0 {
		return "no operation requires it"
	}
	return "required by " + openapi.OperationList(ops)
}
