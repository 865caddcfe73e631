package oas500_test

import (
	"testing"

	"github.com/apiaudit/apiaudit/pkg/ruletest"
	"github.com/apiaudit/apiaudit/rules/oas500"
)

func TestRule(t *testing.T) {
	ruletest.Run(t, oas500.Rule)
}
