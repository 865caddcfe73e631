package report

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/apiaudit/apiaudit/pkg/lint"
)

// flowResult has one Go finding that carries the path of its data.
func flowResult() *lint.Result {
	f := finding(ruleAuth, lint.SeverityError, "request data reaches exec.Command", "",
		lint.Location{File: "cmd/agent/main.go", Line: 40, Column: 9})
	f.Flow = []lint.Step{
		{Location: lint.Location{File: "cmd/agent/main.go", Line: 31, Column: 2}, Message: "request body decoded here"},
		{Location: lint.Location{File: "internal/tools/run.go", Line: 12, Column: 5}, Message: "passed to run"},
	}
	return &lint.Result{Rules: []*lint.Rule{ruleAuth}, Files: []string{"cmd/agent/main.go"}, Findings: []lint.Finding{f}}
}

func TestFlowText(t *testing.T) {
	out := string(render(t, "text", Options{}, flowResult()))
	for _, want := range []string{
		"from cmd/agent/main.go:31:2: request body decoded here\n",
		"from internal/tools/run.go:12:5: passed to run\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("text output lacks %q:\n%s", want, out)
		}
	}
}

func TestFlowJSON(t *testing.T) {
	var got struct {
		Findings []jsonFinding `json:"findings"`
	}
	if err := json.Unmarshal(render(t, "json", Options{}, flowResult()), &got); err != nil {
		t.Fatal(err)
	}
	want := []jsonStep{
		{File: "cmd/agent/main.go", Line: 31, Column: 2, Message: "request body decoded here"},
		{File: "internal/tools/run.go", Line: 12, Column: 5, Message: "passed to run"},
	}
	if len(got.Findings) != 1 || len(got.Findings[0].Flow) != 2 || got.Findings[0].Flow[0] != want[0] || got.Findings[0].Flow[1] != want[1] {
		t.Errorf("flow = %+v, want %+v", got.Findings, want)
	}
}

// TestFlowSARIF checks that a flow becomes one codeFlow whose thread flow
// lists the steps and then the finding, and that the log stays valid.
func TestFlowSARIF(t *testing.T) {
	out := render(t, "sarif", Options{ToolVersion: "v0.1.0"}, flowResult())
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
				CodeFlows []struct {
					ThreadFlows []struct {
						Locations []struct {
							Location struct {
								PhysicalLocation struct {
									ArtifactLocation struct{ URI string }    `json:"artifactLocation"`
									Region           struct{ StartLine int } `json:"region"`
								} `json:"physicalLocation"`
								Message struct{ Text string } `json:"message"`
							} `json:"location"`
						} `json:"locations"`
					} `json:"threadFlows"`
				} `json:"codeFlows"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(out, &log); err != nil {
		t.Fatal(err)
	}
	flows := log.Runs[0].Results[0].CodeFlows
	if len(flows) != 1 || len(flows[0].ThreadFlows) != 1 {
		t.Fatalf("codeFlows = %+v", flows)
	}
	var got []string
	for _, l := range flows[0].ThreadFlows[0].Locations {
		got = append(got, l.Location.PhysicalLocation.ArtifactLocation.URI+":"+strconv.Itoa(l.Location.PhysicalLocation.Region.StartLine)+" "+l.Location.Message.Text)
	}
	want := []string{
		"cmd/agent/main.go:31 request body decoded here",
		"internal/tools/run.go:12 passed to run",
		"cmd/agent/main.go:40 request data reaches exec.Command",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("thread flow:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
