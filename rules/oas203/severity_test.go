package oas203

import (
	"testing"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/ruletest"
)

// TestSeverity checks how findings are graded: each finding's message
// starts with one of the keys, whose severity it must have.
func TestSeverity(t *testing.T) {
	want := map[string]lint.Severity{
		"query parameter \"retries\"":             lint.SeverityWarning,
		"query parameter \"nights\"":              lint.SeverityWarning,
		"schema Order.tip_percent":                lint.SeverityNote,
		"schema Order.priority":                   lint.SeverityNote,
		"schema OrderLine.quantity":               lint.SeverityWarning,
		"schema OrderLine.size":                   lint.SeverityWarning,
		"schema OrderLine.unit_amount":            lint.SeverityWarning,
		"post /v1/rides request body .seats":      lint.SeverityWarning,
		"post /v1/rides request body .radius_km":  lint.SeverityWarning,
		"post /reservations request body .guests": lint.SeverityWarning,
	}
	ruletest.Severities(t, Rule, want)
}

// TestExposure checks the criterion of docs/precision.md: a quantity is a
// warning only where anyone may send it.
func TestExposure(t *testing.T) {
	ruletest.Severities(t, Rule, map[string]lint.Severity{
		"query parameter \"quantity\"": lint.SeverityNote,
		"query parameter \"nights\"":   lint.SeverityWarning,
	}, "testdata/exposure.yaml")
}

// TestOptionalThroughout checks that an input of an operation whose own
// requirements offer {} is a note when every requirement the document
// writes does (optional authentication by design); exposure.yaml keeps the
// warning where the document requires credentials elsewhere.
func TestOptionalThroughout(t *testing.T) {
	ruletest.Severities(t, Rule, map[string]lint.Severity{
		"query parameter \"maxWaitMs\"": lint.SeverityNote,
	}, "testdata/optional-throughout.yaml")
}

// TestAuthorization checks that a quantity only OAuth 2.0 authorization
// requests take is a note, and the same name elsewhere a warning.
func TestAuthorization(t *testing.T) {
	ruletest.Severities(t, Rule, map[string]lint.Severity{
		"query parameter \"max_age\" of get /oauth2/authorize": lint.SeverityNote,
		"query parameter \"max_age\" of get /sessions/extend":  lint.SeverityWarning,
	}, "testdata/authorize.yaml")
}

// TestLinkToken checks that what an operation open by the document's word
// takes is a note when the operation authenticates in its path (a
// webhook's token), and a warning under an operation anyone may call.
func TestLinkToken(t *testing.T) {
	ruletest.Severities(t, Rule, map[string]lint.Severity{
		"schema Card.width":    lint.SeverityNote,
		"schema Poll.duration": lint.SeverityWarning,
	}, "testdata/link-token.yaml")
}
