package report

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/apiaudit/apiaudit/pkg/lint"
)

// githubReporter writes GitHub Actions workflow commands, which the runner
// turns into annotations on the lines of the pull request diff:
//
//	::error file=api/payments.yaml,line=12,col=5,endLine=12,endColumn=9,title=OAS101 operation-without-auth::post /payments can be called without authentication%0Afix: add a security requirement …
//
// Severity maps as error→error, warning→warning, note→notice. Problems are
// errors titled "apiaudit: cannot scan", notices are notices, and the last
// line is the summary of the text format, which is not a command.
//
// Every command is exactly one line: the runner reads the log line by line,
// and a line break in a message would end the command and let the rest of
// the message, which comes from a scanned document, be read as a command of
// its own. Messages are escaped as the runner requires (% \r \n in the data;
// also : and , in property values), and control and invisible format
// characters are shown as escapes first, as in the text format.
//
// GitHub shows at most 10 annotations of each level per step (50 per job);
// the rest are still in the log.
type githubReporter struct {
	opts Options
}

func (g *githubReporter) Report(w io.Writer, r *lint.Result) error {
	rules := rulesByID(r)
	var b bytes.Buffer
	for _, f := range r.Findings {
		rule := rules[f.RuleID]
		title := f.RuleID
		if rule != nil && rule.Name != "" {
			title += " " + rule.Name
		}
		msg := safe(f.Message)
		if fix := fixOf(f, rule); fix != "" {
			msg += "\nfix: " + safe(fix)
		}
		if rule != nil {
			msg += "\nhelp: " + rule.HelpURI()
		}
		writeCommand(&b, githubLevel(severityOf(f, rule)), f.Location, title, msg)
	}
	for _, p := range r.Problems {
		writeCommand(&b, "error", lint.Location{File: p.File, Line: p.Line, Column: p.Column}, "apiaudit: cannot scan", safe(p.Message))
	}
	for _, p := range r.Notices {
		writeCommand(&b, "notice", lint.Location{File: p.File, Line: p.Line, Column: p.Column}, "apiaudit: notice", safe(p.Message))
	}
	b.WriteString(summary(count(r, rules), len(r.Problems), newPalette(false)))
	b.WriteString(baselineNote(r) + "; " + scanned(r))
	b.WriteByte('\n')
	_, err := w.Write(b.Bytes())
	return err
}

func githubLevel(s lint.Severity) string {
	switch s {
	case lint.SeverityError:
		return "error"
	case lint.SeverityWarning:
		return "warning"
	}
	return "notice"
}

// writeCommand writes one ::level props::message line. Properties are left
// out when unknown: line and col when 0, col and endColumn when the
// annotation spans lines (the runner accepts columns on one-line
// annotations only).
func writeCommand(b *bytes.Buffer, level string, l lint.Location, title, msg string) {
	var props []string
	add := func(k, v string) { props = append(props, k+"="+escapeProperty(v)) }
	if l.File != "" {
		add("file", safe(l.File))
	}
	if l.Line > 0 {
		add("line", fmt.Sprint(l.Line))
		oneLine := l.EndLine <= l.Line
		if l.Column > 0 && oneLine {
			add("col", fmt.Sprint(l.Column))
		}
		if l.EndLine >= l.Line {
			add("endLine", fmt.Sprint(l.EndLine))
		}
		if l.Column > 0 && l.EndLine == l.Line && l.EndColumn >= l.Column {
			add("endColumn", fmt.Sprint(l.EndColumn))
		}
	}
	add("title", title)
	fmt.Fprintf(b, "::%s %s::%s\n", level, strings.Join(props, ","), escapeData(msg))
}

// escapeData escapes a command's message as the runner unescapes it
// (actions/toolkit escapeData): %, \r and \n.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a property value (actions/toolkit
// escapeProperty): the data escapes, and ":" and "," which would end the
// value.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
