package mcp101_test

import (
	"strings"
	"testing"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/ruletest"
	"github.com/apiaudit/apiaudit/rules/mcp101"
)

func TestMCP101(t *testing.T) { ruletest.RunClient(t, mcp101.Rule) }

// TestFixByClient checks that the fix hint names the way each client
// refers to a credential.
func TestFixByClient(t *testing.T) {
	for file, want := range map[string]string{
		"testdata/codex/config.toml":  "env_vars",
		"testdata/continue/team.yaml": "${{ secrets.NAME }}",
		"testdata/goose/config.yaml":  "env_keys",
		"testdata/vscode/mcp.json":    "${input:id}",
	} {
		findings := ruletest.ClientFindings(t, mcp101.Rule, file)
		if len(findings) == 0 {
			t.Fatalf("%s: no findings", file)
		}
		for _, f := range findings {
			fix := f.Fix
			if fix == "" {
				fix = mcp101.Rule.Doc.Fix
			}
			if !strings.Contains(fix, want) {
				t.Errorf("%s: %s: fix %q, want it to name %s", file, f.Message, fix, want)
			}
		}
	}
}

// TestLoopbackIsNote checks that a password in a URL to the local machine
// is a note and one to another host keeps the rule's severity.
func TestLoopbackIsNote(t *testing.T) {
	for _, f := range ruletest.ClientFindings(t, mcp101.Rule, "testdata/urls/mcp.json") {
		want := lint.SeverityError
		if strings.Contains(f.Message, "developer's own machine") {
			want = lint.SeverityNote
		}
		if f.Severity != want {
			t.Errorf("%s: severity %v, want %v", f.Message, f.Severity, want)
		}
	}
}
