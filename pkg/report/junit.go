package report

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/apiaudit/apiaudit/pkg/lint"
)

// junitReporter writes JUnit XML, which CI systems (GitLab, Jenkins, Azure
// Pipelines, CircleCI, test-report actions on GitHub) show as test results.
// The shape is that of the Jenkins xUnit plugin's junit-10.xsd, the schema
// these consumers accept (junit_test.go checks it).
//
// There is one testsuite per file, and in it one testcase per rule that ran
// on it: the test "did rule R pass on file F". Which rules read a file
// depends on its kind (lint.Result.Kinds): OpenAPI rules on a document, Go
// rules on a Go file, catalog rules on a tool manifest, client rules on a
// client configuration. A rule whose findings in the file
// fail the scan (at or above --fail-on) fails, with every finding of that
// rule in that file in the failure's text (file:line:col, severity,
// message, fix, help) and the worst severity as the failure's type. A rule
// whose findings are all below --fail-on passes, with them in its
// system-out: they are reported, as the exit code says, but do not turn the
// test tab red on a green build. (Not skipped: a skipped test means the
// rule did not run, and several CI pages flag skipped tests for review.) A
// rule that found nothing passes. So a clean scan is a list of passing
// tests, not an empty report (which Jenkins rejects), the UIs' "file" and
// "class" columns show the file, and the test name shows the rule:
//
//	<testsuite name="api/payments.yaml" tests="2" failures="1" errors="0" skipped="0" time="0" timestamp="…" hostname="…">
//	  <testcase name="OAS101 operation-without-auth" classname="api/payments.yaml">
//	    <failure message="post /payments can be called without authentication" type="error">api/payments.yaml:12:5: error OAS101 …</failure>
//	  </testcase>
//	  <testcase name="OAS201 unbounded-string" classname="api/payments.yaml"></testcase>
//
// junit-10.xsd has no file or line attribute on a testcase (pytest's
// xunit2 family dropped them for the same reason): the classname is the
// file, and each finding's text starts with file:line:col.
//
// The first suite, named apiaudit, is the scan itself: properties record
// what was scanned (documents, modules, files) and the --fail-on
// threshold, and its "apiaudit scan" testcase errs when nothing was
// scanned, as the exit code does. A file that could not be scanned has an
// "apiaudit scan" testcase with an error (and no passing rules, since they
// did not run on it); a file skipped with a notice has one that is skipped.
// Suites come in the order their files first appear in the findings, then
// the other scanned files, then files with only problems or notices.
//
// The scan's start, duration and host are on every suite (per-file times are
// not measured: file suites say 0, the apiaudit suite and the root carry the
// whole scan's time); everything else depends on the result alone.
//
// encoding/xml escapes attributes and writes the failure text as CDATA
// (splitting any "]]>" in it), so line breaks between findings stay
// readable; line breaks inside a message or fix, which come from the
// scanned document, are written as \n, so that no line of the report
// starts with text the document chose (such as a "::error::" workflow
// command when the file is printed in a CI log). Characters that XML 1.0
// cannot carry at all (NUL and other control characters, invalid UTF-8) are
// stripped first, as are invisible format characters, which could make a
// CI page read other than the document does.
type junitReporter struct {
	opts Options
}

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Skipped  int          `xml:"-"` // junit-10.xsd has no skipped on testsuites
	Time     string       `xml:"time,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name       string          `xml:"name,attr"`
	Tests      int             `xml:"tests,attr"`
	Failures   int             `xml:"failures,attr"`
	Errors     int             `xml:"errors,attr"`
	Skipped    int             `xml:"skipped,attr"`
	Time       string          `xml:"time,attr"`
	Timestamp  string          `xml:"timestamp,attr"`
	Hostname   string          `xml:"hostname,attr"`
	Properties *junitPropertes `xml:"properties,omitempty"`
	Cases      []junitCase     `xml:"testcase"`
}

type junitPropertes struct {
	Props []junitProperty `xml:"property"`
}

type junitProperty struct {
	Name  string `xml:"name,attr"`
	Value string `xml:"value,attr"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Skipped   *junitOutcome `xml:"skipped,omitempty"`
	Error     *junitOutcome `xml:"error,omitempty"`
	Failure   *junitOutcome `xml:"failure,omitempty"`
	SystemOut *junitText    `xml:"system-out,omitempty"`
}

type junitOutcome struct {
	Message string `xml:"message,attr,omitempty"`
	Type    string `xml:"type,attr,omitempty"`
	Text    string `xml:",cdata"`
}

type junitText struct {
	Text string `xml:",cdata"`
}

