package report

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/fatih/color"
)

// textReporter prints findings for a terminal, grouped by file:
//
//	api/payments.yaml
//	  api/payments.yaml:12:5: error OAS101 (operation-without-auth) post /payments can be called without authentication
//	      fix: add a security requirement to the operation or to the document
//
//	problem: api/broken.yaml:3: cannot parse the document
//
//	1 error in 1 file (1 rule), 1 problem
//
// Each finding line starts with file:line:col so that terminals and editors
// can jump to it; the group header only makes long reports easier to scan.
type textReporter struct {
	opts Options
}

// palette holds the colours of the text format. Each colour is switched on or
// off explicitly so that color.NoColor, which fatih/color derives from the
// process's stdout, has no say: Options.Color alone decides.
type palette struct {
	err, warn, note, bold, faint *color.Color
}

func newPalette(on bool) palette {
	p := palette{
		err:   color.New(color.FgRed),
		warn:  color.New(color.FgYellow),
		note:  color.New(color.FgCyan),
		bold:  color.New(color.Bold),
		faint: color.New(color.Faint),
	}
	for _, c := range []*color.Color{p.err, p.warn, p.note, p.bold, p.faint} {
		if on {
			c.EnableColor()
		} else {
			c.DisableColor()
		}
	}
	return p
}

func (p palette) severity(s lint.Severity) *color.Color {
	switch s {
	case lint.SeverityError:
		return p.err
	case lint.SeverityWarning:
		return p.warn
	}
	return p.note
}

func (t *textReporter) Report(w io.Writer, r *lint.Result) error {
	p := newPalette(t.opts.Color)
	rules := rulesByID(r)
	var b bytes.Buffer

	for i, f := range r.Findings {
		// Findings come sorted by file, so a group is a run of equal files.
		if i == 0 || f.Location.File != r.Findings[i-1].Location.File {
			if i > 0 {
				b.WriteByte('\n')
			}
			fmt.Fprintln(&b, p.bold.Sprint(safe(f.Location.File)))
		}
		rule := rules[f.RuleID]
		sev := severityOf(f, rule)
		fmt.Fprintf(&b, "  %s: %s %s", safe(f.Location.String()), p.severity(sev).Sprint(sev), p.bold.Sprint(f.RuleID))
		if rule != nil && rule.Name != "" {
			fmt.Fprintf(&b, " (%s)", rule.Name)
		}
		fmt.Fprintf(&b, " %s\n", safe(f.Message))
		for _, st := range f.Flow {
			fmt.Fprintf(&b, "      %s\n", p.faint.Sprint("from "+safe(st.Location.String())+": "+safe(st.Message)))
		}
		for _, st := range f.Related {
			fmt.Fprintf(&b, "      %s\n", p.faint.Sprint("see "+safe(st.Location.String())+": "+safe(st.Message)))
		}
		if fix := fixOf(f, rule); fix != "" {
			fmt.Fprintf(&b, "      %s\n", p.faint.Sprint("fix: "+safe(fix)))
		}
	}

	if len(r.Problems)+len(r.Notices) > 0 {
		if len(r.Findings) > 0 {
			b.WriteByte('\n')
		}
		for _, pr := range r.Problems {
			fmt.Fprintf(&b, "%s %s\n", p.err.Sprint("problem:"), safe(pr.Error()))
		}
		for _, pr := range r.Notices {
			fmt.Fprintf(&b, "%s %s\n", p.warn.Sprint("notice:"), safe(pr.Error()))
		}
	}

	if b.Len() > 0 {
		b.WriteByte('\n')
	}
	b.WriteString(summary(count(r, rules), len(r.Problems), p))
	if r.Baselined > 0 {
		fmt.Fprintf(&b, ", %s hidden by the baseline", plural(r.Baselined, "finding"))
	}
	b.WriteString("; " + scanned(r))
	b.WriteByte('\n')

	_, err := w.Write(b.Bytes())
	return err
}

// summary is the last line of the text format, such as
// "3 errors, 2 warnings, 1 note in 2 files (4 rules)": the files and rules
// counted are those with findings. Problems, if any, follow after a comma.
func summary(t tally, problems int, p palette) string {
	var parts []string
	add := func(n int, word string, c *color.Color) {
		if n > 0 {
			parts = append(parts, c.Sprint(plural(n, word)))
		}
	}
	add(t.errors, "error", p.err)
	add(t.warnings, "warning", p.warn)
	add(t.notes, "note", p.note)

	var s string
	if len(parts) == 0 {
		s = "no findings"
	} else {
		s = fmt.Sprintf("%s in %s (%s)", strings.Join(parts, ", "), plural(t.files, "file"), plural(t.rules, "rule"))
	}
	if problems > 0 {
		s += ", " + p.err.Sprint(plural(problems, "problem"))
	}
	return s
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// Safe is safe for the command line's own messages on standard error: what
// it prints there (problems, notices, errors quoting a configuration file)
// carries text from scanned files too, and a line break in it could start
// a line that a CI runner reads as a workflow command ("::error ...").
func Safe(s string) string { return safe(s) }

// safe makes text from a scanned file harmless on a terminal: control
// characters (escape sequences among them), invisible format characters
// (zero-width and bidirectional controls, which can make a line read other
// than it is) and invalid UTF-8 are shown as escapes instead of being
// written raw.
func safe(s string) string {
	clean := true
	for _, r := range s {
		if r == utf8.RuneError || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, "\\x%02x", s[0])
		case r == '\t':
			b.WriteString("  ")
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r):
			fmt.Fprintf(&b, "\\u{%x}", r)
		default:
			b.WriteString(s[:size])
		}
		s = s[size:]
	}
	return b.String()
}
