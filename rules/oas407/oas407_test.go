package oas407

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

// TestHiddenComment checks that a comment without model-directed phrases is
// a warning, not an error.
func TestHiddenComment(t *testing.T) {
	findings, _ := ruletest.Findings(t, Rule, "testdata/bad.yaml")
	n := 0
	for _, f := range findings {
		if want := lint.SeverityDefault; f.Severity != want && f.Severity != lint.SeverityWarning {
			t.Errorf("%s: severity %v", f.Message, f.Severity)
		}
		if f.Severity == lint.SeverityWarning {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d warnings, want 1 (the hidden comment)", n)
	}
}

// TestMultiFile checks that text in another file is reported once, where it
// is written.
func TestMultiFile(t *testing.T) {
	ruletest.Run(t, Rule, "testdata/multi/api.yaml")
}
