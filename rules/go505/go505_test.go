package go505_test

import (
	"testing"

	"github.com/apiaudit/apiaudit/pkg/ruletest/drifttest"
	"github.com/apiaudit/apiaudit/rules/go505"
)

func TestRule(t *testing.T) {
	if err := go505.Rule.Validate(); err != nil {
		t.Fatal(err)
	}
	drifttest.Run(t, go505.Rule, "testdata/bad", "testdata/good", "testdata/match")
}
