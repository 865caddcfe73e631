package report

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/apiaudit/apiaudit/pkg/lint"
)

func TestJSONFields(t *testing.T) {
	out := render(t, "json", Options{ToolVersion: "v0.1.0"}, sampleResult())
	if !bytes.HasSuffix(out, []byte("}\n")) || !bytes.HasPrefix(out, []byte("{\n  \"version\": 1,\n")) {
		t.Errorf("not indented by two spaces with a trailing newline:\n%s", out)
	}

	var got jsonReport
	dec := json.NewDecoder(bytes.NewReader(out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&got); err != nil {
		t.Fatal(err)
	}
	if got.Version != 1 || got.Tool != (jsonTool{Name: "apiaudit", Version: "v0.1.0"}) {
		t.Errorf("version/tool = %d %+v", got.Version, got.Tool)
	}

	wantRules := []jsonRule{
		{ID: "OAS101", Name: "operation-without-auth", Title: "Operation requires no authentication", Severity: "error",
			CWE: []int{306}, OWASP: []string{"API2:2023"}, HelpURI: "https://github.com/apiaudit/apiaudit/blob/main/docs/rules/OAS101.md"},
		{ID: "OAS201", Name: "unbounded-string", Title: "String without a maximum length", Severity: "warning",
			CWE: []int{770, 400}, OWASP: []string{"API4:2023"}, HelpURI: "https://github.com/apiaudit/apiaudit/blob/main/docs/rules/OAS201.md"},
	}
	if !reflect.DeepEqual(got.Rules, wantRules) {
		t.Errorf("rules = %+v\nwant %+v", got.Rules, wantRules)
	}

	r := sampleResult()
	if len(got.Findings) != len(r.Findings) {
		t.Fatalf("%d findings, want %d", len(got.Findings), len(r.Findings))
	}
	first := got.Findings[0]
	want := jsonFinding{
		RuleID: "OAS101", RuleName: "operation-without-auth", Severity: "error",
		Message:     "post /payments can be called without authentication",
		Fix:         ruleAuth.Doc.Fix,
		Location:    jsonLocation{File: "api/payments.yaml", Line: 12, Column: 5, EndLine: 12, EndColumn: 9, Pointer: "/paths/~1payments/post"},
		Fingerprint: r.Findings[0].Fingerprint,
	}
	if !reflect.DeepEqual(first, want) {
		t.Errorf("finding 0 = %+v\nwant %+v", first, want)
	}
	if f := got.Findings[1]; f.Fix != "set maxLength: 140 on Payment.note" || f.Severity != "warning" {
		t.Errorf("finding 1 fix/severity = %q %q", f.Fix, f.Severity)
	}
	if f := got.Findings[2]; f.Severity != "note" || f.Location != (jsonLocation{File: "api/users.yaml"}) {
		t.Errorf("finding 2 = %+v", f)
	}
	wantProblems := []jsonProblem{{File: "api/broken.yaml", Line: 3, Column: 7, Message: r.Problems[0].Message}}
	if !reflect.DeepEqual(got.Problems, wantProblems) {
		t.Errorf("problems = %+v", got.Problems)
	}
	if want := (jsonSummary{Error: 1, Warning: 1, Note: 1, Files: 2, Documents: 3, FilesScanned: 3}); got.Summary != want {
		t.Errorf("summary = %+v, want %+v", got.Summary, want)
	}

	// Unknown end and pointer are left out rather than written as 0 or "".
	var raw struct {
		Findings []struct{ Location map[string]any }
	}
	if err := json.Unmarshal(out, &raw); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"endLine", "endColumn", "pointer"} {
		if _, ok := raw.Findings[2].Location[key]; ok {
			t.Errorf("finding 2 has %q", key)
		}
	}
	// HTML characters from the docs and messages are not escaped.
	if bytes.Contains(out, []byte(`\u003c`)) || bytes.Contains(out, []byte(`\u0026`)) {
		t.Errorf("output escapes HTML characters")
	}
}

func TestJSONEmptyArrays(t *testing.T) {
	for _, r := range []*lint.Result{{}, {Rules: []*lint.Rule{{ID: "OAS999", Name: "bare"}}}} {
		out := string(render(t, "json", Options{}, r))
		for _, key := range []string{`"findings": []`, `"problems": []`} {
			if !strings.Contains(out, key) {
				t.Errorf("no %s in:\n%s", key, out)
			}
		}
		if strings.Contains(out, "null") {
			t.Errorf("null in:\n%s", out)
		}
	}
	out := string(render(t, "json", Options{}, &lint.Result{}))
	if !strings.Contains(out, `"rules": []`) {
		t.Errorf("no empty rules list in:\n%s", out)
	}
}
