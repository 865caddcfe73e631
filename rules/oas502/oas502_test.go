package oas502

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

// TestSeverity checks the grading: an error when credentials cross the
// cleartext server, a warning when none do.
func TestSeverity(t *testing.T) {
	findings, _ := ruletest.Findings(t, Rule, "testdata/bad.yaml")
	for _, f := range findings {
		want := lint.SeverityDefault // the rule's default: error
		if strings.HasSuffix(f.Message, "uses cleartext http") {
			want = lint.SeverityWarning
		}
		if f.Severity != want {
			t.Errorf("%s: severity %v, want %v", f.Message, f.Severity, want)
		}
	}
}
