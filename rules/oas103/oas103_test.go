package oas103_test

import (
	"strings"
	"testing"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/ruletest"
	"github.com/apiaudit/apiaudit/rules/oas103"
)

func TestRule(t *testing.T) {
	if err := oas103.Rule.Validate(); err != nil {
		t.Fatal(err)
	}
	ruletest.Run(t, oas103.Rule)
}

// TestSeverity checks the grading: weak registered schemes are notes (the
// API's design), an unregistered scheme name a warning.
func TestSeverity(t *testing.T) {
	findings, _ := ruletest.Findings(t, oas103.Rule, "testdata/bad.yaml")
	if len(findings) != 6 {
		t.Fatalf("got %d findings, want 6", len(findings))
	}
	for _, f := range findings {
		want := lint.SeverityNote
		if strings.Contains(f.Message, "not a registered") {
			want = lint.SeverityDefault
		}
		if f.Severity != want {
			t.Errorf("%s: severity %v, want %v", f.Message, f.Severity, want)
		}
	}
}
