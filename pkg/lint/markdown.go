package lint

import (
	"fmt"
	"strings"
)

// Markdown renders a rule's documentation as a markdown page: the body of
// docs/rules/<ID>.md and of the SARIF rule help.
func (r *Rule) Markdown() string {
	d := r.Doc
	var b strings.Builder
	fmt.Fprintf(&b, "# %s: %s\n\n", r.ID, d.Title)
	b.WriteString("| | |\n|---|---|\n")
	fmt.Fprintf(&b, "| Name | `%s` |\n", r.Name)
	switch {
	case d.NoteOnly != "":
		fmt.Fprintf(&b, "| Default severity | %s (capped by its judged record: see [Severity](#severity)) |\n", d.Default())
	case d.Grades != "":
		fmt.Fprintf(&b, "| Default severity | %s (context raises or lowers it: see [Severity](#severity)) |\n", d.Severity)
	default:
		fmt.Fprintf(&b, "| Default severity | %s |\n", d.Severity)
	}
	fmt.Fprintf(&b, "| Precision | %s |\n", d.Precision)
	if d.Optional {
		fmt.Fprintf(&b, "| Enabled | off by default: turn it on with `rules: {enable: [%s]}` in .apiaudit.yaml |\n", r.ID)
	} else {
		b.WriteString("| Enabled | by default |\n")
	}
	var cwe []string
	for _, c := range d.CWE {
		cwe = append(cwe, fmt.Sprintf("[CWE-%d](https://cwe.mitre.org/data/definitions/%d.html)", c, c))
	}
	fmt.Fprintf(&b, "| CWE | %s |\n", strings.Join(cwe, ", "))
	fmt.Fprintf(&b, "| OWASP | %s |\n", strings.Join(d.OWASP, ", "))
	fmt.Fprintf(&b, "| Since | %s |\n\n", d.Since)
	fmt.Fprintf(&b, "%s\n\n", strings.TrimSpace(d.Summary))
	fmt.Fprintf(&b, "## Why it matters\n\n%s\n\n", strings.TrimSpace(d.Why))
	if t := d.SeverityText(); t != "" {
		fmt.Fprintf(&b, "## Severity\n\n%s\n\n", strings.TrimSpace(t))
	}
	fmt.Fprintf(&b, "## How to fix\n\n%s\n\n", strings.TrimSpace(d.Fix))
	fmt.Fprintf(&b, "## Example\n\nFlagged:\n\n```%s\n%s\n```\n\nFixed:\n\n```%s\n%s\n```\n",
		d.Lang, strings.TrimSpace(d.Bad), d.Lang, strings.TrimSpace(d.Good))
	switch {
	case r.Analyzer != nil || (r.Drift != nil && strings.HasPrefix(r.ID, "GO")):
		fmt.Fprintf(&b, "\n## Suppressing\n\nWhen a finding does not apply, say why on the line of the finding or the line above it, or in the doc comment of the function or declaration around it to cover all of it:\n\n```go\n//apiaudit:ignore %s -- <why this does not apply>\n```\n", r.ID)
	case r.Client != nil:
		fmt.Fprintf(&b, "\n## Suppressing\n\nClient configuration files have no place for a suppression that every client accepts: when a finding does not apply, turn %s off for that file with an `overrides:` entry of .apiaudit.yaml, with the reason in a comment beside it, or record the finding in a baseline (`--write-baseline FILE`, see docs/baseline.md).\n", r.ID)
	case !r.Engine:
		fmt.Fprintf(&b, "\n## Suppressing\n\nWhen a finding does not apply, say why where it is written:\n\n```yaml\nx-apiaudit-ignore:\n  - rule: %s\n    reason: <why this does not apply>\n```\n", r.ID)
	}
	return b.String()
}
