package cli

import (
	"bufio"
	"bytes"
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

// NewCmdMerge builds `apiaudit merge`, which joins the JSON reports of a
// sharded scan.
func NewCmdMerge(app *App, runF func(*MergeOptions) error) *cobra.Command {
	opts := &MergeOptions{}
	cmd := &cobra.Command{
		Use:   "merge REPORT...",
		Short: "Join the JSON reports of a sharded scan (scan --shard I/N) into one",
		Long: `Merge reads the JSON reports that the shards of one scan wrote (scan --shard
1/N … N/N --format json, with the same flags and apiaudit version) and writes
the report the scan would have written in one run: the same bytes. Reports of
another version or rule set are refused.

SARIF reports are not merged yet: merge the JSON reports, or upload one SARIF
file per shard to code scanning with a category per shard.`,
		Example: `  apiaudit scan --shard 1/2 --format json -o shard1.json .
  apiaudit scan --shard 2/2 --format json -o shard2.json .
  apiaudit merge -o apiaudit.json shard1.json shard2.json`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return &FlagError{Err: fmt.Errorf("merge takes the JSON reports to join")}
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
	for _, name := range opts.Reports {
		data, err := os.ReadFile(name)
		if err != nil {
			return fmt.Errorf("merge: %w", err)
		}
		if t := bytes.TrimSpace(data); bytes.Contains(t[:min(len(t), 200)], []byte(`"$schema"`)) {
			return fmt.Errorf("merge %s: a SARIF report; merge reads the shards' JSON reports (scan --format json)", name)
		}
		inputs = append(inputs, data)
	}
	write := func(w io.Writer) error { return report.MergeJSON(w, inputs, opts.Reports) }
	if opts.Output != "" && opts.Output != "-" {
		return writeFile(opts.Output, write)
	}
	w := bufio.NewWriter(app.Out)
	if err := write(w); err != nil {
		return err
	}
	return w.Flush()
}
