package go504_test

import (
	"testing"

	"github.com/apiaudit/apiaudit/pkg/ruletest/drifttest"
	"github.com/apiaudit/apiaudit/rules/go504"
)

func TestRule(t *testing.T) {
	if err := go504.Rule.Validate(); err != nil {
		t.Fatal(err)
	}
	drifttest.Run(t, go504.Rule, "testdata/bad", "testdata/good", "testdata/otherservice", "testdata/servers", "testdata/webui")
}
