package oas201

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

// TestParameters checks the parameters option: query and cookie strings are
// reported, as notes; path and header strings still are not.
func TestParameters(t *testing.T) {
	defer func(o Options) { options = o }(options)
	options.Parameters = true
	ruletest.Run(t, Rule, "testdata/options/params.yaml")
	findings, _ := ruletest.Findings(t, Rule, "testdata/options/params.yaml")
	for _, f := range findings {
		if f.Severity != lint.SeverityNote {
			t.Errorf("%s: severity %v, want note", f.Message, f.Severity)
		}
	}
}

// TestGrades checks the grading of body strings: free text is a warning;
// identifiers, limits stated in prose and generated copies are notes.
func TestGrades(t *testing.T) {
	ruletest.Severities(t, Rule, map[string]lint.Severity{
		"post /v1/tickets request body .description": lint.SeverityWarning,
		"post /v1/tickets request body .customer_id": lint.SeverityNote,
		"post /v1/tickets request body .comment":     lint.SeverityNote,
		"put /v1/tickets/{id} request body":          lint.SeverityNote,
	}, "testdata/grades.yaml")
}

// TestExposure checks the criterion of docs/precision.md: free text is a
// warning only where anyone may send it (an operation that needs no
// credentials, in a document that declares authentication); what only
// authenticated callers send, or what a document without authentication
// takes, is a note that says why.
func TestExposure(t *testing.T) {
	ruletest.Severities(t, Rule, map[string]lint.Severity{
		"post /v1/notes request body .comment":    lint.SeverityNote,
		"post /v1/feedback request body .message": lint.SeverityWarning,
	}, "testdata/exposure.yaml", "testdata/undeclared.yaml", "testdata/unwritten.yaml", "testdata/rootoff.yaml")
}
