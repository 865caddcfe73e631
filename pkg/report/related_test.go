package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/apiaudit/apiaudit/pkg/lint"
)

// relatedResult has one finding with related locations: a toxic flow's
// three tools.
func relatedResult() *lint.Result {
	f := finding(ruleAuth, lint.SeverityWarning, "one agent given these tools can be turned against its user", "",
		lint.Location{File: "mcp/tools.json", Line: 5, Column: 14, Pointer: "/result/tools"})
	f.Related = []lint.Step{
		{Location: lint.Location{File: "mcp/tools.json", Line: 7, Column: 17}, Message: "fetch reads content that others control"},
		{Location: lint.Location{File: "mcp/tools.json", Line: 9, Column: 17}, Message: "read_file reads private data"},
	}
	return &lint.Result{Rules: []*lint.Rule{ruleAuth}, Files: []string{"mcp/tools.json"}, Findings: []lint.Finding{f}}
}

func TestRelatedEveryFormat(t *testing.T) {
	text := string(render(t, "text", Options{}, relatedResult()))
	if !strings.Contains(text, "see mcp/tools.json:9:17: read_file reads private data\n") {
		t.Errorf("text lacks the related location:\n%s", text)
	}
	var js struct {
		Findings []jsonFinding `json:"findings"`
	}
	if err := json.Unmarshal(render(t, "json", Options{}, relatedResult()), &js); err != nil {
		t.Fatal(err)
	}
	if len(js.Findings) != 1 || len(js.Findings[0].Related) != 2 || js.Findings[0].Related[0].Line != 7 {
		t.Errorf("json related = %+v", js.Findings)
	}
	out := render(t, "sarif", Options{ToolVersion: "v0.1.0"}, relatedResult())
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if err := sarifSchema(t).Validate(doc); err != nil {
		t.Fatalf("invalid SARIF: %v", err)
	}
	var log struct {
		Runs []struct {
			Results []struct {
				RelatedLocations []struct {
					ID      int                   `json:"id"`
					Message struct{ Text string } `json:"message"`
					Phys    struct {
						Region struct{ StartLine int } `json:"region"`
					} `json:"physicalLocation"`
				} `json:"relatedLocations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(out, &log); err != nil {
		t.Fatal(err)
	}
	rel := log.Runs[0].Results[0].RelatedLocations
	if len(rel) != 2 || rel[0].ID != 1 || rel[1].Message.Text != "read_file reads private data" || rel[1].Phys.Region.StartLine != 9 {
		t.Errorf("relatedLocations = %+v", rel)
	}
}
