package oas305

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

// TestSeverity checks the grading: money and destruction are errors (the
// rule's default), other side effects and plain writes warnings.
func TestSeverity(t *testing.T) {
	want := map[string]lint.Severity{
		"post /bookings":              lint.SeverityDefault,
		"post /bookings/{id}/refund":  lint.SeverityDefault,
		"get /bookings/{id}/cancel":   lint.SeverityDefault,
		"get /itineraries/{id}/email": lint.SeverityWarning,
		"put /profile":                lint.SeverityWarning,
		"delete /saved-searches/{id}": lint.SeverityDefault,
		"post /messages":              lint.SeverityWarning,
		"delete /notes/{id}":          lint.SeverityDefault,
		"post /trips/{id}/cancel":     lint.SeverityDefault,
	}
	findings, _ := ruletest.Findings(t, Rule, "testdata/bad.yaml")
	if len(findings) != len(want) {
		t.Fatalf("got %d findings, want %d", len(findings), len(want))
	}
	for _, f := range findings {
		parts := strings.SplitN(f.Message, " ", 3)
		op := parts[0] + " " + parts[1]
		if sev, ok := want[op]; !ok || f.Severity != sev {
			t.Errorf("%s: severity %v, want %v", f.Message, f.Severity, sev)
		}
	}
}