// scanCase names the testcase of a file's problems and notices, and of the
// scan as a whole.
const scanCase = "apiaudit scan"

func (j *junitReporter) Report(w io.Writer, r *lint.Result) error {
	rules := rulesByID(r)

	// The files, in suite order, and what each has.
	type fileInfo struct {
		findings map[string][]lint.Finding // by rule ID
		rules    []string                  // rule IDs with findings not among r.Rules
		problems []lint.Problem
		notices  []lint.Problem
		scanned  bool
	}
	var order []string
	files := map[string]*fileInfo{}
	file := func(name string) *fileInfo {
		fi := files[name]
		if fi == nil {
			fi = &fileInfo{findings: map[string][]lint.Finding{}}
			files[name] = fi
			order = append(order, name)
		}
		return fi
	}
	file("") // the scan itself, first
	for _, f := range r.Findings {
		fi := file(f.Location.File)
		fi.scanned = true
		if rules[f.RuleID] == nil && fi.findings[f.RuleID] == nil {
			fi.rules = append(fi.rules, f.RuleID)
		}
		fi.findings[f.RuleID] = append(fi.findings[f.RuleID], f)
	}
	for _, name := range r.Files {
		file(name).scanned = true
	}
	for _, p := range r.Problems {
		fi := file(p.File)
		fi.problems = append(fi.problems, p)
	}
	for _, p := range r.Notices {
		fi := file(p.File)
		fi.notices = append(fi.notices, p)
	}

	started := j.opts.Started
	if started.IsZero() {
		started = time.Unix(0, 0)
	}
	// junit-10.xsd and Ant's schema take a timestamp without a zone: UTC.
	timestamp := started.UTC().Format("2006-01-02T15:04:05")
	hostname := cmp.Or(xmlText(j.opts.Hostname), "localhost")
	elapsed := strconv.FormatFloat(j.opts.Elapsed.Seconds(), 'f', 3, 64)

	doc := junitSuites{Name: toolName, Time: elapsed}
	for _, name := range order {
		fi := files[name]
		suiteName := xmlText(name)
		suite := junitSuite{Name: suiteName, Time: "0", Timestamp: timestamp, Hostname: hostname}
		if name == "" {
			suiteName = toolName
			suite.Name, suite.Time = toolName, elapsed
			suite.Properties = j.properties(r)
			c := junitCase{Name: scanCase, Classname: toolName, SystemOut: &junitText{Text: scanned(r)}}
			if r.Documents == 0 && r.Modules == 0 && r.Catalogs == 0 && r.ClientConfigs == 0 {
				c.Error = &junitOutcome{Message: "nothing to scan", Type: "problem",
					Text: "no OpenAPI document and no Go module was found under the scanned paths"}
			}
			suite.Cases = append(suite.Cases, c)
		}
		for _, p := range fi.problems {
			suite.Cases = append(suite.Cases, junitCase{
				Name: scanCase, Classname: suiteName,
				Error: &junitOutcome{Message: oneLine(p.Message), Type: "problem", Text: oneLine(p.Error())},
			})
		}
		for _, p := range fi.notices {
			suite.Cases = append(suite.Cases, junitCase{
				Name: scanCase, Classname: suiteName,
				Skipped: &junitOutcome{Message: oneLine(p.Message), Text: oneLine(p.Error())},
			})
		}
		// Rules that did not run on a file that could not be scanned are
		// not passing tests; their findings, if any, are still reported.
		var ids []string
		goFile := strings.HasSuffix(name, ".go")
		kind := r.Kinds[name]
		// A file a tool-catalog or client rule fired on, of a kind the
		// result does not say, is a tool manifest or a client
		// configuration, not an OpenAPI document.
		otherKind := false
		if kind == lint.FileUnknown {
			for id := range fi.findings {
				if rule := rules[id]; rule != nil && (rule.Catalog != nil || rule.Client != nil) && !goFile {
					otherKind = true
				}
			}
		}
		for _, rule := range r.Rules {
			// A file is a passing test only of the rules that read its kind.
			// (Engine-made rules have no analyzer: their prefix says.)
			goRule := rule.Analyzer != nil || strings.HasPrefix(rule.ID, "GO")
			applies := goRule == goFile
			if rule.Client != nil || rule.Catalog != nil {
				// Catalog rules run on agent-facing OpenAPI documents and
				// Go MCP servers as well, but only on some: on those they
				// show only where they fired, and never pass.
				applies = false
			}
			// Engine-made rules of tool manifests and client
			// configurations (MCP504) are MCP-prefixed.
			builtinMCP := strings.HasPrefix(rule.ID, "MCP") && rule.Spec == nil && rule.Analyzer == nil &&
				rule.Catalog == nil && rule.Client == nil && rule.Drift == nil
			switch kind {
			case lint.FileOpenAPI, lint.FileGo:
				applies = applies && !builtinMCP
			case lint.FileToolManifest:
				applies = rule.Catalog != nil || builtinMCP
			case lint.FileClientConfig:
				applies = rule.Client != nil || builtinMCP
			}
			if otherKind {
				applies = false
			}
			if name != "" && len(fi.problems) == 0 && fi.scanned && applies || fi.findings[rule.ID] != nil {
				ids = append(ids, rule.ID)
			}
		}
		ids = append(ids, fi.rules...)
		for _, id := range ids {
			rule := rules[id]
			c := junitCase{Name: xmlText(id), Classname: suiteName}
			if rule != nil && rule.Name != "" {
				c.Name += " " + xmlText(rule.Name)
			}
			if fs := fi.findings[id]; len(fs) > 0 {
				c.Failure, c.SystemOut = j.outcome(fs, rule)
			}
			suite.Cases = append(suite.Cases, c)
		}
		for _, c := range suite.Cases {
			suite.Tests++
			switch {
			case c.Failure != nil:
				suite.Failures++
			case c.Error != nil:
				suite.Errors++
			case c.Skipped != nil:
				suite.Skipped++
			}
		}
		doc.Tests += suite.Tests
		doc.Failures += suite.Failures
		doc.Errors += suite.Errors
		doc.Skipped += suite.Skipped
		doc.Suites = append(doc.Suites, suite)
	}

	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("junit: %w", err)
	}
	b.WriteByte('\n')
	_, err := w.Write(b.Bytes())
	return err
}

