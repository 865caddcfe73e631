package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/apiaudit/apiaudit/pkg/lint"
)

// ExplainOptions are the arguments of `apiaudit explain`.
type ExplainOptions struct {
	Rule string
}

// NewCmdExplain builds `apiaudit explain RULE`.
func NewCmdExplain(app *App, runF func(*ExplainOptions) error) *cobra.Command {
	opts := &ExplainOptions{}
	return &cobra.Command{
		Use:     "explain RULE",
		Short:   "Explain a rule: why it matters, how to fix it, a bad and a good example",
		Example: "  apiaudit explain OAS101\n  apiaudit explain operation-without-auth",
		ValidArgsFunction: func(_ *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
			if len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			var ids []cobra.Completion
			for _, r := range Registry() {
				ids = append(ids, cobra.CompletionWithDesc(r.ID, r.Doc.Title))
			}
			return ids, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return &FlagError{Err: fmt.Errorf("explain takes one rule id or name, e.g. apiaudit explain OAS101")}
			}
			opts.Rule = args[0]
			if runF != nil {
				return runF(opts)
			}
			r := findRule(opts.Rule)
			if r == nil {
				return fmt.Errorf("no rule %q; 'apiaudit rules' lists them", opts.Rule)
			}
			return Explain(app.Out, r)
		},
	}
}

// Explain writes a rule's documentation as plain text for the terminal.
func Explain(w io.Writer, r *lint.Rule) error {
	d := r.Doc
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s: %s\n", r.ID, r.Name, d.Title)
	fmt.Fprintf(&b, "severity: %s   precision: %s   since: %s\n", d.Default(), d.Precision, d.Since)
	fmt.Fprintf(&b, "maps to: %s\n\n", strings.Join(append(cweIDs(r), d.OWASP...), ", "))
	fmt.Fprintf(&b, "%s\n\n", d.Summary)
	fmt.Fprintf(&b, "Why it matters\n%s\n\n", indent(d.Why))
	if t := d.SeverityText(); t != "" {
		fmt.Fprintf(&b, "Severity by context\n%s\n\n", indent(strings.TrimSpace(t)))
	}
	fmt.Fprintf(&b, "How to fix\n%s\n\n", indent(d.Fix))
	fmt.Fprintf(&b, "Bad\n%s\n\n", indent(d.Bad))
	fmt.Fprintf(&b, "Good\n%s\n\n", indent(d.Good))
	fmt.Fprintf(&b, "More: %s\n", r.HelpURI())
	_, err := io.WriteString(w, b.String())
	return err
}

func indent(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = "  " + l
		}
	}
	return strings.Join(lines, "\n")
}
