package oas303

import (
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

// TestGrade checks that a requirement with finer scopes left unused is a
// warning, and one whose scheme declares no other scope a note.
func TestGrade(t *testing.T) {
	for file, want := range map[string]lint.Severity{
		"testdata/bad.yaml":   lint.SeverityDefault,
		"testdata/bad20.yaml": lint.SeverityNote,
	} {
		findings, _ := ruletest.Findings(t, Rule, file)
		if len(findings) != 1 || findings[0].Severity != want {
			t.Errorf("%s: %v, want one finding of severity %v", file, findings, want)
		}
	}
}
