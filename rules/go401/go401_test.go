package go401

import (
	"testing"

	"github.com/apiaudit/apiaudit/pkg/ruletest"
)

func TestRule(t *testing.T) {
	if err := Rule.Validate(); err != nil {
		t.Fatal(err)
	}
	ruletest.RunGo(t, Analyzer, "example.com/wrap", "example.com/chatstore", "a", "sdkaudit", "mmpeer", "mmpeerlookalike", "summaries", "gateway")
}
