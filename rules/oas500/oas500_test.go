package oas500_test

import (
	"testing"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/ruletest"
	"github.com/apiaudit/apiaudit/rules/oas500"
)

func TestRule(t *testing.T) {
	ruletest.Run(t, oas500.Rule)
}

// TestDuplicateIsNote checks that the validator's undefined-scheme error,
// OAS102's finding, and a Java character class are notes here, while a
// pattern no dialect reads stays a warning.
func TestDuplicateIsNote(t *testing.T) {
	findings, _ := ruletest.Findings(t, oas500.Rule, "testdata/patterns.yaml")
	notes := 0
	for _, f := range findings {
		if f.Severity == lint.SeverityNote {
			notes++
		}
	}
	if len(findings) != 4 || notes != 3 {
		t.Errorf("got %v, want one warning (the unclosed class) and three notes (the Java class, the undefined scheme, the empty externalDocs url)", findings)
	}
}

// TestUnknownFieldsAreNotes checks that keys a schema does not define are
// notes, and that a default of the wrong type, a keyword written another
// way (min_length), a sentence written as a key and a misplaced Parameter
// schema stay warnings.
func TestUnknownFieldsAreNotes(t *testing.T) {
	findings, _ := ruletest.Findings(t, oas500.Rule, "testdata/unknown-fields.yaml")
	notes, warnings := 0, 0
	for _, f := range findings {
		switch f.Severity {
		case lint.SeverityNote:
			notes++
		case lint.SeverityDefault, lint.SeverityWarning:
			warnings++
		}
	}
	if notes != 2 || warnings != 4 {
		t.Errorf("got %v, want two notes (the unknown keys) and four warnings (the wrong-type default, min_length, a sentence as a key, a misplaced schema)", findings)
	}
}

// TestEmptyVersionIsNote checks that an empty info.version, which the
// specification's schema accepts, is a note.
func TestEmptyVersionIsNote(t *testing.T) {
	ruletest.Graded(t, oas500.Rule, "testdata/empty-version.yaml", 1, lint.SeverityNote, nil)
}
