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

// TestHiddenComment checks that a comment without model-directed phrases
// is a warning when it gives an order and a note when it reads as an
// editor's note, never an error.
func TestHiddenComment(t *testing.T) {
	findings, _ := ruletest.Findings(t, Rule, "testdata/bad.yaml")
	warnings, notes := 0, 0
	for _, f := range findings {
		switch f.Severity {
		case lint.SeverityWarning:
			warnings++
		case lint.SeverityNote:
			notes++
		case lint.SeverityDefault:
		default:
			t.Errorf("%s: severity %v", f.Message, f.Severity)
		}
	}
	if warnings != 1 || notes != 1 {
		t.Errorf("%d warnings and %d notes, want 1 of each (the comment that gives an order, the editor's note)", warnings, notes)
	}
}

// TestMultiFile checks that text in another file is reported once, where it
// is written.
func TestMultiFile(t *testing.T) {
	ruletest.Run(t, Rule, "testdata/multi/api.yaml")
}
