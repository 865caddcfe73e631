package report

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/apiaudit/apiaudit/pkg/lint"
)

// junitSchema is the Jenkins xUnit plugin's junit-10.xsd
// (jenkinsci/xunit-plugin, src/main/resources/org/jenkinsci/plugins/xunit/
// types/model/xsd/junit-10.xsd, MIT licence), the schema that Jenkins,
// GitLab and the test-report actions read, restated as a table: for each
// element, the attributes it may carry, those it must carry, and the
// elements it may contain. The schema allows no other attribute
// (no xs:anyAttribute) and no other element.
var junitSchema = map[string]struct {
	attrs, required, children []string
	text                      bool // mixed content: text allowed
}{
	"testsuites": {attrs: []string{"name", "time", "tests", "failures", "errors"}, children: []string{"testsuite"}},
	"testsuite": {
		attrs:    []string{"name", "tests", "failures", "errors", "group", "time", "skipped", "timestamp", "hostname", "id", "package", "file", "log", "url"},
		required: []string{"name", "tests", "failures", "errors"},
		children: []string{"testsuite", "properties", "testcase", "system-out", "system-err"},
	},
	"properties": {children: []string{"property"}},
	"property":   {attrs: []string{"name", "value"}, required: []string{"name", "value"}},
	"testcase": {
		attrs: []string{"name", "time", "classname", "group"}, required: []string{"name"},
		children: []string{"skipped", "error", "failure", "rerunFailure", "rerunError", "flakyFailure", "flakyError", "system-out", "system-err"},
	},
	"failure":    {attrs: []string{"type", "message"}, text: true},
	"error":      {attrs: []string{"type", "message"}, text: true},
	"skipped":    {attrs: []string{"type", "message"}, text: true},
	"system-out": {text: true},
	"system-err": {text: true},
}

// surefireTime is junit-10.xsd's SUREFIRE_TIME pattern, anchored as XSD
// patterns are.
var surefireTime = regexp.MustCompile(`^(([0-9]{0,3},)*[0-9]{3}|[0-9]{0,3})*(\.[0-9]*)?$`)

