package oas511_test

import (
	"testing"

	"github.com/apiaudit/apiaudit/pkg/ruletest/drifttest"
	"github.com/apiaudit/apiaudit/rules/oas511"
)

func TestRule(t *testing.T) {
	if err := oas511.Rule.Validate(); err != nil {
		t.Fatal(err)
	}
	drifttest.Run(t, oas511.Rule, "testdata/bad", "testdata/good", "testdata/swagger", "testdata/otherservice")
}
