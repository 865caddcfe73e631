package report

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/apiaudit/apiaudit/pkg/lint"
)

// junitReporter writes JUnit XML, which CI systems (GitLab, Jenkins, Azure
// Pipelines, CircleCI, test-report actions on GitHub) show as test results.
//
// There is one testsuite per file, and in it one testcase per rule that ran:
// the test "did rule R pass on file F". A rule that found something in the
// file fails, with every finding of that rule in that file in the failure's
// text (file:line:col, severity, message, fix, help) and the worst severity
// as the failure's type; a rule that found nothing passes. So a clean scan
// is a list of passing tests, not an empty report (which Jenkins rejects),
// the UIs' "file" and "class" columns show the file, and the test name
// shows the rule:
//
//	<testsuite name="api/payments.yaml" tests="2" failures="1" errors="0" skipped="0">
//	  <testcase name="OAS101 operation-without-auth" classname="api/payments.yaml" file="api/payments.yaml" line="12">
//	    <failure message="post /payments can be called without authentication" type="error">api/payments.yaml:12:5: error OAS101 …</failure>
//	  </testcase>
//	  <testcase name="OAS201 unbounded-string" classname="api/payments.yaml" file="api/payments.yaml"></testcase>
//
// A file that could not be scanned has an "apiaudit scan" testcase with an
// error (and no passing rules, since they did not run on it); a file skipped
// with a notice has one that is skipped. Suites come in the order their
// files first appear in the findings, then the other scanned files, then
// files with only problems or notices. No timestamps or host names: the
// output depends on the result alone.
//
// encoding/xml escapes attributes and writes the failure text as CDATA
// (splitting any "]]>" in it), so line breaks stay readable; characters that XML 1.0 cannot carry at
// all (NUL and other control characters, invalid UTF-8) are stripped first,
// as are invisible format characters, which could make a CI page read other
// than the document does.
type junitReporter struct {
	opts Options
}

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Skipped  int          `xml:"skipped,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Skipped  int         `xml:"skipped,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	File      string        `xml:"file,attr,omitempty"`
	Line      int           `xml:"line,attr,omitempty"`
	Failure   *junitOutcome `xml:"failure,omitempty"`
	Error     *junitOutcome `xml:"error,omitempty"`
	Skipped   *junitOutcome `xml:"skipped,omitempty"`
}

type junitOutcome struct {
	Message string `xml:"message,attr,omitempty"`
	Type    string `xml:"type,attr,omitempty"`
	Text    string `xml:",cdata"`
}

// scanCase names the testcase of a file's problems and notices.
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

	doc := junitSuites{Name: toolName}
	for _, name := range order {
		fi := files[name]
		suiteName := xmlText(name)
		if name == "" {
			suiteName = toolName
		}
		suite := junitSuite{Name: suiteName}
		for _, p := range fi.problems {
			suite.Cases = append(suite.Cases, junitCase{
				Name: scanCase, Classname: suiteName, File: xmlText(name), Line: p.Line,
				Error: &junitOutcome{Message: xmlText(p.Message), Type: "problem", Text: xmlText(p.Error())},
			})
		}
		for _, p := range fi.notices {
			suite.Cases = append(suite.Cases, junitCase{
				Name: scanCase, Classname: suiteName, File: xmlText(name), Line: p.Line,
				Skipped: &junitOutcome{Message: xmlText(p.Message), Text: xmlText(p.Error())},
			})
		}
		// Rules that did not run on a file that could not be scanned are
		// not passing tests; their findings, if any, are still failures.
		var ids []string
		goFile := strings.HasSuffix(name, ".go")
		for _, rule := range r.Rules {
			// A file is a passing test only of the rules that read its kind.
			applies := (rule.Analyzer != nil) == goFile
			if len(fi.problems) == 0 && fi.scanned && applies || fi.findings[rule.ID] != nil {
				ids = append(ids, rule.ID)
			}
		}
		ids = append(ids, fi.rules...)
		for _, id := range ids {
			rule := rules[id]
			c := junitCase{Name: xmlText(id), Classname: suiteName, File: xmlText(name)}
			if rule != nil && rule.Name != "" {
				c.Name += " " + xmlText(rule.Name)
			}
			if fs := fi.findings[id]; len(fs) > 0 {
				c.Line = fs[0].Location.Line
				c.Failure = junitFailure(fs, rule)
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

// junitFailure is the failure of one rule on one file: the message of its
// only finding, or how many there are, typed by the worst severity, with
// every finding in the text.
func junitFailure(fs []lint.Finding, rule *lint.Rule) *junitOutcome {
	worst := lint.SeverityNote
	var text []string
	for _, f := range fs {
		sev := severityOf(f, rule)
		worst = min(worst, sev) // error < warning < note
		s := fmt.Sprintf("%s: %s %s %s", f.Location, sev, f.RuleID, f.Message)
		if fix := fixOf(f, rule); fix != "" {
			s += "\nfix: " + fix
		}
		text = append(text, s)
	}
	if rule != nil {
		text = append(text, "help: "+rule.HelpURI())
	}
	msg := fs[0].Message
	if len(fs) > 1 {
		msg = fmt.Sprintf("%d findings, the first: %s", len(fs), msg)
	}
	return &junitOutcome{Message: xmlText(msg), Type: worst.String(), Text: xmlText(strings.Join(text, "\n\n"))}
}

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