// antTimestamp is the stricter Ant schema's ISO8601_DATETIME_PATTERN (a
// timestamp without a zone), which the CI systems that check timestamps
// expect.
var antTimestamp = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}$`)

// validateJUnit checks out against junitSchema, and that every testsuite
// says when, where and how long it ran (time, timestamp, hostname), which
// junit-10.xsd leaves optional and stricter consumers require.
func validateJUnit(out []byte) error {
	dec := xml.NewDecoder(bytes.NewReader(out))
	var stack []string
	root := true
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return fmt.Errorf("invalid XML: %v", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := t.Name.Local
			el, known := junitSchema[name]
			switch {
			case !known:
				return fmt.Errorf("element <%s> is not in junit-10.xsd", name)
			case root && name != "testsuites":
				return fmt.Errorf("the root is <%s>, not <testsuites>", name)
			case !root && !slices.Contains(junitSchema[stack[len(stack)-1]].children, name):
				return fmt.Errorf("<%s> may not contain <%s>", stack[len(stack)-1], name)
			}
			root = false
			have := map[string]string{}
			for _, a := range t.Attr {
				if !slices.Contains(el.attrs, a.Name.Local) {
					return fmt.Errorf("<%s> may not have attribute %s", name, a.Name.Local)
				}
				have[a.Name.Local] = a.Value
			}
			for _, r := range el.required {
				if _, ok := have[r]; !ok {
					return fmt.Errorf("<%s> lacks required attribute %s", name, r)
				}
			}
			if v, ok := have["time"]; ok && !surefireTime.MatchString(v) {
				return fmt.Errorf("<%s time=%q> is not a SUREFIRE_TIME", name, v)
			}
			if name == "testsuite" {
				if !antTimestamp.MatchString(have["timestamp"]) || have["hostname"] == "" || have["time"] == "" {
					return fmt.Errorf("<testsuite name=%q> lacks a time, a zone-less timestamp or a hostname: %v", have["name"], have)
				}
			}
			stack = append(stack, name)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 && !junitSchema[stack[len(stack)-1]].text && len(bytes.TrimSpace(t)) > 0 {
				return fmt.Errorf("<%s> may not contain text", stack[len(stack)-1])
			}
		}
	}
	return nil
}

func TestJUnitSchema(t *testing.T) {
	opts := Options{Started: time.Date(2026, 1, 2, 3, 4, 5, 0, time.FixedZone("x", 3600)), Elapsed: 1500 * time.Millisecond, Hostname: "ci-1"}
	for name, r := range map[string]*lint.Result{"sample": sampleResult(), "hostile": hostileResult(), "empty": {}} {
		out := render(t, "junit", opts, r)
		if err := validateJUnit(out); err != nil {
			t.Errorf("%s: %v\n%s", name, err, out)
		}
		if !strings.Contains(string(out), `time="1.500" timestamp="2026-01-02T02:04:05" hostname="ci-1"`) {
			t.Errorf("%s: the apiaudit suite does not carry the scan's time, UTC timestamp and host:\n%s", name, out)
		}
	}
	// Zero options still validate (the epoch, 0, localhost).
	if err := validateJUnit(render(t, "junit", Options{}, sampleResult())); err != nil {
		t.Error(err)
	}
	// The validator rejects what the schema rejects.
	for _, bad := range []string{
		`<testsuites><testsuite name="a" tests="1" failures="0" errors="0" time="0" timestamp="2026-01-02T03:04:05" hostname="h"><testcase name="x" file="a.yaml"/></testsuite></testsuites>`,
		`<testsuites skipped="1"></testsuites>`,
		`<testsuites><testsuite name="a" tests="1" failures="0" errors="0"></testsuite></testsuites>`,
		`<testsuites><testsuite name="a" tests="0" failures="0" errors="0" time="1s" timestamp="2026-01-02T03:04:05" hostname="h"></testsuite></testsuites>`,
		`<testsuites><testsuite name="a" tests="0" failures="0" errors="0" time="0" timestamp="2026-01-02T03:04:05Z" hostname="h"></testsuite></testsuites>`,
		`<testsuites><testcase name="x"/></testsuites>`,
	} {
		if validateJUnit([]byte(bad)) == nil {
			t.Errorf("validateJUnit accepts %s", bad)
		}
	}
}

// TestJUnitFailOn: only findings at or above --fail-on fail; the others
// are passing tests with the findings as output, so the test tab agrees
// with the exit code.
func TestJUnitFailOn(t *testing.T) {
	// sampleResult has an error, a warning and a note, in two files.
	for _, c := range []struct {
		opts     Options
		failures int
		failOn   string
	}{
		{Options{}, 1, "error"},
		{Options{FailOn: lint.SeverityError}, 1, "error"},
		{Options{FailOn: lint.SeverityWarning}, 2, "warning"},
		{Options{FailOn: lint.SeverityNote}, 3, "note"},
		{Options{NeverFail: true}, 0, "none"},
	} {
		out := render(t, "junit", c.opts, sampleResult())
		var doc junitSuites
		if err := xml.Unmarshal(out, &doc); err != nil {
			t.Fatal(err)
		}
		if doc.Failures != c.failures {
			t.Errorf("fail-on %s: %d failures, want %d:\n%s", c.failOn, doc.Failures, c.failures, out)
		}
		if !strings.Contains(string(out), `<property name="fail-on" value="`+c.failOn+`">`) {
			t.Errorf("fail-on %s: not recorded in the properties:\n%s", c.failOn, out)
		}
		// Every finding is in the report, failing or not.
		for _, f := range sampleResult().Findings {
			if !strings.Contains(string(out), f.Message) {
				t.Errorf("fail-on %s: %q is missing", c.failOn, f.Message)
			}
		}
	}
}

// TestJUnitScanCounts: the apiaudit suite records what was scanned, and
// its testcase errs when nothing was.
func TestJUnitScanCounts(t *testing.T) {
	r := sampleResult()
	r.Modules = 2
	out := string(render(t, "junit", Options{}, r))
	for _, want := range []string{`<property name="documents" value="3">`, `<property name="modules" value="2">`, `<property name="files" value="3">`,
		"scanned 3 OpenAPI documents, 2 Go modules, 3 files"} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %s:\n%s", want, out)
		}
	}
	if strings.Contains(out, "nothing to scan") {
		t.Errorf("a scan with documents says nothing was scanned:\n%s", out)
	}
	var doc junitSuites
	if err := xml.Unmarshal(render(t, "junit", Options{}, &lint.Result{}), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Errors != 1 || doc.Suites[0].Cases[0].Error == nil || doc.Suites[0].Cases[0].Error.Message != "nothing to scan" {
		t.Errorf("an empty scan is not an error: %+v", doc)
	}
}

// TestJUnitNoForgedLines: a line break in a message never lets the
// document start a line of the report, where a CI log would read a
// workflow command.
func TestJUnitNoForgedLines(t *testing.T) {
	for _, opts := range []Options{{}, {NeverFail: true}} {
		out := string(render(t, "junit", opts, hostileResult()))
		for i, line := range strings.Split(out, "\n") {
			if strings.HasPrefix(strings.TrimSpace(line), "::") {
				t.Errorf("line %d starts with a workflow command: %q", i+1, line)
			}
		}
		if !strings.Contains(out, `\n::error::forged`) {
			t.Errorf("the message's line break is not written as \\n:\n%s", out)
		}
	}
	if got := oneLine("a\nb\r\nc\rd\u2028e"); got != `a\nb\nc\rd\u2028e` {
		t.Errorf("oneLine = %q", got)
	}
}
