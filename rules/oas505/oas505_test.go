package oas505

import (
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/ruletest"
)

func TestRule(t *testing.T) {
	if err := Rule.Validate(); err != nil {
		t.Fatal(err)
	}
	ruletest.Run(t, Rule)
}

func TestRestricted(t *testing.T) {
	for pattern, want := range map[string]bool{
		`^https://hooks\.slack\.com/`:                true,
		`^https?://([a-z0-9-]+\.)*example\.com(/|$)`: true,
		`^(https|http)://feeds\.example\.com/`:       true,
		`^(?:https)://api\.example\.com/`:            true,
		`^https:\/\/api\.example\.com\/`:             true,
		`^https?://.+$`:                              false,
		`^https://.*\.example\.com/`:                 false,
		`^https://[^/]+/`:                            false,
		`https://api\.example\.com/`:                 false,
		`^[a-z]+://api\.example\.com/`:               false,
		``:                                           false,
	} {
		s := &openapi3.Schema{Type: &openapi3.Types{"string"}, Pattern: pattern}
		if got := restricted(s); got != want {
			t.Errorf("restricted(%q) = %v, want %v", pattern, got, want)
		}
	}
}

func TestOptions(t *testing.T) {
	defer func(o Options) { options = o }(options)
	options.Ignore = []string{"image_url", "X-Callback-URL"}
	options.Names = []string{"max_chars"}
	count := func(file string) int {
		findings, _ := ruletest.Findings(t, Rule, file)
		return len(findings)
	}
	if n := count("testdata/bad.yaml"); n != 6 {
		t.Errorf("bad.yaml with two names ignored: %d findings, want 6", n)
	}
	options.Ignore = nil
	if n := count("testdata/bad31.yaml"); n != 1 {
		// max_chars is an integer: extra names still need a string.
		t.Errorf("bad31.yaml with max_chars added: %d findings, want 1", n)
	}
}

// TestExposure checks the grading: a URL anyone may send is a warning, one
// only authenticated callers send a note.
func TestExposure(t *testing.T) {
	ruletest.Graded(t, Rule, "testdata/exposure.yaml", 2, lint.SeverityNote, map[string]lint.Severity{`"image_url"`: lint.SeverityDefault})
}
