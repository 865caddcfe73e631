// Package go305 defines rule GO305: OAuth clients that ask for far more
// than a tool needs.
package go305

import (
	"go/ast"
	"go/token"
	"go/types"
	"regexp"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/apiaudit/apiaudit/pkg/goapi"
	"github.com/apiaudit/apiaudit/pkg/goapi/agenttool"
	"github.com/apiaudit/apiaudit/pkg/lint"
)

var Rule = &lint.Rule{
	ID:   "GO305",
	Name: "overbroad-oauth-scope",
	Doc: lint.Doc{
		Title: "OAuth client asks for an over-broad scope",
		Summary: "A golang.org/x/oauth2 configuration, a Google credentials helper or option.WithScopes asks " +
			"for a scope that grants a whole account or tenant (Google cloud-platform, full Drive or Gmail, " +
			"GitHub repo or admin:*, Microsoft *.ReadWrite.All, .default). An error when the same package " +
			"registers agent tools.",
		Why: `A token can do whatever its scopes allow, whatever the code around it was
meant to do. When an agent or an MCP tool holds it, "whatever the code was
meant to do" is decided by a model that reads untrusted text: a prompt
injection that reaches a tool with a ` + "`cloud-platform`" + ` or ` + "`repo`" + ` token can
delete projects or push code, where a ` + "`drive.file`" + ` or ` + "`read:user`" + ` token
would have limited the damage to what the user handed over (OWASP LLM06,
excessive agency; API5, broken function-level authorisation).

Scopes are read from ` + "`oauth2.Config{Scopes}`" + `, ` + "`clientcredentials.Config{Scopes}`" + `,
` + "`jwt.Config{Scopes}`" + `, ` + "`google.CredentialsParams{Scopes}`" + `, the scope arguments of
` + "`google.DefaultClient`" + `, ` + "`DefaultTokenSource`" + `, ` + "`FindDefaultCredentials`" + `,
` + "`CredentialsFromJSON`" + `, ` + "`ConfigFromJSON`" + `, ` + "`JWTConfigFromJSON`" + ` and
` + "`option.WithScopes`" + `, through constants (such as ` + "`drive.DriveScope`" + `) and
variables assigned once. GitHub scopes with common names (` + "`user`" + `,
` + "`workflow`" + `) count only when the endpoint is GitHub's. ` + "`.default`" + ` is not
reported for client-credentials flows, where Microsoft requires it.

A finding is a warning, and an error when the package also registers agent
tools (MCP tools, ADK function tools, genkit tools, tool runners), since the
model can then use the token. ` + "`cloud-platform`" + ` asked for by a service account's key
or Application Default Credentials (` + "`google.FindDefaultCredentials`" + `,
` + "`DefaultTokenSource`" + `, ` + "`CredentialsFromJSON`" + `, ` + "`jwt.Config`" + `, ` + "`CredentialsParams`" + `) is a
note: Google recommends that scope for them and limits what the token may
do by the IAM roles of the identity, and most Cloud APIs (Vertex AI among
them) define no narrower scope. Narrow the roles. A user's consent to
` + "`cloud-platform`" + ` (` + "`oauth2.Config`" + ` with Google's endpoint, ` + "`google.ConfigFromJSON`" + `) stays
a finding. Add scopes with the ` + "`broad-scopes`" + ` option and
accept one with ` + "`allowed-scopes`" + `.`,
		Fix: "ask for the narrowest scope that does the job (drive.file, drive.readonly, read:user, public_repo, Files.Read)",
		Bad: `cfg := &oauth2.Config{
	Endpoint: google.Endpoint,
	Scopes:   []string{drive.DriveScope},
}`,
		Good: `cfg := &oauth2.Config{
	Endpoint: google.Endpoint,
	Scopes:   []string{drive.DriveFileScope},
}`,
		Lang:      "go",
		Severity:  lint.SeverityWarning,
		NoteOnly:  "none of its 10 findings judged on real projects was worth acting on; rules.severity sets another level",
		Grades:    "An error when the same package gives a model tools that can use the scope; a note in example code or test scaffolding, whatever the level; a note for cloud-platform in a package that calls Vertex AI or the Gemini API (a host such as aiplatform.googleapis.com in its constants, or their Go client), which accept no narrower scope, and for cloud-platform asked for by a service account's key or Application Default Credentials, whatever the package calls: the IAM roles of the identity are the limit.",
		Precision: "low",
		CWE:       []int{272, 250},
		OWASP:     []string{"LLM06:2025", "API5:2023"},
		Since:     "v0.1.0",
	},
	Options: &options,
}

