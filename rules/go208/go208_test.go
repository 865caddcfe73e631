package go208_test

import (
	"testing"

	"github.com/apiaudit/apiaudit/pkg/ruletest/drifttest"
	"github.com/apiaudit/apiaudit/rules/go208"
)

func TestRule(t *testing.T) {
	if err := go208.Rule.Validate(); err != nil {
		t.Fatal(err)
	}
	drifttest.Run(t, go208.Rule, "testdata/bad", "testdata/good")
}
