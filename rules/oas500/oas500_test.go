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
	ruletest.Graded(t, oas500.Rule, "testdata/empty-license.yaml", 1, lint.SeverityNote, nil)
}

// TestOneMistakeOnce checks that a Parameter Object written under
// components/schemas is a warning where a parameter refers to it, and a
// note where the same mistake shows again (its keys, its boolean required,
// the path parameter it fails to declare, the same $ref written at another
// parameter); that required: false is a note; and that the same shape
// used as a property's schema, and required: true on a property, stay
// warnings.
func TestOneMistakeOnce(t *testing.T) {
	ruletest.Graded(t, oas500.Rule, "testdata/param-in-schemas.yaml", 9, lint.SeverityDefault,
		map[string]lint.Severity{"(a note: ": lint.SeverityNote})
}

// TestTupleItems checks that a path item the loader could not decode is
// repaired where it breaks (items written as a list), not dropped whole,
// and that components.pathItems, 3.1's own field, is not reported.
func TestTupleItems(t *testing.T) {
	ruletest.Graded(t, oas500.Rule, "testdata/tuple-items.yaml", 1, lint.SeverityDefault, nil)
}
