package oas202

import (
	"testing"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/ruletest"
)

// TestSeverity checks how findings are graded: each finding's message
// starts with one of the keys, whose severity it must have.
func TestSeverity(t *testing.T) {
	want := map[string]lint.Severity{
		"query parameter":  lint.SeverityNote,
		"post ":            lint.SeverityWarning,
		"schema Campaign.": lint.SeverityWarning,
		"schema Booking":   lint.SeverityWarning,
		// Contact is an item of the imported batch: its own arrays are
		// part of each stored contact, capped by the body size.
		"schema Contact.": lint.SeverityNote,
	}
	ruletest.Severities(t, Rule, want)
}

// TestExposure checks the criterion of docs/precision.md: a batch is a
// warning only where anyone may send it.
func TestExposure(t *testing.T) {
	ruletest.Severities(t, Rule, map[string]lint.Severity{
		"post /v1/contacts/import": lint.SeverityNote,
		"post /v1/signups":         lint.SeverityWarning,
	}, "testdata/exposure.yaml")
}

// TestOptionalThroughout checks that an input of an operation whose own
// requirements offer {} is a note when every requirement the document
// writes does (optional authentication by design); exposure.yaml keeps the
// warning where the document requires credentials elsewhere.
func TestOptionalThroughout(t *testing.T) {
	ruletest.Severities(t, Rule, map[string]lint.Severity{
		"post /files/compose": lint.SeverityNote,
	}, "testdata/optional-throughout.yaml")
}
