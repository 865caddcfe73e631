package oas105_test

import (
	"strings"
	"testing"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/ruletest"
	"github.com/apiaudit/apiaudit/rules/oas105"
)

func TestRule(t *testing.T) {
	if err := oas105.Rule.Validate(); err != nil {
		t.Fatal(err)
	}
	ruletest.Run(t, oas105.Rule)
}

// TestSeverity checks that the implicit flow is an error (the default) and
// the password flow a note.
func TestSeverity(t *testing.T) {
	findings, _ := ruletest.Findings(t, oas105.Rule, "testdata/bad31.yaml")
	for _, f := range findings {
		want := lint.SeverityDefault
		if strings.Contains(f.Message, "password flow") {
			want = lint.SeverityNote
		}
		if f.Severity != want {
			t.Errorf("%s: severity %v, want %v", f.Message, f.Severity, want)
		}
	}
	if len(findings) != 2 {
		t.Errorf("got %d findings, want 2", len(findings))
	}
}

// TestProvider checks that an implicit flow at a well-known identity
// provider's authorize endpoint is a note, and that one at the API's own
// authorization server (or a host that only looks like the provider's)
// stays an error.
func TestProvider(t *testing.T) {
	findings, _ := ruletest.Findings(t, oas105.Rule, "testdata/provider.yaml")
	if len(findings) != 3 {
		t.Fatalf("got %d findings, want 3", len(findings))
	}
	for _, f := range findings {
		want := lint.SeverityDefault
		if strings.Contains(f.Message, `"azure_auth"`) {
			want = lint.SeverityNote
		}
		if f.Severity != want {
			t.Errorf("%s: severity %v, want %v", f.Message, f.Severity, want)
		}
	}
}

// TestPlaceholder checks that an implicit flow whose authorizationUrl is a
// single-label placeholder is a note, and one at a real host stays an error.
func TestPlaceholder(t *testing.T) {
	ruletest.Graded(t, oas105.Rule, "testdata/placeholder.yaml", 2, lint.SeverityDefault,
		map[string]lint.Severity{"single-label name": lint.SeverityNote})
}
