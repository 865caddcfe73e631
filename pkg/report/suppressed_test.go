package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/apiaudit/apiaudit/pkg/lint"
)

// suppressedResult is sampleResult with one finding hidden by
// x-apiaudit-ignore and one by a baseline, as the scan keeps them with
// --include-suppressed.
func suppressedResult() *lint.Result {
	r := sampleResult()
	ignored := finding(ruleAuth, lint.SeverityError, "get /health can be called without authentication", "",
		lint.Location{File: "api/payments.yaml", Line: 40, Column: 5, Pointer: "/paths/~1health/get"})
	ignored.Suppression = &lint.Suppression{Kind: lint.SuppressedInSource, Reason: "load-balancer probe",
		Location: lint.Location{File: "api/payments.yaml", Line: 42, Column: 11}}
	baselined := finding(ruleBounds, lint.SeverityWarning, "property memo of schema Payment has no maxLength", "",
		lint.Location{File: "api/payments.yaml", Line: 33, Column: 11, Pointer: "/components/schemas/Payment/properties/memo"})
	baselined.Suppression = &lint.Suppression{Kind: lint.SuppressedExternal, Reason: "recorded in the baseline .apiaudit-baseline.json",
		Location: lint.Location{File: ".apiaudit-baseline.json"}}
	r.Suppressed = []lint.Finding{baselined, ignored}
	r.Baselined = 1
	r.Sort()
	return r
}

func TestSuppressedSARIF(t *testing.T) {
	out := render(t, "sarif", Options{ToolVersion: "v0.1.0"}, suppressedResult())
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if err := sarifSchema(t).Validate(doc); err != nil {
		t.Fatalf("invalid SARIF with suppressions: %v", err)
	}
	var log struct {
		Runs []struct {
			Properties map[string]any `json:"properties"`
			Results    []struct {
				Message      struct{ Text string } `json:"message"`
				Suppressions []struct {
					Kind, Status, Justification, GUID string
					Location                          struct {
						PhysicalLocation struct {
							ArtifactLocation struct{ URI string } `json:"artifactLocation"`
						} `json:"physicalLocation"`
					} `json:"location"`
				} `json:"suppressions"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(out, &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if run.Properties["apiaudit/baselined"] != float64(1) {
		t.Errorf("run properties = %v", run.Properties)
	}
	if len(run.Results) != 5 {
		t.Fatalf("%d results, want the 3 findings and the 2 suppressed ones", len(run.Results))
	}
	var kinds []string
	for _, res := range run.Results[3:] {
		if len(res.Suppressions) != 1 {
			t.Fatalf("suppressed result without one suppression: %+v", res)
		}
		s := res.Suppressions[0]
		kinds = append(kinds, s.Kind+" "+s.Status+" "+s.Location.PhysicalLocation.ArtifactLocation.URI+" "+s.Justification)
	}
	want := "external accepted .apiaudit-baseline.json recorded in the baseline .apiaudit-baseline.json|inSource accepted api/payments.yaml load-balancer probe"
	if got := strings.Join(kinds, "|"); got != want {
		t.Errorf("suppressions:\n%s\nwant\n%s", got, want)
	}
	for _, res := range run.Results[:3] {
		if res.Suppressions != nil {
			t.Errorf("a reported finding has suppressions: %+v", res)
		}
	}
	if again := render(t, "sarif", Options{ToolVersion: "v0.1.0"}, suppressedResult()); !bytes.Equal(out, again) {
		t.Error("suppression GUIDs are not deterministic")
	}
}

func TestSuppressedJSON(t *testing.T) {
	var doc struct {
		Findings   []json.RawMessage `json:"findings"`
		Suppressed []struct {
			RuleID      string `json:"ruleId"`
			Suppression struct {
				Kind, Reason, File string
				Line               int
			} `json:"suppression"`
		} `json:"suppressed"`
		Summary map[string]int `json:"summary"`
	}
	if err := json.Unmarshal(render(t, "json", Options{}, suppressedResult()), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Findings) != 3 || len(doc.Suppressed) != 2 || doc.Summary["baselined"] != 1 || doc.Summary["error"] != 1 {
		t.Fatalf("%+v", doc)
	}
	if s := doc.Suppressed[1]; s.RuleID != "OAS101" || s.Suppression.Kind != "inSource" || s.Suppression.Line != 42 || s.Suppression.Reason != "load-balancer probe" {
		t.Errorf("in-source suppression: %+v", s)
	}
	// Without suppressed findings or a baseline the format is unchanged:
	// the new keys are left out (the golden files check the rest).
	plain := string(render(t, "json", Options{}, sampleResult()))
	for _, key := range []string{`"suppressed"`, `"suppression"`, `"baselined"`} {
		if strings.Contains(plain, key) {
			t.Errorf("JSON without suppressions has %s", key)
		}
	}
}

func TestBaselinedText(t *testing.T) {
	r := suppressedResult()
	out := string(render(t, "text", Options{}, r))
	if !strings.HasSuffix(out, "1 error, 1 warning, 1 note in 2 files (2 rules), 1 problem, 1 finding hidden by the baseline; scanned 3 OpenAPI documents, 0 Go modules, 3 files\n") {
		t.Errorf("summary line:\n%s", out)
	}
	if strings.Contains(out, "/health") {
		t.Error("the text report prints suppressed findings")
	}
}
