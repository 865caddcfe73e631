package go102

import (
	"testing"

	"github.com/apiaudit/apiaudit/pkg/ruletest"
)

func TestRule(t *testing.T) {
	if err := Rule.Validate(); err != nil {
		t.Fatal(err)
	}
	ruletest.RunGo(t, Analyzer, "a", "examples/echo", "shell", "registry", "factory", "panel/server", "panel/readonly", "dbread", "optout", "chain", "wrap", "wrap/mcpsrv", "forward/server", "forward/literal", "forward/ownkey", "forward/fallback", "kube/cmd", "kube/writer", "kube/secrets", "kube/pods", "ownhttp")
}