// Options are the settings of GO305.
type Options struct {
	// BroadScopes are more scopes to report, for any provider, compared
	// without case; "*" matches any text ("admin:*").
	BroadScopes []string `yaml:"broad-scopes"`
	// AllowedScopes are never reported.
	AllowedScopes []string `yaml:"allowed-scopes"`
}

var options = Options{}

// Analyzer is the rule's check; its name is the rule's ID.
var Analyzer = &analysis.Analyzer{
	Name:     "GO305",
	Doc:      "reports OAuth clients that ask for over-broad scopes",
	URL:      Rule.HelpURI(),
	Requires: []*analysis.Analyzer{inspect.Analyzer, agenttool.Analyzer},
	Run:      run,
}

func init() { Rule.Analyzer = Analyzer }

const (
	google    = "google"
	github    = "github"
	microsoft = "microsoft"
)

type scope struct {
	pattern   string // compared without case; "*" matches any text
	provider  string // "" = the scope names its provider itself
	grants    string
	ambiguous bool // a common word: only reported for the provider's endpoint
	exceptFor string
}

var builtin = []scope{
	{pattern: "https://www.googleapis.com/auth/cloud-platform", grants: "every Google Cloud API the identity can use"},
	{pattern: "https://www.googleapis.com/auth/drive", grants: "every file in the user's Drive"},
	{pattern: "https://mail.google.com/", grants: "all of Gmail, including permanent deletion"},
	{pattern: "https://www.googleapis.com/auth/gmail.modify", grants: "reading, sending and deleting all mail"},
	{pattern: "https://www.googleapis.com/auth/admin.directory.*", grants: "administration of the Workspace domain's directory", exceptFor: ".readonly"},
	{pattern: "repo", provider: github, grants: "full control of every private repository"},
	{pattern: "admin:*", provider: github, grants: "administration of organisations, hooks or keys"},
	{pattern: "delete_repo", provider: github, grants: "deleting repositories"},
	{pattern: "write:packages", provider: github, grants: "publishing packages"},
	{pattern: "delete:packages", provider: github, grants: "deleting packages"},
	{pattern: "workflow", provider: github, grants: "changing CI workflows", ambiguous: true},
	{pattern: "user", provider: github, grants: "changing the user's profile", ambiguous: true},
	{pattern: "*.ReadWrite.All", provider: microsoft, grants: "writing that resource for everyone in the tenant"},
	{pattern: "*.FullControl.All", provider: microsoft, grants: "full control of that resource across the tenant"},
	{pattern: "Mail.ReadWrite", provider: microsoft, grants: "reading and changing all of the user's mail"},
	{pattern: ".default", provider: microsoft, grants: "every permission the app has been granted"},
	{pattern: "*/.default", provider: microsoft, grants: "every permission the app has been granted"},
	{pattern: "admin", grants: "administration of the whole workspace"},
}

func glob(pattern, s string) bool {
	re := "(?i)^" + strings.ReplaceAll(regexp.QuoteMeta(pattern), `\*`, ".*") + "$"
	ok, _ := regexp.MatchString(re, s)
	return ok
}

// site is where scopes are requested.
type site struct {
	provider          string
	clientCredentials bool
	// serviceAccount: the credential is Google's Application Default
	// Credentials or a service account's key, not a user's consent.
	serviceAccount bool
}

// judge says what a scope grants, or "" when it is not broad here.
func judge(opts *Options, s string, at site) string {
	for _, a := range opts.AllowedScopes {
		if strings.EqualFold(a, s) {
			return ""
		}
	}
	for _, b := range opts.BroadScopes {
		if glob(b, s) {
			return "listed in broad-scopes"
		}
	}
	for _, b := range builtin {
		if !glob(b.pattern, s) || b.exceptFor != "" && strings.HasSuffix(strings.ToLower(s), b.exceptFor) {
			continue
		}
		if strings.HasSuffix(b.pattern, ".default") && at.clientCredentials {
			continue
		}
		switch {
		case b.provider == "" || b.provider == at.provider:
		case at.provider == "" && !b.ambiguous:
		default:
			continue
		}
		return b.grants
	}
	return ""
}

