package mcp503_test

import (
	"strings"
	"testing"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/ruletest"
	"github.com/apiaudit/apiaudit/rules/mcp503"
)

func TestMCP503(t *testing.T) { ruletest.RunClient(t, mcp503.Rule) }

// TestPlace checks the grading by where a configuration lives, from inside
// testdata/ so that only the fixtures' own folders and names count: a
// project's configuration is a warning, one under examples/ or named demo
// a note.
func TestPlace(t *testing.T) {
	t.Chdir("testdata")
	for file, want := range map[string]lint.Severity{
		"bad.mcp.json":                 lint.SeverityWarning,
		"examples/claude_desktop.json": lint.SeverityNote,
	} {
		findings := ruletest.ClientFindings(t, mcp503.Rule, file)
		if len(findings) == 0 {
			t.Errorf("%s: no finding", file)
		}
		for _, f := range findings {
			if f.Severity != want {
				t.Errorf("%s: %s: severity %v, want %v", file, f.Message, f.Severity, want)
			}
			if want == lint.SeverityNote && !strings.Contains(f.Message, "(a note: an example or demo (examples/)") {
				t.Errorf("%s: %s: the note does not say where the file lives", file, f.Message)
			}
		}
	}
}
