package report

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/apiaudit/apiaudit/pkg/lint"
)

// markdownMaxBytes caps the markdown report a little under 65,536
// characters, GitHub's limit for an issue or pull request comment, leaving
// room for text a workflow puts around it. ($GITHUB_STEP_SUMMARY takes up to
// 1 MiB.) Findings that do not fit are counted in a last "and N more" line:
// the SARIF and JSON reports always have them all.
const markdownMaxBytes = 60000

// markdownReporter writes GitHub-flavoured markdown for pull request comments
// and $GITHUB_STEP_SUMMARY:
//
//	### apiaudit: 1 error, 1 warning in 1 file (2 rules)
//
//	| Severity | Findings |
//	|:--|--:|
//	| error | 1 |
//	...
//
//	| Severity | Rule | Location | Message |
//	|:--|:--|:--|:--|
//	| error | [OAS101](https://…/OAS101.md) operation-without-auth | [api/payments.yaml:12:5](api/payments.yaml#L12) | post /payments can be called without authentication<br>fix: … |
//
// Links to files are relative, as the file names are: they resolve where the
// markdown is rendered inside the repository, and a CI job that knows the
// commit can prefix them (action.yml does for the job summary, relying on
// their shape: percent-encoded path, optional #L<line>). Everything that comes from a scanned
// document (messages, fixes, file names) is escaped so that it is shown as
// written and cannot add markup, raw HTML, @mentions or #references: see
// mdText. Everything sits in table cells, so no document text ever starts a
// line.
type markdownReporter struct {
	opts     Options
	maxBytes int // markdownMaxBytes; smaller in tests
}

func (m *markdownReporter) Report(w io.Writer, r *lint.Result) error {
	rules := rulesByID(r)
	t := count(r, rules)
	var b bytes.Buffer

	fmt.Fprintf(&b, "### apiaudit: %s%s\n", summary(t, len(r.Problems), newPalette(false)), baselineNote(r))

	if len(r.Findings) > 0 {
		b.WriteString("\n| Severity | Findings |\n|:--|--:|\n")
		for _, row := range []struct {
			sev lint.Severity
			n   int
		}{{lint.SeverityError, t.errors}, {lint.SeverityWarning, t.warnings}, {lint.SeverityNote, t.notes}} {
			fmt.Fprintf(&b, "| %s | %d |\n", row.sev, row.n)
		}
		b.WriteString("\n| Severity | Rule | Location | Message |\n|:--|:--|:--|:--|\n")
	}

	limit := m.maxBytes
	if limit <= 0 {
		limit = markdownMaxBytes
	}
	// Problems and notices are written after the findings but get their
	// share of the limit first (a quarter and an eighth at most), so that a
	// long list of findings cannot push out the files that were not scanned.
	problems := table("Problems (files that could not be scanned)", "problem", r.Problems, limit/4)
	notices := table("Notices", "notice", r.Notices, limit/8)
	footer := ""
	if v := m.opts.ToolVersion; v != "" {
		footer = fmt.Sprintf("\n<sub>[apiaudit](%s) %s</sub>\n", toolURI, mdText(v))
	}
	budget := limit - b.Len() - len(problems) - len(notices) - len(footer)
	b.WriteString(capped(r.Findings, func(f lint.Finding) string { return markdownFinding(f, rules[f.RuleID]) }, "finding", budget))
	b.WriteString(problems)
	b.WriteString(notices)
	b.WriteString(footer)

	_, err := w.Write(b.Bytes())
	return err
}

// moreLine ends a list that did not fit; capped keeps room for it.
const moreLine = "\n… and %s (the SARIF and JSON reports list them all)\n"

// capped renders items one row each while they fit in budget bytes, then
// counts the rest in an "and N more" line.
func capped[T any](items []T, row func(T) string, noun string, budget int) string {
	var b strings.Builder
	budget -= len(moreLine) + 20
	for i, it := range items {
		s := row(it)
		if b.Len()+len(s) > budget {
			more := "1 more " + noun
			if n := len(items) - i; n > 1 {
				more = fmt.Sprintf("%d more %ss", n, noun)
			}
			fmt.Fprintf(&b, moreLine, more)
			break
		}
		b.WriteString(s)
	}
	return b.String()
}

