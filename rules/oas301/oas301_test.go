package oas301

import (
	"strings"
	"testing"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/ruletest"
)

func TestRule(t *testing.T) {
	if err := Rule.Validate(); err != nil {
		t.Fatal(err)
	}
	ruletest.Run(t, Rule)
}

// TestMultiFile checks that a scope declared in another file is reported
// where it is written.
func TestMultiFile(t *testing.T) {
	ruletest.Run(t, Rule, "testdata/multi/api.yaml")
}

// TestSeverity checks that tenant-wide scopes and catch-alls no operation
// requires are notes, and the other catch-alls warnings (the rule's
// default).
func TestSeverity(t *testing.T) {
	findings, _ := ruletest.Findings(t, Rule, "testdata/bad.yaml")
	for _, f := range findings {
		want := lint.SeverityDefault
		if strings.Contains(f.Message, "tenant-wide") || strings.Contains(f.Message, "not required by any operation") {
			want = lint.SeverityNote
		}
		if f.Severity != want {
			t.Errorf("%s: severity %v, want %v", f.Message, f.Severity, want)
		}
	}
}

func TestJudge(t *testing.T) {
	for _, tc := range []struct {
		name, description, reason string
	}{
		{"admin", "", "catch-all name"},
		{"https://example.com/auth/admin", "", "catch-all name"},
		{"ADMIN", "", "catch-all name"},
		{"write:*", "", "wildcard"},
		{"*:write", "", "wildcard"},
		{"reports", "Full access", `described as "Full access"`},
		{"reports", "Full access to all resources", `described as "all resources"`},
		{"reports", "Full access to your account.", `described as "Full access to your account"`},
		{"reports", "Full access to your reports", ""},
		{"reports", "Full control over your playlists", ""},
		{"reports", "Unrestricted access to the ledger", `described as "Unrestricted"`},
		{"admin:org", "Manage the organization", ""},
		{"appengine.admin", "", ""},
		{"calls:install", "", ""},
		{"User.Read.All", "", `suffix ".All" reaches every user or resource of the tenant`},
	} {
		if got := judge(&options, tc.name, tc.description).reason; got != tc.reason {
			t.Errorf("judge(%q, %q) = %q, want %q", tc.name, tc.description, got, tc.reason)
		}
	}
}

// TestRoles checks that admin among scopes that all name roles is a note,
// and admin beside resource scopes stays a warning.
func TestRoles(t *testing.T) {
	ruletest.Graded(t, Rule, "testdata/roles.yaml", 2, lint.SeverityDefault, map[string]lint.Severity{`"OAuth2"`: lint.SeverityNote})
}
