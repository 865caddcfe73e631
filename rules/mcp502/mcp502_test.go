package mcp502_test

import (
	"strings"
	"testing"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/ruletest"
	"github.com/apiaudit/apiaudit/rules/mcp502"
)

func TestMCP502(t *testing.T) { ruletest.RunClient(t, mcp502.Rule) }

// TestGrades checks the severity of each finding: credentials on the wire
// raise it one step, a private host lowers it one.
func TestGrades(t *testing.T) {
	want := map[string]lint.Severity{
		`"tickets"`: lint.SeverityError,
		`"docs"`:    lint.SeverityWarning,
		`"lab"`:     lint.SeverityNote,
		`"compose"`: lint.SeverityWarning,
		`"bridge"`:  lint.SeverityWarning,
		`"socket"`:  lint.SeverityWarning,
	}
	findings := ruletest.ClientFindings(t, mcp502.Rule, "testdata/bad.mcp.json")
	if len(findings) != len(want) {
		t.Fatalf("%d findings, want %d", len(findings), len(want))
	}
	for _, f := range findings {
		server := strings.Fields(f.Message)[1]
		if f.Severity != want[server] {
			t.Errorf("%s: severity %s, want %s", f.Message, f.Severity, want[server])
		}
	}
}

// TestPlaceGrades checks that a configuration in test scaffolding is graded
// one step lower, never below a note.
func TestPlaceGrades(t *testing.T) {
	want := map[string]lint.Severity{
		`"tickets"`: lint.SeverityWarning,
		`"docs"`:    lint.SeverityNote,
		`"lab"`:     lint.SeverityNote,
	}
	findings := ruletest.ClientFindings(t, mcp502.Rule, "testdata/test/codex/config.toml")
	if len(findings) != len(want) {
		t.Fatalf("%d findings, want %d", len(findings), len(want))
	}
	for _, f := range findings {
		if server := strings.Fields(f.Message)[1]; f.Severity != want[server] {
			t.Errorf("%s: severity %s, want %s", f.Message, f.Severity, want[server])
		}
	}
}
