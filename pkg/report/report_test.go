package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/apiaudit/apiaudit/pkg/lint"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// Two rules in the shape of real ones, with every Doc field filled in.
var (
	ruleAuth = &lint.Rule{
		ID:   "OAS101",
		Name: "operation-without-auth",
		Doc: lint.Doc{
			Title:   "Operation requires no authentication",
			Summary: "Reports operations that have no security requirement, neither their own nor the document's.",
			Why: "An operation without a security requirement can be called by anyone who can reach the server.\n" +
				"Gateways and generated clients read `security` to decide whether to send credentials.",
			Fix: "add a security requirement to the operation or to the document",
			Bad: `
paths:
  /payments:
    post:
      responses:
        "201": {description: created}
`,
			Good: `
security:
  - bearer: []
paths:
  /payments:
    post:
      responses:
        "201": {description: created}
`,
			Lang:      "yaml",
			Severity:  lint.SeverityError,
			Precision: "high",
			CWE:       []int{306},
			OWASP:     []string{"API2:2023"},
			Since:     "v0.1.0",
		},
		Engine: true,
	}
	ruleBounds = &lint.Rule{
		ID:   "OAS201",
		Name: "unbounded-string",
		Doc: lint.Doc{
			Title:     "String without a maximum length",
			Summary:   "Reports string schemas in request bodies that have no maxLength, enum or format bounding them.",
			Why:       "Without a bound a client can send strings of any size (say > 1 GB) & the server has to read them.",
			Fix:       "set maxLength on the string schema",
			Bad:       "type: string\n",
			Good:      "type: string\nmaxLength: 64\n",
			Lang:      "yaml",
			Severity:  lint.SeverityWarning,
			Precision: "medium",
			CWE:       []int{770, 400},
			OWASP:     []string{"API4:2023"},
			Since:     "v0.1.0",
		},
		Engine: true,
	}
)

func finding(rule *lint.Rule, sev lint.Severity, msg, fix string, loc lint.Location) lint.Finding {
	return lint.Finding{
		RuleID:      rule.ID,
		Severity:    sev,
		Message:     msg,
		Fix:         fix,
		Location:    loc,
		Fingerprint: lint.Fingerprint(rule.ID, loc, msg),
	}
}

// sampleResult has findings in two files (one with a pointer and an end,
// one with its own fix hint, one at line 0) and one problem.
func sampleResult() *lint.Result {
	r := &lint.Result{
		Rules: []*lint.Rule{ruleAuth, ruleBounds},
		Files: []string{"api/broken.yaml", "api/payments.yaml", "api/users.yaml"},
		// Documents counts api/broken.yaml, which the scan tried to load.
		Documents: 3,
		Findings: []lint.Finding{
			finding(ruleAuth, lint.SeverityError, "post /payments can be called without authentication", "",
				lint.Location{File: "api/payments.yaml", Line: 12, Column: 5, EndLine: 12, EndColumn: 9, Pointer: "/paths/~1payments/post"}),
			finding(ruleBounds, lint.SeverityWarning, "property note of schema Payment has no maxLength", "set maxLength: 140 on Payment.note",
				lint.Location{File: "api/payments.yaml", Line: 31, Column: 11, Pointer: "/components/schemas/Payment/properties/note"}),
			finding(ruleAuth, lint.SeverityNote, "document declares no security scheme", "",
				lint.Location{File: "api/users.yaml"}),
		},
		Problems: []lint.Problem{
			{File: "api/broken.yaml", Line: 3, Column: 7, Message: "cannot parse the document: mapping values are not allowed in this context"},
		},
		Notices: []lint.Problem{
			{File: "api/openapi.json", Message: "skipped: not an OpenAPI document"},
		},
	}
	r.Sort()
	return r
}

func render(t *testing.T, format string, opts Options, r *lint.Result) []byte {
	t.Helper()
	rep, err := New(format, opts)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := rep.Report(&b, r); err != nil {
		t.Fatalf("%s: %v", format, err)
	}
	return b.Bytes()
}

