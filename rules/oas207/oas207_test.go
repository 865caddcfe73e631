package oas207

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

// TestPayerSeverities checks the grades the messages state: a warning
// where anyone may send the field, a note where an authenticated caller,
// a billing gateway or the vendor pays.
func TestPayerSeverities(t *testing.T) {
	ruletest.Severities(t, Rule, map[string]lint.Severity{
		"schema AskRequest.max_tokens":                lint.SeverityDefault,
		"schema SettingsRequest.max_output_tokens":    lint.SeverityNote,
		`query parameter "top_k" of get /search`:      lint.SeverityDefault,
		`query parameter "num_results" of get /me/`:   lint.SeverityNote,
		"post /v1/chat/completions request body .max": lint.SeverityNote,
	}, "testdata/payer.yaml", "testdata/gateway.yaml")
	if Rule.Doc.Severity != lint.SeverityWarning {
		t.Errorf("default severity %v, want warning: no judged finding was a true positive at error", Rule.Doc.Severity)
	}
}
