package oas509

import (
	"testing"

	"github.com/apiaudit/apiaudit/pkg/ruletest"
)

func TestRule(t *testing.T) {
	if err := Rule.Validate(); err != nil {
		t.Fatal(err)
	}
	ruletest.Run(t, Rule)
}

func TestAllDocuments(t *testing.T) {
	defer func(o Options) { options = o }(options)
	options.AllDocuments = true
	findings, _ := ruletest.Findings(t, Rule, "testdata/good31.yaml")
	if len(findings) != 2 {
		t.Errorf("with all-documents, got %d findings in a document not marked agent-facing, want 2", len(findings))
	}
}
