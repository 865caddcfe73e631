package oas102_test

import (
	"testing"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/ruletest"
	"github.com/apiaudit/apiaudit/rules/oas102"
)

func TestRule(t *testing.T) {
	if err := oas102.Rule.Validate(); err != nil {
		t.Fatal(err)
	}
	ruletest.Run(t, oas102.Rule)
}

// TestMultiFile checks requirements of an operation written in another file
// (see the wants in testdata/multi/refunds.yaml).
func TestMultiFile(t *testing.T) {
	ruletest.Run(t, oas102.Rule, "testdata/multi/api.yaml")
}

// TestScopedOnce checks that scopes listed for a scheme that takes none are
// notes (a matter of the version), beside an error for an undeclared OAuth2
// scope.
func TestScopedOnce(t *testing.T) {
	ruletest.Severities(t, oas102.Rule, map[string]lint.Severity{
		"get /projects lists":            lint.SeverityNote,
		"post /projects lists":           lint.SeverityNote,
		"delete /projects/{id} lists":    lint.SeverityNote,
		"delete /projects/{id} requires": lint.SeverityDefault,
	}, "testdata/scoped-bearer.yaml")
}

// TestMissingOnce checks that an undefined scheme and an undeclared scope
// are one error each, at the first requirement that names them, and the
// other requirements naming them notes.
func TestMissingOnce(t *testing.T) {
	ruletest.Severities(t, oas102.Rule, map[string]lint.Severity{
		"get /servers requires undefined":                                         lint.SeverityDefault,
		"post /servers requires undefined":                                        lint.SeverityNote,
		"delete /servers/{id} requires undefined security scheme \"apiKeyQuery\"": lint.SeverityNote,
		"delete /servers/{id} requires undefined security scheme \"basicAuth\"":   lint.SeverityDefault,
		"post /servers requires scope":                                            lint.SeverityDefault,
		"delete /servers/{id} requires scope":                                     lint.SeverityNote,
	}, "testdata/missing-once.yaml")
}

// TestScopedWrongScheme checks that scopes an oauth2 scheme of the document
// declares, listed on a scheme that takes none, are one warning for the
// scheme, the other uses notes, and that a list no oauth2 scheme declares
// stays a note.
func TestScopedWrongScheme(t *testing.T) {
	ruletest.Severities(t, oas102.Rule, map[string]lint.Severity{
		"post /invoices lists":        lint.SeverityWarning,
		"delete /invoices/{id} lists": lint.SeverityNote,
		"patch /invoices/{id} lists":  lint.SeverityNote,
	}, "testdata/scoped-wrong-scheme.yaml")
}