// configs are the struct types with a Scopes field, with the provider
// they imply.
var configs = []struct {
	pkg, name, provider string
	serviceAccount      bool
}{
	{"golang.org/x/oauth2", "Config", "", false},
	{"golang.org/x/oauth2/clientcredentials", "Config", "", false},
	{"golang.org/x/oauth2/jwt", "Config", google, true},
	{"golang.org/x/oauth2/google", "CredentialsParams", google, true},
}

// userConsent are the scope functions whose credential is a user's
// consent (an OAuth client's JSON), not a service account's or
// Application Default Credentials.
var userConsent = goapi.Set(true, "golang.org/x/oauth2/google.ConfigFromJSON")

// scopeArgs are the functions that take scopes as arguments, from the
// index given.
var scopeArgs = goapi.Table[int]{}.Merge(
	goapi.Set(1, "golang.org/x/oauth2/google.DefaultClient", "golang.org/x/oauth2/google.DefaultTokenSource",
		"golang.org/x/oauth2/google.FindDefaultCredentials", "golang.org/x/oauth2/google.ConfigFromJSON",
		"golang.org/x/oauth2/google.JWTConfigFromJSON", "golang.org/x/oauth2/google.JWTAccessTokenSourceWithScope",
		"golang.org/x/oauth2/google.ComputeTokenSource", "golang.org/x/oauth2/google.AppEngineTokenSource"),
	goapi.Set(2, "golang.org/x/oauth2/google.CredentialsFromJSON"),
	goapi.Set(3, "golang.org/x/oauth2/google.CredentialsFromJSONWithType"),
	goapi.Set(0, "google.golang.org/api/option.WithScopes"),
)

// agentAPIs are calls that give a model tools, beyond those agenttool finds.
var agentAPIs = goapi.Set(true,
	"github.com/firebase/genkit/go/genkit.DefineTool",
	"github.com/firebase/genkit/go/genkit.DefineToolWithInputSchema",
	"(*github.com/anthropics/anthropic-sdk-go.BetaMessageService).NewToolRunner",
	"(*github.com/anthropics/anthropic-sdk-go.BetaMessageService).NewToolRunnerStreaming",
	"github.com/tmc/langchaingo/agents.NewExecutor",
)

type checker struct {
	pass   *analysis.Pass
	values *agenttool.Values
	opts   *Options
	agent  bool
	seen   map[token.Pos]bool
	// onlyScope names a Google API the package calls that accepts no
	// narrower scope than cloud-platform ("" when it calls none).
	onlyScope string
}

// cloudPlatform is the Google scope that grants every Cloud API.
const cloudPlatform = "https://www.googleapis.com/auth/cloud-platform"

// onlyScopeHosts are Google APIs whose OAuth tokens must carry
// cloud-platform: Vertex AI (aiplatform) defines no narrower scope, and
// the Gemini API (generativelanguage) documents cloud-platform for its
// service-account tokens. What such a token may do is set by the IAM
// roles of the identity, not by the scope.
var onlyScopeHosts = []struct{ host, api string }{
	{"aiplatform.googleapis.com", "Vertex AI"},
	{"generativelanguage.googleapis.com", "the Gemini API"},
}

// onlyScopeImports are client packages of those APIs.
var onlyScopeImports = []struct{ prefix, api string }{
	{"cloud.google.com/go/aiplatform", "Vertex AI"},
	{"cloud.google.com/go/vertexai", "Vertex AI"},
	{"google.golang.org/genai", "the Gemini API"},
}

