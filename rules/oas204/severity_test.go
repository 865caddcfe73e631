package oas204

import (
	"testing"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/ruletest"
)

// TestSeverity checks how findings are graded: each finding's message
// starts with one of the keys, whose severity it must have.
func TestSeverity(t *testing.T) {
	// Every open map is a note (the rule's default): see the rule's Grades.
	want := map[string]lint.Severity{
		"query parameter": lint.SeverityDefault,
		"post ":           lint.SeverityDefault,
		"schema ":         lint.SeverityDefault,
	}
	ruletest.Severities(t, Rule, want)
}
