package authn

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/apiaudit/apiaudit/pkg/ruletest"
)

// TestFacts checks the kind found for each function: through helpers of
// the same package declared after their callers (several rounds), through
// another package's facts, and not for code that registers routes.
func TestFacts(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), Analyzer, "a")
}

// TestChoices checks the Choice facts of constructors that return an
// interface value: each concrete type with the condition it is returned
// under, early returns negated.
func TestChoices(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), Analyzer, "choice")
}

// TestFuncValues checks authentication through function values taken
// from tables (a slice of structs, a literal in a map, another package's
// map of unexported checks), and silence for values received as
// parameters and for tables whose functions check nothing.
func TestFuncValues(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), Analyzer, "fv")
}

// TestWalkOnce checks that a literal's body is walked once however many
// calls of function values may run it: seven levels of three literals,
// each calling a value of the next level twice, took 3^7 walks of the
// last level's bodies (and twice that again for each body's bypass
// check) when every call walked every candidate anew.
func TestWalkOnce(t *testing.T) {
	results := analysistest.Run(t, analysistest.TestData(), Analyzer, "nested")
	r := results[0].Result.(*Result)
	// 21 literals, each walked in the first phase with and without the
	// deferred callback (its bypass check walks its statements), plus
	// the package's own functions and variables' statements.
	if r.walks > 200 {
		t.Errorf("%d walks for 21 literals: bodies are walked again for each call that may run them", r.walks)
	}
	t.Logf("%d walks", r.walks)
}

// TestInterfaces checks authentication through interface methods: by the
// implementations the package can see (in another package: all must read
// a credential), by the method's name when none is in sight, and never
// for a middleware that hands a request failing the method on.
func TestInterfaces(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), Analyzer, "ifauth")
}

// TestWalkCycle checks that literals that may run one another (options
// applying options, as in signoz-mcp-server's tool annotations) are
// walked a number of times that grows with their count, not with the
// number of paths between them: a walk during which a literal was left
// out because it reaches itself was kept nowhere, so every call walked
// every candidate again, recursively: with nine literals here the test
// did not end in minutes, and the scan of that project never ended.
func TestWalkCycle(t *testing.T) {
	results := analysistest.Run(t, analysistest.TestData(), Analyzer, "cycle")
	r := results[0].Result.(*Result)
	if r.walks > 2000 {
		t.Errorf("%d walks for 7 literals: walks inside a cycle are repeated for each path", r.walks)
	}
	t.Logf("%d walks", r.walks)
}

// TestHostHeaders checks that in a plugin of a host (goapi.Hosts) a
// middleware that turns away requests without the host's identity header
// checks credentials, a plugin-to-plugin one as such, and that the same
// code in an ordinary package checks nothing.
func TestHostHeaders(t *testing.T) {
	ruletest.RunGo(t, Analyzer, "mmhost", "notahost")
}

// TestAuthName: a wrapper of another package counts as auth by its name
// only when a word of it names a credential and the next word does not
// say it is about something else.
func TestAuthName(t *testing.T) {
	for name, want := range map[string]bool{
		"RequireAuth":          true,
		"JWTMiddleware":        true,
		"OAuth2Handler":        true,
		"RequireAPIKey":        true,
		"KeyAuth":              true,
		"XAPIKey":              true,
		"CheckAPIKeys":         true,
		"JwtAuth":              true,
		"Authenticator":        true,
		"SessionMiddleware":    true,
		"BearerToken":          true,
		"SessionIDMiddleware":  false,
		"TokenUsageMiddleware": false,
		"TokenRateLimit":       false,
		"Tokenizer":            false,
		"NoAuthMiddleware":     false,
		"SkipAuth":             false,
		"OptionalAuth":         false,
		"Logging":              false,
		"CORS":                 false,
	} {
		if got := authName(name); got != want {
			t.Errorf("authName(%q) = %v, want %v", name, got, want)
		}
	}
}