// properties are the apiaudit suite's: what was scanned and what fails.
func (j *junitReporter) properties(r *lint.Result) *junitPropertes {
	failOn := "none"
	if !j.opts.NeverFail {
		failOn = cmp.Or(j.opts.FailOn, lint.SeverityError).String()
	}
	return &junitPropertes{Props: []junitProperty{
		{Name: "documents", Value: strconv.Itoa(r.Documents)},
		{Name: "modules", Value: strconv.Itoa(r.Modules)},
		{Name: "files", Value: strconv.Itoa(len(r.Files))},
		{Name: "fail-on", Value: failOn},
	}}
}

// outcome is what one rule found on one file: a failure when a finding is
// at or above --fail-on, else a passing test with the findings as output.
func (j *junitReporter) outcome(fs []lint.Finding, rule *lint.Rule) (*junitOutcome, *junitText) {
	worst := lint.SeverityNote
	var text []string
	for _, f := range fs {
		sev := severityOf(f, rule)
		worst = min(worst, sev) // error < warning < note
		s := fmt.Sprintf("%s: %s %s %s", oneLine(f.Location.String()), sev, f.RuleID, oneLine(f.Message))
		if fix := fixOf(f, rule); fix != "" {
			s += "\nfix: " + oneLine(fix)
		}
		text = append(text, s)
	}
	if rule != nil {
		text = append(text, "help: "+rule.HelpURI())
	}
	body := strings.Join(text, "\n\n")
	if !j.opts.fails(worst) {
		return nil, &junitText{Text: body}
	}
	msg := fs[0].Message
	if len(fs) > 1 {
		msg = fmt.Sprintf("%d findings, the first: %s", len(fs), msg)
	}
	return &junitOutcome{Message: oneLine(msg), Type: worst.String(), Text: body}, nil
}

// oneLine is xmlText with line breaks written as \n and \r: text from the
// scanned document never starts a line of the report.
func oneLine(s string) string {
	return xmlText(lineBreaks.Replace(s))
}

var lineBreaks = strings.NewReplacer("\r\n", `\n`, "\n", `\n`, "\r", `\r`, "\u2028", `\u2028`, "\u2029", `\u2029`, "\u0085", `\u0085`)

// xmlText drops what XML 1.0 cannot carry (control characters other than
// tab, line feed and carriage return; U+FFFE and U+FFFF; invalid UTF-8) and
// invisible format characters (bidirectional controls, zero-width
// characters). encoding/xml would replace the first with U+FFFD; removing
// them is what the JUnit consumers that choke on them expect.
func xmlText(s string) string {
	keep := func(r rune) bool {
		switch {
		case r == '\t', r == '\n', r == '\r':
			return true
		case r == utf8.RuneError, r == 0xFFFE, r == 0xFFFF,
			unicode.IsControl(r), unicode.Is(unicode.Cf, r):
			return false
		}
		return true
	}
	clean := true
	for _, r := range s {
		if !keep(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if keep(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}
