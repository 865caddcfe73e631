package cli

import (
	"bufio"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/apiaudit/apiaudit/pkg/report"
)

// MergeOptions are the arguments of `apiaudit merge`.
type MergeOptions struct {
	Reports []string
	Output  string
}

// NewCmdMerge builds `apiaudit merge`, which joins the JSON or SARIF reports
// of a sharded scan.
func NewCmdMerge(app *App, runF func(*MergeOptions) error) *cobra.Command {
	opts := &MergeOptions{}
	cmd := &cobra.Command{
		Use:   "merge REPORT...",
		Short: "Join the JSON or SARIF reports of a sharded scan (scan --shard I/N) into one",
		Long: `Merge reads the JSON or SARIF reports that the shards of one scan wrote (scan
--shard 1/N … N/N --format json or sarif, with the same flags and apiaudit
version) and writes the report the scan would have written in one run: the
same bytes, in the same format. Reports of another version, rule set or
baseline are refused, and so is a mix of formats.

With --baseline, an entry is stale (the notice that asks to prune the
baseline) when a shard read its file and no shard matched it: each shard
records what it saw of the baseline in its report, and merge tells the
stale entries once for the whole scan.`,
		Example: `  apiaudit scan --shard 1/2 --format sarif -o shard1.sarif .
  apiaudit scan --shard 2/2 --format sarif -o shard2.sarif .
  apiaudit merge -o apiaudit.sarif shard1.sarif shard2.sarif`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return &FlagError{Err: fmt.Errorf("merge takes the JSON or SARIF reports to join")}
			}
			opts.Reports = args
			if runF != nil {
				return runF(opts)
			}
			return mergeRun(app, opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "write the merged report to `FILE` instead of standard output")
	return cmd
}

func mergeRun(app *App, opts *MergeOptions) error {
	var inputs [][]byte
	sarif := false
	for _, name := range opts.Reports {
		data, err := os.ReadFile(name)
		if err != nil {
			return fmt.Errorf("merge: %w", err)
		}
		s := report.IsSARIF(data)
		if len(inputs) > 0 && s != sarif {
			return fmt.Errorf("merge %s: a %s report, and %s is %s: merge the shards' reports of one format", name, formatName(s), opts.Reports[0], formatName(sarif))
		}
		sarif = s
		inputs = append(inputs, data)
	}
	write := func(w io.Writer) error { return report.MergeJSON(w, inputs, opts.Reports) }
	if sarif {
		write = func(w io.Writer) error { return report.MergeSARIF(w, inputs, opts.Reports) }
	}
	if opts.Output != "" && opts.Output != "-" {
		return writeFile(opts.Output, write)
	}
	w := bufio.NewWriter(app.Out)
	if err := write(w); err != nil {
		return err
	}
	return w.Flush()
}

func formatName(sarif bool) string {
	if sarif {
		return "SARIF"
	}
	return "JSON"
}
