package oas500_test

import (
	"testing"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/ruletest"
	"github.com/apiaudit/apiaudit/rules/oas500"
)

func TestRule(t *testing.T) {
	ruletest.Run(t, oas500.Rule)
}

// TestDuplicateIsNote checks that the validator's undefined-scheme error,
// OAS102's finding, is a note here.
func TestDuplicateIsNote(t *testing.T) {
	findings, _ := ruletest.Findings(t, oas500.Rule, "testdata/patterns.yaml")
	notes := 0
	for _, f := range findings {
		if f.Severity == lint.SeverityNote {
			notes++
		}
	}
	if len(findings) != 3 || notes != 2 {
		t.Errorf("got %v, want one warning (the Java class) and two notes (the undefined scheme, the empty externalDocs url)", findings)
	}
}
