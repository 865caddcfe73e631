package oas508

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

// TestCopiedBody checks that a DELETE requiring its PUT's body is a
// warning, and that other DELETE bodies stay the document's one note.
func TestCopiedBody(t *testing.T) {
	ruletest.Severities(t, Rule, map[string]lint.Severity{
		"delete /indexes/{uid}/settings/stop-words requires": lint.SeverityDefault,
		"delete /groups/{id}/members takes":                  lint.SeverityNote,
	}, "testdata/copied.yaml")
}
