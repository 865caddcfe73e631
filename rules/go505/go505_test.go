package go505_test

import (
	"testing"

	"github.com/apiaudit/apiaudit/pkg/ruletest"
	"github.com/apiaudit/apiaudit/rules/go505"
)

func TestRule(t *testing.T) {
	if err := go505.Rule.Validate(); err != nil {
		t.Fatal(err)
	}
	ruletest.RunDrift(t, go505.Rule, "testdata/bad", "testdata/good")
}
