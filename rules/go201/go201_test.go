package go201

import (
	"testing"

	"github.com/apiaudit/apiaudit/pkg/ruletest"
)

func TestRule(t *testing.T) {
	if err := Rule.Validate(); err != nil {
		t.Fatal(err)
	}
	ruletest.RunGo(t, Analyzer, "a", "ginapp", "ginlimited", "echoapp", "echolimited", "chilimited", "chain/mw", "chain/app", "nolimit", "internal/oauthtest", "dispatch", "authed", "wizard", "wizardpublic", "ginauthed", "spread", "mmplugin", "mmlookalike")
}
