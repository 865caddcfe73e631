package oas206

import (
	"testing"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/ruletest"
)

// TestSeverity checks how findings are graded: each finding's message
// starts with one of the keys, whose severity it must have.
func TestSeverity(t *testing.T) {
	want := map[string]lint.Severity{
		"query parameter \"limit\" of get /v1/articles": lint.SeverityNote,
		"query parameter \"limit\" of get /hotels":      lint.SeverityDefault,
		"query parameter \"per_page\"":                  lint.SeverityDefault,
		"query parameter \"$top\"":                      lint.SeverityDefault,
		"query parameter \"maxResults\"":                lint.SeverityDefault,
		"query parameter \"page_size\"":                 lint.SeverityDefault,
	}
	ruletest.Severities(t, Rule, want)
}

// TestExposure checks the criterion of docs/precision.md: a page size is a
// warning only where anyone may send it.
func TestExposure(t *testing.T) {
	ruletest.Severities(t, Rule, map[string]lint.Severity{
		"query parameter \"limit\"":     lint.SeverityNote,
		"query parameter \"page_size\"": lint.SeverityDefault,
	}, "testdata/exposure.yaml")
}
