package go402

import (
	"testing"

	"github.com/apiaudit/apiaudit/pkg/ruletest"
)

func TestRule(t *testing.T) {
	if err := Rule.Validate(); err != nil {
		t.Fatal(err)
	}
	ruletest.RunGo(t, Analyzer, "example.com/wrap", "example.com/gw/test/servers/elicit", "a", "sdkaudit", "proxy", "catalog", "host", "summaries", "gateway")
}
