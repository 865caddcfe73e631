package oas106_test

import (
	"testing"

	"github.com/apiaudit/apiaudit/pkg/ruletest"
	"github.com/apiaudit/apiaudit/rules/oas106"
)

func TestRule(t *testing.T) {
	if err := oas106.Rule.Validate(); err != nil {
		t.Fatal(err)
	}
	ruletest.Run(t, oas106.Rule)
}
