package go106_test

import (
	"testing"

	"github.com/apiaudit/apiaudit/pkg/ruletest/drifttest"
	"github.com/apiaudit/apiaudit/rules/go106"
)

func TestRule(t *testing.T) {
	if err := go106.Rule.Validate(); err != nil {
		t.Fatal(err)
	}
	drifttest.Run(t, go106.Rule, "testdata/bad", "testdata/good", "testdata/maybeoff")
}
