package mcp503_test

import (
	"strings"

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

// TestContainerPull checks that an unpinned image is a note when run with
// the default pull policy (the pulled image is reused at each start), and a
// warning with --pull always.
func TestContainerPull(t *testing.T) {
	want := map[string]lint.Severity{
		`server "own"`: lint.SeverityNote, `server "podman"`: lint.SeverityNote,
		`server "always"`: lint.SeverityWarning, `server "always-eq"`: lint.SeverityWarning,
	}
	got := ruletest.ClientFindings(t, mcp503.Rule, "testdata/docker.mcp.json")
	if len(got) != len(want) {
		t.Fatalf("got %d findings, want %d: %v", len(got), len(want), got)
	}
	for _, f := range got {
		name, _, _ := strings.Cut(f.Message, " runs ")
		if sev, ok := want[name]; !ok || f.Severity != sev {
			t.Errorf("%s: severity %s, want %s", f.Message, f.Severity, sev)
		}
	}
}
