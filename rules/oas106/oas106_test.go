package oas106_test

import (
	"testing"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/ruletest"
	"github.com/apiaudit/apiaudit/rules/oas106"
)

func TestRule(t *testing.T) {
	if err := oas106.Rule.Validate(); err != nil {
		t.Fatal(err)
	}
	ruletest.Run(t, oas106.Rule)
}

// TestGrades checks which shared credentials make a warning: scoped ones
// (OAuth 2, or a scheme the document gives roles) stay warnings, a bearer
// token that carries no scope or role anywhere in the document is a note.
func TestGrades(t *testing.T) {
	ruletest.Severities(t, oas106.Rule, map[string]lint.Severity{
		"post /admin/refunds looks":              lint.SeverityNote,
		"post /ledger/rebuild looks":             lint.SeverityNote,
		"post /merchants/{id}/impersonate looks": lint.SeverityDefault,
		"post /internal/agencies looks":          lint.SeverityDefault,
		"get /internal/agencies looks":           lint.SeverityNote,
		"post /management/payouts looks":         lint.SeverityNote,
		"get /bookings/export looks":             lint.SeverityNote,
		"delete /v1/admin/keys/{id} looks":       lint.SeverityDefault,
		"get /v1/prompts/dump looks":             lint.SeverityDefault,
	})
}
