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
// OAS102's finding, and a Java character class are notes here, while a
// pattern no dialect reads stays a warning.
func TestDuplicateIsNote(t *testing.T) {
	findings, _ := ruletest.Findings(t, oas500.Rule, "testdata/patterns.yaml")
	notes := 0
	for _, f := range findings {
		if f.Severity == lint.SeverityNote {
			notes++
		}
	}
	if len(findings) != 4 || notes != 3 {
		t.Errorf("got %v, want one warning (the unclosed class) and three notes (the Java class, the undefined scheme, the empty externalDocs url)", findings)
	}
}