// onlyScopeAPI names the API, among those that accept only cloud-platform,
// that the package calls: by the host in one of its string constants
// (https://us-central1-aiplatform.googleapis.com) or by the client package
// it imports; "" when it calls none.
func onlyScopeAPI(pass *analysis.Pass, ins *inspector.Inspector) string {
	for _, pkg := range pass.Pkg.Imports() {
		for _, im := range onlyScopeImports {
			if pkg.Path() == im.prefix || strings.HasPrefix(pkg.Path(), im.prefix+"/") {
				return im.api
			}
		}
	}
	// Vertex AI before the Gemini API, when a package calls both.
	found := make([]bool, len(onlyScopeHosts))
	for n := range ins.PreorderSeq((*ast.BasicLit)(nil)) {
		lit := n.(*ast.BasicLit)
		if lit.Kind != token.STRING {
			continue
		}
		for i, h := range onlyScopeHosts {
			if strings.Contains(lit.Value, h.host) {
				found[i] = true
			}
		}
	}
	for i, h := range onlyScopeHosts {
		if found[i] {
			return h.api
		}
	}
	return ""
}

func run(pass *analysis.Pass) (any, error) {
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	tools := pass.ResultOf[agenttool.Analyzer].(*agenttool.Result)
	c := &checker{pass: pass, values: tools.Values, opts: Rule.Options.(*Options), agent: len(tools.Tools) > 0, seen: map[token.Pos]bool{}}
	c.onlyScope = onlyScopeAPI(pass, ins)
	if !c.agent {
		for n := range ins.PreorderSeq((*ast.CallExpr)(nil)) {
			if _, _, ok := agentAPIs.Call(pass.TypesInfo, n.(*ast.CallExpr)); ok {
				c.agent = true
				break
			}
		}
	}
	for n := range ins.PreorderSeq((*ast.CompositeLit)(nil), (*ast.CallExpr)(nil), (*ast.AssignStmt)(nil)) {
		switch n := n.(type) {
		case *ast.CompositeLit:
			tv, ok := pass.TypesInfo.Types[n]
			if !ok {
				continue
			}
			for _, cfg := range configs {
				if !goapi.IsType(tv.Type, cfg.pkg, cfg.name) || types.IsInterface(tv.Type) {
					continue
				}
				if _, isPtr := types.Unalias(tv.Type).(*types.Pointer); isPtr {
					continue
				}
				s := site{provider: cfg.provider, clientCredentials: strings.HasSuffix(cfg.pkg, "clientcredentials"), serviceAccount: cfg.serviceAccount}
				if s.provider == "" {
					s.provider = c.endpointProvider(goapi.Keyed(n, "Endpoint"), goapi.Keyed(n, "TokenURL"))
				}
				if v := goapi.Keyed(n, "Scopes"); v != nil {
					c.scopes(v, s)
				}
			}
		case *ast.CallExpr:
			if i, fn, ok := scopeArgs.Call(pass.TypesInfo, n); ok {
				s := site{provider: google, serviceAccount: !userConsent[goapi.Of(fn)]}
				if n.Ellipsis.IsValid() && len(n.Args) == i+1 {
					c.scopes(n.Args[i], s)
					continue
				}
				for _, a := range n.Args[min(i, len(n.Args)):] {
					c.scope(a, s)
				}
			}
		case *ast.AssignStmt:
			if len(n.Lhs) != len(n.Rhs) {
				continue
			}
			for i, lhs := range n.Lhs {
				sel, ok := lhs.(*ast.SelectorExpr)
				if !ok || sel.Sel.Name != "Scopes" {
					continue
				}
				t := pass.TypesInfo.TypeOf(sel.X)
				for _, cfg := range configs {
					if goapi.IsType(t, cfg.pkg, cfg.name) {
						c.scopes(n.Rhs[i], site{provider: cfg.provider, clientCredentials: strings.HasSuffix(cfg.pkg, "clientcredentials"), serviceAccount: cfg.serviceAccount})
					}
				}
			}
		}
	}
	return nil, nil
}

// scopes checks a []string expression: a literal, append(...), or a
// variable holding one.
func (c *checker) scopes(e ast.Expr, s site) {
	switch v := c.values.Resolve(e).(type) {
	case *ast.CompositeLit:
		for _, el := range v.Elts {
			c.scope(el, s)
		}
	case *ast.CallExpr:
		if id, ok := ast.Unparen(v.Fun).(*ast.Ident); ok && id.Name == "append" {
			if _, builtin := c.pass.TypesInfo.Uses[id].(*types.Builtin); builtin && len(v.Args) > 0 {
				c.scopes(v.Args[0], s)
				if v.Ellipsis.IsValid() {
					c.scopes(v.Args[len(v.Args)-1], s)
					return
				}
				for _, a := range v.Args[1:] {
					c.scope(a, s)
				}
			}
		}
	}
}

