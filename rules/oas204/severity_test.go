package oas204

import (
	"testing"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/ruletest"
)

// TestSeverity checks how findings are graded: each finding's message
// starts with one of the keys, whose severity it must have.
func TestSeverity(t *testing.T) {
	want := map[string]lint.Severity{
		"query parameter":                 lint.SeverityNote,
		"post ":                           lint.SeverityWarning,
		"schema EvaluationContext":        lint.SeverityWarning,
		"schema ChargeRequest.attributes": lint.SeverityWarning,
		// Labels and metadata are conventional small maps that servers
		// cap (Stripe: 50 keys): notes that say so.
		"schema ChargeRequest.metadata": lint.SeverityNote,
	}
	ruletest.Severities(t, Rule, want)
}
