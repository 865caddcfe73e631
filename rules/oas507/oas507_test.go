package oas507

import (
	"testing"

	"github.com/apiaudit/apiaudit/pkg/ruletest"
)

func TestRule(t *testing.T) {
	if err := Rule.Validate(); err != nil {
		t.Fatal(err)
	}
	ruletest.Run(t, Rule)
}

func TestAllowHosts(t *testing.T) {
	defer func(o Options) { options = o }(options)
	options.AllowHosts = []string{"payments.example.com", "10.12.0.7", "*.svc.cluster.local"}
	findings, _ := ruletest.Findings(t, Rule, "testdata/bad.yaml")
	var got []string
	for _, f := range findings {
		got = append(got, f.Message)
	}
	if len(got) != 5 {
		t.Errorf("with allowed hosts, got %d findings, want 5 (staging, localhost, payments-api, link-local, vault.corp):\n%v", len(got), got)
	}
}
