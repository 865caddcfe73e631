package oas510

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

func TestMaxOperations(t *testing.T) {
	defer func(o Options) { options = o }(options)
	options.MaxOperations = 40
	if findings, _ := ruletest.Findings(t, Rule, "testdata/bad31.yaml"); len(findings) != 0 {
		t.Errorf("with max-operations 40, got %d findings for 35 operations", len(findings))
	}
}
