package oas102_test

import (
	"testing"

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
