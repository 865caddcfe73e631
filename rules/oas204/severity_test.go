package oas204

import (
	"strings"
	"testing"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/ruletest"
)

// TestSeverity checks how findings are graded: each finding's message
// starts with one of the keys, whose severity it must have.
func TestSeverity(t *testing.T) {
	want := map[string]lint.Severity{
		"query parameter": lint.SeverityNote,
		"post ":           lint.SeverityWarning,
		"schema ":         lint.SeverityWarning,
	}
	for _, file := range []string{"testdata/bad.yaml", "testdata/bad31.yaml", "testdata/bad20.yaml"} {
		findings, _ := ruletest.Findings(t, Rule, file)
		for _, f := range findings {
			matched := false
			for prefix, sev := range want {
				if strings.HasPrefix(f.Message, prefix) {
					matched = true
					if f.Severity != sev {
						t.Errorf("%s: %s: severity %v, want %v", file, f.Message, f.Severity, sev)
					}
				}
			}
			if !matched {
				t.Errorf("%s: %s: no expected severity", file, f.Message)
			}
		}
	}
}
