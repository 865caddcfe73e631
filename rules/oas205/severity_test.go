package oas205

import (
	"testing"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/ruletest"
)

// TestExposure checks the criterion of docs/precision.md: an upload is a
// warning only where anyone may send it.
func TestExposure(t *testing.T) {
	ruletest.Severities(t, Rule, map[string]lint.Severity{
		"post /v1/files":         lint.SeverityNote,
		"put /v1/public/avatars": lint.SeverityWarning,
	}, "testdata/exposure.yaml")
}

// TestOptionalThroughout checks that an input of an operation whose own
// requirements offer {} is a note when every requirement the document
// writes does (optional authentication by design); exposure.yaml keeps the
// warning where the document requires credentials elsewhere.
func TestOptionalThroughout(t *testing.T) {
	ruletest.Severities(t, Rule, map[string]lint.Severity{
		"post /files": lint.SeverityNote,
	}, "testdata/optional-throughout.yaml")
}
