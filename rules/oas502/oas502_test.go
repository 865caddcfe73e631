package oas502

import (
	"strings"
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

// TestSeverity checks the grading: an error when credentials cross the
// cleartext server, a note when none do (no secret at risk).
func TestSeverity(t *testing.T) {
	findings, _ := ruletest.Findings(t, Rule, "testdata/bad.yaml")
	for _, f := range findings {
		want := lint.SeverityDefault // the rule's default: error
		if strings.Contains(f.Message, "uses cleartext http (a note: the operations sent to it require no credential") {
			want = lint.SeverityNote
		}
		if f.Severity != want {
			t.Errorf("%s: severity %v, want %v", f.Message, f.Severity, want)
		}
	}
}

// TestSignatures checks that a cleartext server whose only credentials are
// request signatures is a note: no secret crosses the wire.
func TestSignatures(t *testing.T) {
	for _, file := range []string{"testdata/bad-sigv4.yaml", "testdata/bad20-sigv4.yaml"} {
		findings, _ := ruletest.Findings(t, Rule, file)
		if len(findings) == 0 {
			t.Errorf("%s: no finding", file)
		}
		for _, f := range findings {
			if f.Severity != lint.SeverityNote {
				t.Errorf("%s: %s: severity %v, want note", file, f.Message, f.Severity)
			}
		}
	}
}

// TestPrivateNames checks that a single-label host (a container's service
// name, placeholder text for the deployment's identity provider) is a note,
// and that dotted names and IP addresses keep the rule's severity.
func TestPrivateNames(t *testing.T) {
	ruletest.Graded(t, Rule, "testdata/private-name.yaml", 2, lint.SeverityDefault,
		map[string]lint.Severity{"single-label name": lint.SeverityNote})
	ruletest.Graded(t, Rule, "testdata/private-server.yaml", 3, lint.SeverityDefault,
		map[string]lint.Severity{"single-label name": lint.SeverityNote})
}

// TestFlowPlaceholders checks the grading of flow URLs that name no real
// endpoint or belong to a scheme no operation requires.
func TestFlowPlaceholders(t *testing.T) {
	ruletest.Graded(t, Rule, "testdata/placeholders.yaml", 2, lint.SeverityDefault,
		map[string]lint.Severity{"holds placeholder": lint.SeverityNote})
	ruletest.Graded(t, Rule, "testdata/unused-scheme.yaml", 4, lint.SeverityWarning,
		map[string]lint.Severity{"is a placeholder": lint.SeverityNote, "(a note: no operation requires": lint.SeverityNote})
}
