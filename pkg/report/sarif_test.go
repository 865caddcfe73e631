package report

import (
	"bytes"
	"encoding/json"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// sarifSchema compiles testdata/sarif-schema-2.1.0.json, a copy of the OASIS
// schema, so that the test needs no network.
func sarifSchema(t testing.TB) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open("testdata/sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(sarifSchemaURI, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(sarifSchemaURI)
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

func TestSARIFSchema(t *testing.T) {
	sch := sarifSchema(t)
	cases := map[string]*lint.Result{
		"sample": sampleResult(),
		"empty":  {},
	}
	for name, r := range cases {
		for _, version := range []string{"v0.1.0", "dev", ""} {
			out := render(t, "sarif", Options{ToolVersion: version}, r)
			doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
			if err != nil {
				t.Fatal(err)
			}
			if err := sch.Validate(doc); err != nil {
				t.Errorf("%s, version %q: invalid SARIF: %v", name, version, err)
			}
		}
	}

	// The schema is strict enough to catch a broken document.
	bad, _ := jsonschema.UnmarshalJSON(strings.NewReader(`{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"message": {"text": "m"}, "level": "fatal"}]}]}`))
	if sch.Validate(bad) == nil {
		t.Error("the schema accepted a result with level fatal")
	}
}

// The parts of SARIF that the tests look at, decoded without go-sarif so that
// its types cannot hide a mistake.
type sarifLog struct {
	Schema  string `json:"$schema"`
	Version string `json:"version"`
	Runs    []struct {
		Tool struct {
			Driver struct {
				Name            string  `json:"name"`
				Version         *string `json:"version"`
				SemanticVersion *string `json:"semanticVersion"`
				InformationURI  string  `json:"informationUri"`
				Rules           []struct {
					ID               string `json:"id"`
					Name             string `json:"name"`
					ShortDescription struct{ Text string }
					FullDescription  struct{ Text string }
					Help             struct{ Text, Markdown string }
					HelpURI          string `json:"helpUri"`
					DefaultConfig    struct {
						Level string `json:"level"`
					} `json:"defaultConfiguration"`
					Properties map[string]any `json:"properties"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Results           []sarifResult `json:"results"`
		AutomationDetails struct {
			ID string `json:"id"`
		} `json:"automationDetails"`
		OriginalURIBaseIDs map[string]any `json:"originalUriBaseIds"`
		Invocations        []struct {
			ExecutionSuccessful *bool `json:"executionSuccessful"`
			Notifications       []struct {
				Level     string `json:"level"`
				Message   struct{ Text string }
				Locations []sarifLoc `json:"locations"`
			} `json:"toolExecutionNotifications"`
		} `json:"invocations"`
	} `json:"runs"`
}

type sarifResult struct {
	RuleID              string `json:"ruleId"`
	RuleIndex           *int   `json:"ruleIndex"`
	Level               string `json:"level"`
	Message             struct{ Text string }
	Locations           []sarifLoc        `json:"locations"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
}

type sarifLoc struct {
	PhysicalLocation struct {
		ArtifactLocation struct {
			URI       string `json:"uri"`
			URIBaseID string `json:"uriBaseId"`
		} `json:"artifactLocation"`
		Region *struct {
			StartLine   int `json:"startLine"`
			StartColumn int `json:"startColumn"`
			EndLine     int `json:"endLine"`
			EndColumn   int `json:"endColumn"`
		} `json:"region"`
	} `json:"physicalLocation"`
	LogicalLocations []struct {
		FullyQualifiedName string `json:"fullyQualifiedName"`
	} `json:"logicalLocations"`
}

func decodeSARIF(t *testing.T, out []byte) sarifLog {
	t.Helper()
	var log sarifLog
	if err := json.Unmarshal(out, &log); err != nil {
		t.Fatal(err)
	}
	if len(log.Runs) != 1 {
		t.Fatalf("%d runs, want 1", len(log.Runs))
	}
	return log
}

// TestSARIFGitHub checks what GitHub code scanning needs to ingest a file and
// to keep an alert's identity from one upload to the next.
func TestSARIFGitHub(t *testing.T) {
	r := sampleResult()
	out := render(t, "sarif", Options{ToolVersion: "v0.1.0"}, r)
	log := decodeSARIF(t, out)
	run := log.Runs[0]

	if log.Version != "2.1.0" || log.Schema != sarifSchemaURI {
		t.Errorf("version %q, $schema %q", log.Version, log.Schema)
	}
	d := run.Tool.Driver
	if d.Name != "apiaudit" || d.InformationURI != "https://github.com/apiaudit/apiaudit" {
		t.Errorf("driver name %q, informationUri %q", d.Name, d.InformationURI)
	}
	if d.Version == nil || *d.Version != "0.1.0" || d.SemanticVersion == nil || *d.SemanticVersion != "0.1.0" {
		t.Errorf("driver version %v, semanticVersion %v", d.Version, d.SemanticVersion)
	}
	if run.AutomationDetails.ID == "" {
		t.Error("automationDetails.id is empty")
	}
	if run.OriginalURIBaseIDs != nil {
		t.Errorf("originalUriBaseIds = %v: it would hold an absolute path", run.OriginalURIBaseIDs)
	}

	if len(d.Rules) != len(r.Rules) {
		t.Fatalf("%d rules, want %d", len(d.Rules), len(r.Rules))
	}
	for i, rule := range r.Rules {
		got := d.Rules[i]
		if got.ID != rule.ID || got.Name != rule.Name || got.ShortDescription.Text != rule.Doc.Title ||
			got.FullDescription.Text != rule.Doc.Summary || got.HelpURI != rule.HelpURI() {
			t.Errorf("rule %d = %+v", i, got)
		}
		if got.DefaultConfig.Level != rule.Doc.Severity.String() {
			t.Errorf("rule %s level %q, want %q", rule.ID, got.DefaultConfig.Level, rule.Doc.Severity)
		}
		ss, ok := got.Properties["security-severity"].(string)
		if _, err := strconv.ParseFloat(ss, 64); !ok || err != nil {
			t.Errorf("rule %s security-severity = %#v, want a number in a string", rule.ID, got.Properties["security-severity"])
		}
		if got.Properties["precision"] != rule.Doc.Precision {
			t.Errorf("rule %s precision = %v", rule.ID, got.Properties["precision"])
		}
		tags, _ := got.Properties["tags"].([]any)
		if len(tags) != len(rule.Tags()) || tags[0] != "security" {
			t.Errorf("rule %s tags = %v, want %v", rule.ID, tags, rule.Tags())
		}
		for _, part := range []string{rule.Doc.Fix, "```yaml\n", strings.TrimSpace(rule.Doc.Bad), strings.TrimSpace(rule.Doc.Good)} {
			if !strings.Contains(got.Help.Markdown, part) {
				t.Errorf("rule %s help.markdown lacks %q:\n%s", rule.ID, part, got.Help.Markdown)
			}
		}
		if !strings.Contains(got.Help.Text, rule.Doc.Fix) || strings.Contains(got.Help.Text, "```") {
			t.Errorf("rule %s help.text:\n%s", rule.ID, got.Help.Text)
		}
	}

	if len(run.Results) != len(r.Findings) {
		t.Fatalf("%d results, want %d", len(run.Results), len(r.Findings))
	}
	for i, res := range run.Results {
		f := r.Findings[i]
		if res.RuleIndex == nil || *res.RuleIndex < 0 || *res.RuleIndex >= len(d.Rules) || d.Rules[*res.RuleIndex].ID != res.RuleID {
			t.Errorf("result %d: ruleIndex %v does not point at rule %s", i, res.RuleIndex, res.RuleID)
		}
		if res.Level != f.Severity.String() {
			t.Errorf("result %d: level %q, want %q", i, res.Level, f.Severity)
		}
		if len(res.Locations) != 1 {
			t.Fatalf("result %d: %d locations, want exactly 1", i, len(res.Locations))
		}
		pl := res.Locations[0].PhysicalLocation
		if pl.ArtifactLocation.URIBaseID != "%SRCROOT%" || pl.ArtifactLocation.URI != f.Location.File {
			t.Errorf("result %d: artifactLocation %+v", i, pl.ArtifactLocation)
		}
		if pl.Region == nil || pl.Region.StartLine < 1 || pl.Region.StartColumn < 1 {
			t.Errorf("result %d: region %+v, want startLine and startColumn >= 1", i, pl.Region)
		}
		if fp := res.PartialFingerprints["apiaudit/v1"]; fp == "" || fp != f.Fingerprint {
			t.Errorf("result %d: partialFingerprints %v, want apiaudit/v1 = %s", i, res.PartialFingerprints, f.Fingerprint)
		}
		if _, ok := res.PartialFingerprints["primaryLocationLineHash"]; ok {
			t.Errorf("result %d: sets GitHub's own primaryLocationLineHash", i)
		}
		var ptrs []string
		for _, l := range res.Locations[0].LogicalLocations {
			ptrs = append(ptrs, l.FullyQualifiedName)
		}
		if f.Location.Pointer != "" && (len(ptrs) != 1 || ptrs[0] != f.Location.Pointer) {
			t.Errorf("result %d: logical locations %v, want [%s]", i, ptrs, f.Location.Pointer)
		}
		if f.Location.Pointer == "" && len(ptrs) != 0 {
			t.Errorf("result %d: logical locations %v without a pointer", i, ptrs)
		}
	}

	// Result 0 has a known end; result 2 is at line 0, which becomes 1:1.
	if reg := run.Results[0].Locations[0].PhysicalLocation.Region; reg.StartLine != 12 || reg.StartColumn != 5 || reg.EndLine != 12 || reg.EndColumn != 9 {
		t.Errorf("result 0 region = %+v", reg)
	}
	if reg := run.Results[2].Locations[0].PhysicalLocation.Region; reg.StartLine != 1 || reg.StartColumn != 1 || reg.EndLine != 0 || reg.EndColumn != 0 {
		t.Errorf("result 2 region = %+v", reg)
	}
	// Only a finding's own fix goes into the message.
	if got, want := run.Results[0].Message.Text, r.Findings[0].Message; got != want {
		t.Errorf("result 0 message = %q, want %q", got, want)
	}
	if got, want := run.Results[1].Message.Text, r.Findings[1].Message+". Fix: "+r.Findings[1].Fix; got != want {
		t.Errorf("result 1 message = %q, want %q", got, want)
	}

	if len(run.Invocations) != 1 {
		t.Fatalf("%d invocations, want 1", len(run.Invocations))
	}
	inv := run.Invocations[0]
	if inv.ExecutionSuccessful == nil || *inv.ExecutionSuccessful {
		t.Errorf("executionSuccessful = %v with a problem", inv.ExecutionSuccessful)
	}
	if len(inv.Notifications) != 2 {
		t.Fatalf("%d notifications, want a problem and a notice", len(inv.Notifications))
	}
	if skip := inv.Notifications[1]; skip.Level != "warning" || skip.Message.Text != r.Notices[0].Message {
		t.Errorf("notice notification = %+v", skip)
	}
	n := inv.Notifications[0]
	if n.Level != "error" || n.Message.Text != r.Problems[0].Message || len(n.Locations) != 1 {
		t.Fatalf("notification = %+v", n)
	}
	if pl := n.Locations[0].PhysicalLocation; pl.ArtifactLocation.URI != "api/broken.yaml" || pl.Region == nil || pl.Region.StartLine != 3 {
		t.Errorf("notification location = %+v", pl)
	}
}

func TestSARIFEmpty(t *testing.T) {
	out := render(t, "sarif", Options{ToolVersion: "dev"}, &lint.Result{})
	log := decodeSARIF(t, out)
	run := log.Runs[0]
	if !bytes.Contains(out, []byte(`"results": []`)) || !bytes.Contains(out, []byte(`"rules": []`)) {
		t.Errorf("results or rules are not []:\n%s", out)
	}
	if bytes.Contains(out, []byte("null")) {
		t.Errorf("null in:\n%s", out)
	}
	if run.AutomationDetails.ID == "" {
		t.Error("automationDetails.id is empty")
	}
	if run.Tool.Driver.SemanticVersion != nil {
		t.Errorf("semanticVersion %q for version dev", *run.Tool.Driver.SemanticVersion)
	}
	if len(run.Invocations) != 1 || run.Invocations[0].ExecutionSuccessful == nil || !*run.Invocations[0].ExecutionSuccessful {
		t.Errorf("invocations = %+v, want one successful", run.Invocations)
	}
}

// TestSARIFUnknownRule: a finding whose rule is not in r.Rules keeps its
// ruleId and has no ruleIndex, rather than an index that points nowhere.
func TestSARIFUnknownRule(t *testing.T) {
	r := &lint.Result{
		Rules:    []*lint.Rule{ruleAuth},
		Findings: []lint.Finding{{RuleID: "OAS999", Severity: lint.SeverityNote, Message: "m", Location: lint.Location{File: "a.yaml", Line: 2}}},
	}
	out := render(t, "sarif", Options{}, r)
	res := decodeSARIF(t, out).Runs[0].Results
	if len(res) != 1 || res[0].RuleID != "OAS999" || res[0].RuleIndex != nil {
		t.Errorf("results = %+v", res)
	}
	if res[0].PartialFingerprints["apiaudit/v1"] == "" {
		t.Error("no fingerprint for a finding built without one")
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if err := sarifSchema(t).Validate(doc); err != nil {
		t.Errorf("invalid SARIF: %v", err)
	}
}

func TestSARIFRegionEnds(t *testing.T) {
	type region struct{ sl, sc, el, ec int }
	cases := []struct {
		loc  lint.Location
		want region
	}{
		{lint.Location{Line: 4, Column: 3}, region{4, 3, 0, 0}},
		{lint.Location{Line: 4, Column: 3, EndLine: 6, EndColumn: 1}, region{4, 3, 6, 1}},
		{lint.Location{Line: 4, Column: 3, EndColumn: 8}, region{4, 3, 0, 8}},
		{lint.Location{Line: 4, Column: 3, EndLine: 2, EndColumn: 1}, region{4, 3, 0, 0}}, // end before start
		{lint.Location{Line: 4, Column: 3, EndLine: 4, EndColumn: 2}, region{4, 3, 4, 0}}, // end column before start
		{lint.Location{Line: 4}, region{4, 1, 0, 0}},
		{lint.Location{EndLine: 3, EndColumn: 3}, region{1, 1, 0, 0}},
	}
	for _, c := range cases {
		reg := sarifLocation(c.loc).PhysicalLocation.Region
		got := region{*reg.StartLine, *reg.StartColumn, deref(reg.EndLine), deref(reg.EndColumn)}
		if got != c.want {
			t.Errorf("%+v: region %+v, want %+v", c.loc, got, c.want)
		}
	}
}

func deref(p *int) int {
	if p == nil {
		return 0
	}
	return *p
}

func TestFileURI(t *testing.T) {
	for in, want := range map[string]string{
		"api/payments.yaml":   "api/payments.yaml",
		"specs/my api.yaml":   "specs/my%20api.yaml",
		"c:x.yaml":            "c%3Ax.yaml",
		"a/b#c/d?e.yaml":      "a/b%23c/d%3Fe.yaml",
		"api/résumé.yaml":     "api/r%C3%A9sum%C3%A9.yaml",
		"api/{version}/a.yml": "api/%7Bversion%7D/a.yml",
		"// ":                 "/%20", // not a host
		"///srv/api.yaml":     "/srv/api.yaml",
	} {
		if got := fileURI(in); got != want {
			t.Errorf("fileURI(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSemanticVersion(t *testing.T) {
	for v, want := range map[string]bool{
		"0.1.0": true, "1.2.3-rc.1+build.5": true, "0.0.0-20240101120000-abcdef123456": true,
		"dev": false, "1.2": false, "01.2.3": false, "(devel)": false, "": false,
	} {
		if got := semverPattern.MatchString(v); got != want {
			t.Errorf("semverPattern.MatchString(%q) = %v, want %v", v, got, want)
		}
	}
}