// golden compares got with testdata/name, or rewrites the file with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output (go test -update rewrites it):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

func TestGolden(t *testing.T) {
	opts := Options{ToolVersion: "v0.1.0"}
	for _, format := range Formats {
		t.Run(format, func(t *testing.T) {
			golden(t, "sample."+format, render(t, format, opts, sampleResult()))
			golden(t, "empty."+format, render(t, format, opts, &lint.Result{}))
		})
	}
}

// TestDeterministicAndReadOnly renders each format twice and checks that the
// bytes are equal and that the result was left as it was.
func TestDeterministicAndReadOnly(t *testing.T) {
	for _, format := range Formats {
		r := sampleResult()
		findings := slices.Clone(r.Findings)
		problems := slices.Clone(r.Problems)
		rules := slices.Clone(r.Rules)
		docs := []lint.Doc{ruleAuth.Doc, ruleBounds.Doc}

		first := render(t, format, Options{ToolVersion: "dev", Color: true}, r)
		second := render(t, format, Options{ToolVersion: "dev", Color: true}, r)
		if !bytes.Equal(first, second) {
			t.Errorf("%s: two runs printed different output", format)
		}
		if !reflect.DeepEqual(r.Findings, findings) || !reflect.DeepEqual(r.Problems, problems) || !slices.Equal(r.Rules, rules) {
			t.Errorf("%s: the reporter modified the result", format)
		}
		if !reflect.DeepEqual([]lint.Doc{ruleAuth.Doc, ruleBounds.Doc}, docs) {
			t.Errorf("%s: the reporter modified a rule", format)
		}
		if cwd, _ := os.Getwd(); cwd != "" && bytes.Contains(first, []byte(cwd)) {
			t.Errorf("%s: output contains the working directory %s", format, cwd)
		}
	}
}

// TestNoReordering gives the reporters findings out of canonical order: they
// must print them as given.
func TestNoReordering(t *testing.T) {
	r := sampleResult()
	slices.Reverse(r.Findings)
	for _, format := range Formats {
		out := string(render(t, format, Options{}, r))
		a := strings.Index(out, r.Findings[0].Message)
		b := strings.Index(out, r.Findings[len(r.Findings)-1].Message)
		if a < 0 || b < 0 || a > b {
			t.Errorf("%s: findings were not printed in the order given", format)
		}
	}
}

func TestNew(t *testing.T) {
	for _, format := range Formats {
		if rep, err := New(format, Options{}); err != nil || rep == nil {
			t.Errorf("New(%q) = %v, %v", format, rep, err)
		}
	}
	_, err := New("xml", Options{})
	if err == nil {
		t.Fatal(`New("xml") succeeded`)
	}
	for _, want := range append([]string{`"xml"`}, Formats...) {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %s", err, want)
		}
	}
}

func TestSeverityAndFixFallback(t *testing.T) {
	f := lint.Finding{RuleID: ruleBounds.ID}
	if got := severityOf(f, ruleBounds); got != lint.SeverityWarning {
		t.Errorf("severityOf(default, OAS201) = %v, want the rule's warning", got)
	}
	if got := severityOf(f, nil); got != lint.SeverityWarning {
		t.Errorf("severityOf(default, no rule) = %v, want warning", got)
	}
	if got := severityOf(lint.Finding{Severity: lint.SeverityNote}, ruleAuth); got != lint.SeverityNote {
		t.Errorf("severityOf(note, OAS101) = %v, want the finding's note", got)
	}
	if got := fixOf(f, ruleBounds); got != ruleBounds.Doc.Fix {
		t.Errorf("fixOf(no fix) = %q, want the rule's", got)
	}
	if got := fixOf(lint.Finding{Fix: "own"}, ruleBounds); got != "own" {
		t.Errorf("fixOf(own fix) = %q", got)
	}
}
