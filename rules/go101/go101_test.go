package go101

import (
	"testing"

	"github.com/apiaudit/apiaudit/pkg/ruletest"
)

func TestRule(t *testing.T) {
	if err := Rule.Validate(); err != nil {
		t.Fatal(err)
	}
	ruletest.RunGo(t, Analyzer, "a", "b", "d", "examples/app", "mount", "tuple", "cond", "local", "iface", "field", "ifcall", "capurl", "localui", "localcors", "signin", "readpost", "chain", "authcall", "sessauth", "ginsess", "authgate", "sigcheck", "firstrun")
}

// TestOptions: a user-named auth middleware counts as auth, also when a
// handler calls it, and public paths are never reported.
func TestOptions(t *testing.T) {
	saved := options
	t.Cleanup(func() { options = saved })
	options.AuthMiddleware = []string{"authmw.Gate"}
	options.PublicPaths = append([]string{"/public/*"}, options.PublicPaths...)
	ruletest.RunGo(t, Analyzer, "c")
}

// TestAuthEndpoint: the steps of signing in are named by the path's last
// segment; token, revoke, introspect and register only at the root or
// under an auth area, and never the authorization endpoint.
func TestAuthEndpoint(t *testing.T) {
	for route, want := range map[string]string{
		"/api/auth/login":             "a login endpoint",
		"/v1/users/sign_in":           "a login endpoint",
		"/auth/:provider/callback":    "a sign-in callback",
		"/token":                      "an OAuth token endpoint",
		"/oauth/token":                "an OAuth token endpoint",
		"/connect/introspect":         "a token introspection endpoint",
		"/api/forgot-password":        "a password-reset endpoint",
		"/authorize":                  "",
		"/api/tokens":                 "",
		"/api/token":                  "",
		"/agents/register":            "",
		"/login/history":              "",
		"/":                           "",
		"/users/:id/callbacks/:cb_id": "",
	} {
		if got := authEndpoint(route); got != want {
			t.Errorf("authEndpoint(%q) = %q, want %q", route, got, want)
		}
	}
}

// TestSessionEndpoint: a session resource below an account or an auth
// area is signing in (POST) and out (DELETE); a chat or agent session is
// not.
func TestSessionEndpoint(t *testing.T) {
	for _, c := range []struct{ method, route, want string }{
		{"POST", "/api/v1/system/admin/session", "a login endpoint (it creates a session)"},
		{"DELETE", "/auth/sessions", "a logout endpoint (it ends a session)"},
		{"POST", "/users/session", "a login endpoint (it creates a session)"},
		{"GET", "/users/session", ""},
		{"POST", "/api/chat/sessions", ""},
		{"POST", "/agents/{id}/sessions", ""},
		{"POST", "/session", ""},
	} {
		if got := sessionEndpoint(c.method, c.route); got != c.want {
			t.Errorf("sessionEndpoint(%q, %q) = %q, want %q", c.method, c.route, got, c.want)
		}
	}
}