func (c *checker) scope(e ast.Expr, s site) {
	r := c.values.Resolve(e)
	name := goapi.ConstString(c.pass.TypesInfo, r)
	if name == "" || c.seen[r.Pos()] {
		return
	}
	grants := judge(c.opts, name, s)
	if grants == "" {
		return
	}
	c.seen[r.Pos()] = true
	pos := e.Pos()
	if c.onlyScope != "" && strings.EqualFold(name, cloudPlatform) {
		// The API the package calls accepts no narrower scope: the IAM
		// roles of the identity are the limit, and there is nothing to
		// change in the code.
		goapi.NewGrade(goapi.Warning).LowerTo(goapi.Note, c.onlyScope+" accepts no narrower scope; the IAM roles of the identity are the limit").Report(c.pass,
			analysis.Diagnostic{Pos: pos, Message: "OAuth scope " + quote(name) + " grants " + grants})
		return
	}
	if s.serviceAccount && strings.EqualFold(name, cloudPlatform) {
		// Google's advice for service accounts and Application Default
		// Credentials: ask for cloud-platform and limit the identity with
		// IAM roles; most Cloud APIs define no narrower scope.
		goapi.NewGrade(goapi.Warning).LowerTo(goapi.Note, "the credential is a service account's or Application Default Credentials, for which Google recommends cloud-platform and limits what the token may do by the IAM roles of the identity: narrow those roles, not the scope").Report(c.pass,
			analysis.Diagnostic{Pos: pos, Message: "OAuth scope " + quote(name) + " grants " + grants})
		return
	}
	if c.agent {
		goapi.NewGrade(goapi.Warning).Raise("this package gives a model tools that can use it").LowerPlace(goapi.PlacePath(c.pass)).Report(c.pass,
			analysis.Diagnostic{Pos: pos, Message: "OAuth scope " + quote(name) + " grants " + grants})
		return
	}
	goapi.Reportf(c.pass, goapi.Warning, pos, "OAuth scope %s grants %s", quote(name), grants)
}

func quote(s string) string { return `"` + s + `"` }

// endpointProvider names the provider of an oauth2.Endpoint value or a
// token URL: github, google, microsoft, slack; "" when unknown.
func (c *checker) endpointProvider(endpoint, tokenURL ast.Expr) string {
	info := c.pass.TypesInfo
	if tokenURL != nil {
		return hostProvider(goapi.ConstString(info, c.values.Resolve(tokenURL)))
	}
	switch e := c.values.Resolve(endpoint).(type) {
	case *ast.SelectorExpr:
		if v, ok := info.Uses[e.Sel].(*types.Var); ok && v.Pkg() != nil && strings.HasPrefix(v.Pkg().Path(), "golang.org/x/oauth2/") {
			name := v.Pkg().Name()
			if name == "endpoints" {
				name = strings.ToLower(v.Name())
			}
			return providerName(name)
		}
	case *ast.CallExpr:
		if fn := goapi.Callee(info, e); fn != nil && strings.Contains(fn.Name(), "AzureAD") {
			return microsoft
		}
	case *ast.CompositeLit:
		for _, f := range []string{"TokenURL", "AuthURL"} {
			if p := hostProvider(goapi.ConstString(info, c.values.Resolve(goapi.Keyed(e, f)))); p != "" {
				return p
			}
		}
	}
	return ""
}

func providerName(name string) string {
	switch name {
	case "github", "google", "slack", "gitlab":
		return name
	case "microsoft", "azuread", "liveconnect":
		return microsoft
	}
	return name
}

func hostProvider(url string) string {
	u := strings.ToLower(url)
	switch {
	case strings.Contains(u, "github.com"):
		return github
	case strings.Contains(u, "google"):
		return google
	case strings.Contains(u, "microsoftonline") || strings.Contains(u, "login.live.com"):
		return microsoft
	case strings.Contains(u, "slack.com"):
		return "slack"
	}
	return ""
}
