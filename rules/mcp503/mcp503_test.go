package mcp503_test

import (
	"testing"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/ruletest"
	"github.com/apiaudit/apiaudit/rules/mcp503"
)

func TestMCP503(t *testing.T) { ruletest.RunClient(t, mcp503.Rule) }

// TestPlaceGrades checks that an unpinned server in example code is a note,
// and one in a configuration someone runs a warning.
func TestPlaceGrades(t *testing.T) {
	for file, want := range map[string]lint.Severity{
		"testdata/examples/mcp.json":            lint.SeverityNote,
		"testdata/codex/config.toml":            lint.SeverityWarning,
		"testdata/continue/playwright-mcp.yaml": lint.SeverityWarning,
	} {
		for _, f := range ruletest.ClientFindings(t, mcp503.Rule, file) {
			if f.Severity != want {
				t.Errorf("%s: %s: severity %s, want %s", file, f.Message, f.Severity, want)
			}
		}
	}
}
