// Package report writes a lint.Result for people (text) and for machines
// (json, sarif). There is one file per format.
//
// Reporters print what they are given, in the order they are given it: the
// caller sorts the result (lint.Result.Sort) before reporting, and reporters
// never sort or modify it. Output depends on nothing but the result and the
// options, so the same scan always prints the same bytes.
package report

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/apiaudit/apiaudit/pkg/lint"
)

// Options are the settings shared by all formats.
type Options struct {
	// ToolVersion is apiaudit's version as the build reports it, such as
	// "v0.1.0" or "dev".
	ToolVersion string
	// Color turns on ANSI colours in the text format; other formats ignore
	// it. The caller decides (terminal, NO_COLOR, --no-color): reporters do
	// not look at the environment.
	Color bool

	// FailOn is the severity at or above which a finding fails the scan
	// (--fail-on); SeverityDefault means error, the command line's
	// default. NeverFail is --fail-on none. JUnit reports only the
	// findings that fail the scan as failures, so a CI test tab agrees
	// with the exit code.
	FailOn    lint.Severity
	NeverFail bool

	// When the scan started, how long it took and on which host: JUnit's
	// timestamp, time and hostname. Left zero, JUnit writes the Unix epoch,
	// 0 and "localhost".
	Started  time.Time
	Elapsed  time.Duration
	Hostname string

	// Source reads a scanned file by the name findings give it, for the
	// snippets of the html format; nil means no snippets. Other formats
	// ignore it.
	Source func(file string) ([]byte, error)
	// Settings are the run's settings, listed by the html format.
	Settings []Setting
}

// fails reports whether a finding of severity sev fails the scan.
func (o Options) fails(sev lint.Severity) bool {
	if o.NeverFail {
		return false
	}
	threshold := o.FailOn
	if threshold == lint.SeverityDefault {
		threshold = lint.SeverityError
	}
	return sev.AtLeast(threshold)
}

// A Reporter writes a result in one format.
type Reporter interface {
	Report(w io.Writer, r *lint.Result) error
}

// Formats are the names New accepts, for flag help and completion.
var Formats = []string{"text", "json", "sarif", "markdown", "github", "junit", "html"}

// New returns the reporter for a format named in Formats.
func New(format string, opts Options) (Reporter, error) {
	switch format {
	case "text":
		return &textReporter{opts: opts}, nil
	case "json":
		return &jsonReporter{opts: opts}, nil
	case "sarif":
		return &sarifReporter{opts: opts}, nil
	case "markdown":
		return &markdownReporter{opts: opts, maxBytes: markdownMaxBytes}, nil
	case "github":
		return &githubReporter{opts: opts}, nil
	case "junit":
		return &junitReporter{opts: opts}, nil
	case "html":
		return &htmlReporter{opts: opts}, nil
	}
	return nil, fmt.Errorf("unknown format %q (want %s)", format, strings.Join(Formats, ", "))
}

const (
	toolName = "apiaudit"
	toolURI  = "https://github.com/apiaudit/apiaudit"
)

// rulesByID indexes the rules that ran. A finding whose rule is missing (which
// the engine does not produce) is still reported, with what it carries.
func rulesByID(r *lint.Result) map[string]*lint.Rule {
	m := make(map[string]*lint.Rule, len(r.Rules))
	for _, rule := range r.Rules {
		m[rule.ID] = rule
	}
	return m
}

// severityOf is the severity a finding is reported with: its own, else its
// rule's default, else warning (SARIF's default level).
func severityOf(f lint.Finding, rule *lint.Rule) lint.Severity {
	if f.Severity != lint.SeverityDefault {
		return f.Severity
	}
	if rule != nil && rule.Severity() != lint.SeverityDefault {
		return rule.Severity()
	}
	return lint.SeverityWarning
}

// fixOf is the finding's own hint, else its rule's.
func fixOf(f lint.Finding, rule *lint.Rule) string {
	if f.Fix != "" || rule == nil {
		return f.Fix
	}
	return rule.Doc.Fix
}

// fingerprintOf is the finding's fingerprint, computed the engine's way when
// the finding was built by hand without one.
func fingerprintOf(f lint.Finding) string {
	if f.Fingerprint != "" {
		return f.Fingerprint
	}
	return lint.Fingerprint(f.RuleID, f.Location, f.Message)
}

// tally counts findings by severity, and the distinct files and rules that
// have findings.
type tally struct {
	errors, warnings, notes int
	files, rules            int
}

func count(r *lint.Result, rules map[string]*lint.Rule) tally {
	var t tally
	files := map[string]bool{}
	fired := map[string]bool{}
	for _, f := range r.Findings {
		switch severityOf(f, rules[f.RuleID]) {
		case lint.SeverityError:
			t.errors++
		case lint.SeverityWarning:
			t.warnings++
		default:
			t.notes++
		}
		files[f.Location.File] = true
		fired[f.RuleID] = true
	}
	t.files, t.rules = len(files), len(fired)
	return t
}

// scanned says what the scan looked at, such as "scanned 2 OpenAPI
// documents, 1 Go module, 14 files": every format records it, so a report
// of a scan that read nothing cannot pass for a clean one.
func scanned(r *lint.Result) string {
	if r.Catalogs > 0 || r.ClientConfigs > 0 {
		parts := []string{plural(r.Documents, "OpenAPI document"), plural(r.Modules, "Go module")}
		if r.Catalogs > 0 {
			parts = append(parts, plural(r.Catalogs, "tool manifest"))
		}
		if r.ClientConfigs > 0 {
			parts = append(parts, plural(r.ClientConfigs, "MCP client configuration"))
		}
		return "scanned " + strings.Join(append(parts, plural(len(r.Files), "file")), ", ")
	}
	return fmt.Sprintf("scanned %s, %s, %s", plural(r.Documents, "OpenAPI document"), plural(r.Modules, "Go module"), plural(len(r.Files), "file"))
}
