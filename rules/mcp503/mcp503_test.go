package mcp503_test

import (
	"testing"

	"github.com/apiaudit/apiaudit/pkg/ruletest"
	"github.com/apiaudit/apiaudit/rules/mcp503"
)

func TestMCP503(t *testing.T) { ruletest.RunClient(t, mcp503.Rule) }
