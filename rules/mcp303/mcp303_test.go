package mcp303

import (
	"strings"
	"testing"

	"github.com/apiaudit/apiaudit/pkg/ruletest"
)

func TestRule(t *testing.T) {
	if err := Rule.Validate(); err != nil {
		t.Fatal(err)
	}
	ruletest.Run(t, Rule)
}

func TestRelated(t *testing.T) {
	findings, _ := ruletest.Findings(t, Rule, "testdata/bad.yaml")
	if len(findings) != 1 {
		t.Fatalf("%d findings, want 1", len(findings))
	}
	var got []string
	for _, r := range findings[0].Related {
		got = append(got, r.Location.String()+" "+r.Message)
	}
	want := []string{
		"bad.yaml:7:11 get_issue reads content that others control",
		"bad.yaml:10:11 read_file reads private data",
		"bad.yaml:13:11 create_issue_comment sends data out",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("related:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestRelatedOpenAPI checks that the tools of an agent-facing OpenAPI
// document are placed at their operationIds.
func TestRelatedOpenAPI(t *testing.T) {
	findings, _ := ruletest.Findings(t, Rule, "testdata/openapi_agent.yaml")
	if len(findings) != 1 {
		t.Fatalf("%d findings, want 1", len(findings))
	}
	var got []string
	for _, r := range findings[0].Related {
		got = append(got, r.Location.String()+" "+r.Location.Pointer+" "+r.Message)
	}
	want := []string{
		"openapi_agent.yaml:9:7 /paths/~1issues~1{id}/get getIssue reads content that others control",
		"openapi_agent.yaml:15:7 /paths/~1files~1{path}/get readFile reads private data",
		"openapi_agent.yaml:21:7 /paths/~1issues~1{id}~1comments/post createIssueComment sends data out",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("related:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
