package go305

import (
	"testing"

	"github.com/apiaudit/apiaudit/pkg/ruletest"
)

func TestRule(t *testing.T) {
	if err := Rule.Validate(); err != nil {
		t.Fatal(err)
	}
	ruletest.RunGo(t, Analyzer, "a", "agent", "vertex", "notvertex")
}

func TestOptions(t *testing.T) {
	opts := &Options{BroadScopes: []string{"files:*"}, AllowedScopes: []string{"repo"}}
	if got := judge(opts, "files:write", site{}); got == "" {
		t.Error("files:write should be broad with broad-scopes files:*")
	}
	if got := judge(opts, "repo", site{provider: github}); got != "" {
		t.Errorf("repo is allowed, got %q", got)
	}
	if got := judge(&Options{}, ".default", site{provider: microsoft, clientCredentials: true}); got != "" {
		t.Errorf(".default in a client-credentials flow, got %q", got)
	}
}
