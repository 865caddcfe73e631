package oas402

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

// TestExposure checks the bounds criterion: an untyped field that anyone may
// send is a warning, one that only authenticated callers send a note.
func TestExposure(t *testing.T) {
	findings, _ := ruletest.Findings(t, Rule, "testdata/exposure.yaml")
	want := map[string]lint.Severity{".rating": lint.SeverityDefault, ".note": lint.SeverityNote}
	if len(findings) != len(want) {
		t.Fatalf("got %d findings, want %d: %v", len(findings), len(want), findings)
	}
	for _, f := range findings {
		for field, sev := range want {
			if strings.Contains(f.Message, field+" has no type") && f.Severity != sev {
				t.Errorf("%s: severity %v, want %v", f.Message, f.Severity, sev)
			}
		}
	}
}
