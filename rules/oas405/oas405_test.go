package oas405

import (
	"github.com/apiaudit/apiaudit/pkg/load/openapi"
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

// TestSeverity checks that findings are warnings in a document written for
// agents and where anyone may send the text, and notes where a billing
// gateway's caller pays.
func TestSeverity(t *testing.T) {
	for file, want := range map[string]lint.Severity{
		"testdata/bad31.yaml":   lint.SeverityWarning,
		"testdata/bad.yaml":     lint.SeverityWarning,
		"testdata/gateway.yaml": lint.SeverityNote,
	} {
		findings, _ := ruletest.Findings(t, Rule, file)
		if len(findings) == 0 {
			t.Fatalf("%s: no findings", file)
		}
		for _, f := range findings {
			if f.Severity != want {
				t.Errorf("%s: %s: severity %v, want %v", file, f.Message, f.Severity, want)
			}
		}
	}
}

// TestExposure checks that text only authenticated callers send is a note
// and text anyone may send a warning.
func TestExposure(t *testing.T) {
	ruletest.Severities(t, Rule, map[string]lint.Severity{
		`request field "message"`: lint.SeverityNote,
		`request field "prompt"`:  lint.SeverityWarning,
	}, "testdata/authenticated.yaml")
}

// TestBoundedPattern checks the patterns OAS405 takes as bounding a prompt,
// through the shared openapi.PatternMaxLength.
func TestBoundedPattern(t *testing.T) {
	for p, want := range map[string]bool{
		`^[a-z ]{1,200}$`: true, `^\w{0,64}$`: true, `^[*+]{1,3}$`: true, `^a\+b$`: true, `^(yes|no)$`: true,
		`^.*$`: false, `^[a-z]+$`: false, `^.{1,}$`: false, `[a-z]{1,10}`: false, `^[a-z]{1,10}`: false, "": false,
		`^x{2}\$`: false,
	} {
		if _, got := openapi.PatternMaxLength(p); got != want {
			t.Errorf("PatternMaxLength(%q) bounded = %v, want %v", p, got, want)
		}
	}
}
