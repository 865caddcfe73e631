package oas404

import (
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/load/openapi"
	"github.com/apiaudit/apiaudit/pkg/ruletest"
)

func TestRule(t *testing.T) {
	if err := Rule.Validate(); err != nil {
		t.Fatal(err)
	}
	ruletest.Run(t, Rule)
}

func TestSelfService(t *testing.T) {
	for _, tc := range []struct {
		method, path, id string
		want             bool
	}{
		{"patch", "/me", "", true},
		{"put", "/v1/users/me", "", true},
		{"patch", "/users/current/profile", "", true},
		{"post", "/auth/signup", "", true},
		{"post", "/identity/api/auth/sign-up", "", true},
		{"post", "/users", "registerUser", true},
		{"post", "/users", "signUp", true},
		{"patch", "/users/{id}", "updateMyProfile", true},
		{"patch", "/user", "updateAuthenticatedUser", true},
		{"put", "/account/settings", "", true},

		{"get", "/me", "", false},
		{"delete", "/me", "", false},
		{"post", "/me/chats", "me.CreateChats", false},
		{"patch", "/me/calendars/{id}", "", false},
		{"patch", "/users/{id}", "updateUser", false},
		{"post", "/accounts", "createAccount", false},
		{"put", "/settings/{key}", "", false},
	} {
		op := openapi.Operation{Method: tc.method, Path: tc.path, Op: &openapi3.Operation{OperationID: tc.id}}
		if got := selfService(op); got != tc.want {
			t.Errorf("selfService(%s %s %q) = %v, want %v", tc.method, tc.path, tc.id, got, tc.want)
		}
	}
}

// TestAudit checks that created_by on the caller's own account is a note
// and a role beside it stays a warning.
func TestAudit(t *testing.T) {
	ruletest.Graded(t, Rule, "testdata/audit.yaml", 2, lint.SeverityDefault, map[string]lint.Severity{`"createdBy"`: lint.SeverityNote})
}
