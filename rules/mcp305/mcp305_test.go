package mcp305_test

import (
	"slices"
	"testing"

	"github.com/apiaudit/apiaudit/pkg/ruletest"
	"github.com/apiaudit/apiaudit/rules/mcp305"
)

func TestMCP305(t *testing.T) {
	if err := mcp305.Rule.Validate(); err != nil {
		t.Fatal(err)
	}
	ruletest.RunClient(t, mcp305.Rule)
}

// TestRelated: the three tools are related locations, in their manifests.
func TestRelated(t *testing.T) {
	findings := ruletest.ClientFindings(t, mcp305.Rule, "testdata/flow/mcp.json")
	if len(findings) != 1 {
		t.Fatalf("%d findings, want 1", len(findings))
	}
	var got []string
	for _, r := range findings[0].Related {
		got = append(got, r.Location.String()+" "+r.Message)
	}
	want := []string{
		"testdata/flow/github.tools.json:2:12 get_issue of server github reads content that others control",
		"testdata/flow/files.json:2:12 read_file of server files reads private data",
		"testdata/flow/mail.yaml:2:11 send_email of server mail sends data out",
	}
	if !slices.Equal(got, want) {
		t.Errorf("related:\n%q\nwant\n%q", got, want)
	}
}
