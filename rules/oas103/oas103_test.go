package oas103_test

import (
	"testing"

	"github.com/apiaudit/apiaudit/pkg/ruletest"
	"github.com/apiaudit/apiaudit/rules/oas103"
)

func TestRule(t *testing.T) {
	if err := oas103.Rule.Validate(); err != nil {
		t.Fatal(err)
	}
	ruletest.Run(t, oas103.Rule)
}
