package cli

import (
	"encoding/json"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/apiaudit/apiaudit/pkg/lint"
)

// RulesOptions are the flags of `apiaudit rules`.
type RulesOptions struct {
	Format string
}

// NewCmdRules builds `apiaudit rules`.
func NewCmdRules(app *App, runF func(*RulesOptions) error) *cobra.Command {
	opts := &RulesOptions{}
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "List every rule: id, name, default severity and title",
		Args:  noArgs,
		RunE: func(*cobra.Command, []string) error {
			if runF != nil {
				return runF(opts)
			}
			return rulesRun(app, opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Format, "format", "f", "text", "output format: text or json")
	return cmd
}

// ruleJSON is the shape of one rule in `apiaudit rules --format json`.
type ruleJSON struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Severity string   `json:"severity"`
	Title    string   `json:"title"`
	Summary  string   `json:"summary"`
	CWE      []string `json:"cwe"`
	OWASP    []string `json:"owasp"`
	Since    string   `json:"since"`
	HelpURI  string   `json:"helpUri"`
	Default  bool     `json:"default"` // false: off unless the configuration enables it
	// SeverityByContext says how context raises or lowers the severity.
	SeverityByContext string `json:"severityByContext,omitempty"`
}

func rulesRun(app *App, opts *RulesOptions) error {
	all := Registry()
	switch opts.Format {
	case "text":
		tw := tabwriter.NewWriter(app.Out, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tNAME\tSEVERITY\tTITLE")
		optional, graded := 0, 0
		for _, r := range all {
			title := r.Doc.Title
			if r.Doc.Optional {
				title += " (off by default)"
				optional++
			}
			sev := r.Severity().String()
			if r.Doc.SeverityText() != "" {
				sev += "*"
				graded++
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, r.Name, sev, title)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		if graded > 0 {
			fmt.Fprintf(app.Out, "\n* the default severity: context raises or lowers it, and the message says why (apiaudit explain ID).\n")
		}
		if optional > 0 {
			fmt.Fprintf(app.Out, "\n%d rules are off by default; turn one on with rules: {enable: [ID]} in .apiaudit.yaml.\n", optional)
		}
		return nil
	case "json":
		out := make([]ruleJSON, 0, len(all))
		for _, r := range all {
			out = append(out, ruleJSON{
				ID: r.ID, Name: r.Name, Severity: r.Severity().String(), Title: r.Doc.Title,
				Summary: r.Doc.Summary, CWE: cweIDs(r), OWASP: nonNil(r.Doc.OWASP), Since: r.Doc.Since, HelpURI: r.HelpURI(),
				Default: !r.Doc.Optional, SeverityByContext: r.Doc.SeverityText(),
			})
		}
		enc := json.NewEncoder(app.Out)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	return &FlagError{Err: fmt.Errorf("--format: unknown format %q (want text or json)", opts.Format)}
}

func cweIDs(r *lint.Rule) []string {
	out := make([]string, 0, len(r.Doc.CWE))
	for _, c := range r.Doc.CWE {
		out = append(out, fmt.Sprintf("CWE-%d", c))
	}
	return out
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// findRule looks a rule up by ID (any case) or name.
func findRule(key string) *lint.Rule {
	for _, r := range Registry() {
		if strings.EqualFold(r.ID, key) || r.Name == strings.ToLower(key) {
			return r
		}
	}
	return nil
}
