package oas403

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

// TestReportUnset checks the option: "always" reports the open objects of
// a document that closes none, "never" only explicit openness.
func TestReportUnset(t *testing.T) {
	defer func(old Options) { options = old }(options)
	for mode, want := range map[string]int{"always": 2, "never": 0, "auto": 0} {
		options.ReportUnset = mode
		findings, _ := ruletest.Findings(t, Rule, "testdata/good20.yaml")
		if len(findings) != want {
			t.Errorf("report-unset %s: %d findings, want %d: %v", mode, len(findings), want, findings)
		}
	}
	options.ReportUnset = "never"
	findings, _ := ruletest.Findings(t, Rule, "testdata/bad.yaml")
	if len(findings) != 2 {
		t.Errorf("report-unset never on bad.yaml: %d findings, want the 2 explicit ones: %v", len(findings), findings)
	}
}

// TestExposure checks the bounds criterion: an open object anyone may send
// is a warning, one only authenticated callers send a note.
func TestExposure(t *testing.T) {
	findings, _ := ruletest.Findings(t, Rule, "testdata/exposure.yaml")
	if len(findings) != 2 {
		t.Fatalf("got %d findings, want 2: %v", len(findings), findings)
	}
	for _, f := range findings {
		want := lint.SeverityNote
		if strings.HasPrefix(f.Message, "post /signup") {
			want = lint.SeverityDefault
		}
		if f.Severity != want {
			t.Errorf("%s: severity %v, want %v", f.Message, f.Severity, want)
		}
	}
}

// TestOAuthForm checks that the body of an OAuth 2.0 protocol request is a
// note whoever sends it, and an open form that is not one keeps its grade.
func TestOAuthForm(t *testing.T) {
	ruletest.Severities(t, Rule, map[string]lint.Severity{
		"post /oauth/token":  lint.SeverityNote,
		"post /oauth/revoke": lint.SeverityNote,
		"post /feedback":     lint.SeverityDefault,
	}, "testdata/oauth-form.yaml")
}
