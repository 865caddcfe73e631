package oas208

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

// TestPerOperation checks the per-operation option: every operation without
// a 429 is reported, even where none has one.
func TestPerOperation(t *testing.T) {
	defer func(o Options) { options = o }(options)
	options.PerOperation = true
	ruletest.Run(t, Rule, "testdata/options/per-operation.yaml")
}

// TestSeverity checks that findings are notes, and warnings in documents
// written for agents.
func TestSeverity(t *testing.T) {
	for file, want := range map[string]lint.Severity{
		"testdata/bad.yaml":   lint.SeverityNote,
		"testdata/bad31.yaml": lint.SeverityWarning,
	} {
		findings, _ := ruletest.Findings(t, Rule, file)
		for _, f := range findings {
			if f.Severity != want {
				t.Errorf("%s: %s: severity %v, want %v", file, f.Message, f.Severity, want)
			}
		}
	}
}
