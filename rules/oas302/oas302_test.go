package oas302

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

// TestResources checks that a read needing a write scope is a warning when
// the document has a read scope about the same thing, and a note when it
// has none (the API offers no narrower way in).
func TestResources(t *testing.T) {
	ruletest.Severities(t, Rule, map[string]lint.Severity{
		"get /settings": lint.SeverityDefault,
		"get /links":    lint.SeverityNote,
		"get /contacts": lint.SeverityNote,
	}, "testdata/resources.yaml")
}
