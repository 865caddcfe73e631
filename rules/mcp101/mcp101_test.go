package mcp101_test

import (
	"testing"

	"github.com/apiaudit/apiaudit/pkg/ruletest"
	"github.com/apiaudit/apiaudit/rules/mcp101"
)

func TestMCP101(t *testing.T) { ruletest.RunClient(t, mcp101.Rule) }