// markdownFinding is one row of the findings table.
func markdownFinding(f lint.Finding, rule *lint.Rule) string {
	ruleCell := mdText(f.RuleID)
	if rule != nil {
		ruleCell = "[" + ruleCell + "](" + rule.HelpURI() + ")"
		if rule.Name != "" {
			ruleCell += " " + mdText(rule.Name)
		}
	}
	msg := mdText(f.Message)
	if fix := fixOf(f, rule); fix != "" {
		msg += "<br>fix: " + mdText(fix)
	}
	return fmt.Sprintf("| %s | %s | %s | %s |\n", severityOf(f, rule), ruleCell, mdLocation(f.Location), msg)
}

// table is a titled table of problems or notices, empty when there are
// none, and at most budget bytes long.
func table(title, noun string, items []lint.Problem, budget int) string {
	if len(items) == 0 {
		return ""
	}
	head := fmt.Sprintf("\n**%s**\n\n| Location | Message |\n|:--|:--|\n", title)
	return head + capped(items, func(p lint.Problem) string {
		return fmt.Sprintf("| %s | %s |\n", mdLocation(lint.Location{File: p.File, Line: p.Line, Column: p.Column}), mdText(p.Message))
	}, noun, budget-len(head))
}

// mdLocation is file:line:col linked to the file at that line, relative as
// the file name is; "-" when there is no file.
func mdLocation(l lint.Location) string {
	if l.File == "" {
		return "-"
	}
	target := mdURLPath(l.File)
	if l.Line > 0 {
		target += fmt.Sprintf("#L%d", l.Line)
	}
	return "[" + mdText(l.String()) + "](" + target + ")"
}

// mdURLPath percent-encodes every byte of a relative path except letters,
// digits, "-", "_", ".", "~" and "/", so that a file name cannot end the link
// (")", " ", "<") or become a scheme ("javascript:").
func mdURLPath(p string) string {
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9',
			c == '-', c == '_', c == '.', c == '~', c == '/':
			b.WriteByte(c)
		default:
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

// mdText makes text from a scanned document inert inside a GitHub markdown
// table cell:
//   - control and invisible format characters and invalid UTF-8 are shown as
//     escapes (as in the text format), and line breaks become spaces, so the
//     text stays in its cell;
//   - every ASCII character with an inline meaning in CommonMark or GFM is
//     backslash-escaped: \ ` * _ [ ] < > & | ~ $ (emphasis, code, links, raw
//     HTML and autolinks, entities, table cells, strikethrough, math);
//   - "://" and "www." get their ":" and "." escaped, so that a URL in a
//     message stays text (GFM links bare URLs, and an attacker's link in a
//     pull request comment signed by the scanner reads as advice);
//   - "@name" and "#123" get a zero-width space (written as an entity) after
//     the "@" or "#", as Dependabot does in release notes, so that a document
//     cannot mention users or teams or link issues in a pull request comment.
func mdText(s string) string {
	s = strings.NewReplacer("\r\n", " ", "\r", " ", "\n", " ").Replace(s)
	s = safe(s)
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '&', '|', '~', '$':
			b.WriteByte('\\')
			b.WriteByte(c)
		case '@', '#':
			b.WriteByte(c)
			if i+1 < len(s) && isWordByte(s[i+1]) {
				b.WriteString("&#8203;")
			}
		case ':':
			// "https://x" and "www.x" would become links (GFM's extended
			// autolinks): an escaped ":" or "." reads the same and links
			// nothing.
			if strings.HasPrefix(s[i+1:], "//") {
				b.WriteByte('\\')
			}
			b.WriteByte(c)
		case '.':
			if i >= 3 && strings.EqualFold(s[i-3:i], "www") {
				b.WriteByte('\\')
			}
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-' || c >= 0x80
}

// baselineNote is what the text format adds to its summary when a baseline
// hid findings: ", 3 findings hidden by the baseline".
func baselineNote(r *lint.Result) string {
	if r.Baselined == 0 {
		return ""
	}
	return ", " + plural(r.Baselined, "finding") + " hidden by the baseline"
}
