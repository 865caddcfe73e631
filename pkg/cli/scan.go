package cli

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/apiaudit/apiaudit/pkg/engine"
	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/report"
)

// ScanOptions are the flags of `apiaudit scan`.
type ScanOptions struct {
	Paths           []string
	Format          string
	Output          string
	FailOn          string
	Exclude         []string
	NoColor         bool
	AllowRemoteRefs bool
	MaxFileSize     string
	Jobs            int
}

// DefaultFailOn is the severity that fails a scan when --fail-on is not
// given: errors fail the build, warnings and notes are reported only.
const DefaultFailOn = "error"

// NewCmdScan builds `apiaudit scan`. runF replaces the scan in tests that
// check flag parsing.
func NewCmdScan(app *App, runF func(*ScanOptions) error) *cobra.Command {
	opts := &ScanOptions{}
	cmd := &cobra.Command{
		Use:   "scan [PATH...]",
		Short: "Audit the OpenAPI documents under PATHs (default: the current directory)",
		Long: `Scan walks each PATH, finds every OpenAPI document by its content (a top-level
openapi: 3.x or swagger: "2.0" key in a .yaml, .yml or .json file) and runs
every rule on it. .git, vendor and node_modules are skipped, and so is
anything matched by --exclude.

Files are reported relative to the current directory (or to PATH itself
when it lies outside it). A $ref may not leave that root, and remote
(http, https) $refs are not fetched unless --allow-remote-refs is given.

Exit status: 0 when no finding is at or above --fail-on, 1 when one is, 2 when
the command line is wrong or a file could not be scanned.`,
		Example: `  apiaudit scan
  apiaudit scan api/openapi.yaml --fail-on warning
  apiaudit scan --format sarif --output results.sarif .
  apiaudit scan --exclude 'testdata/**' --exclude '*.gen.yaml' .`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if runF != nil {
				return runF(opts)
			}
			return scanRun(cmd.Context(), app, opts)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.Format, "format", "f", "text", "output format: "+strings.Join(report.Formats, ", "))
	f.StringVarP(&opts.Output, "output", "o", "", "write the report to `FILE` instead of standard output")
	f.StringVar(&opts.FailOn, "fail-on", DefaultFailOn, "exit 1 when a finding is at or above this `severity`: error, warning, note or none")
	f.StringArrayVar(&opts.Exclude, "exclude", nil, "skip files and directories matching `GLOB` (doublestar syntax, relative to the scan root; repeatable)")
	f.BoolVar(&opts.NoColor, "no-color", false, "never colour the text report (NO_COLOR in the environment does the same)")
	f.BoolVar(&opts.AllowRemoteRefs, "allow-remote-refs", false, "fetch http and https $refs (off: a scan makes no network calls)")
	f.StringVar(&opts.MaxFileSize, "max-file-size", "100MB", "skip, with a problem, OpenAPI files larger than `SIZE` (bytes, or with a KB, MB or GB suffix)")
	f.IntVarP(&opts.Jobs, "jobs", "j", 0, "documents scanned at once (default: the number of CPUs)")
	return cmd
}

// parseFailOn turns --fail-on into a threshold; SeverityDefault means never.
func parseFailOn(s string) (lint.Severity, error) {
	if strings.EqualFold(s, "none") {
		return lint.SeverityDefault, nil
	}
	sev, err := lint.ParseSeverity(s)
	if err != nil {
		return 0, &FlagError{Err: fmt.Errorf("--fail-on: %v (or none)", err)}
	}
	return sev, nil
}

func scanRun(ctx context.Context, app *App, opts *ScanOptions) error {
	threshold, err := parseFailOn(opts.FailOn)
	if err != nil {
		return err
	}
	if _, err := report.New(opts.Format, report.Options{}); err != nil {
		return &FlagError{Err: fmt.Errorf("--format: %v", err)}
	}
	maxSize, err := parseSize(opts.MaxFileSize)
	if err != nil {
		return &FlagError{Err: fmt.Errorf("--max-file-size: %v", err)}
	}
	if ctx == nil {
		ctx = context.Background()
	}
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt)
	defer stop()

	all := Registry()
	res, err := engine.Run(ctx, engine.Options{
		Paths:           opts.Paths,
		Exclude:         opts.Exclude,
		Rules:           all,
		Known:           all,
		AllowRemoteRefs: opts.AllowRemoteRefs,
		MaxFileSize:     maxSize,
		Jobs:            opts.Jobs,
	})
	if err != nil {
		return err
	}

	toStdout := opts.Output == "" || opts.Output == "-"
	color := toStdout && opts.Format == "text" && !opts.NoColor &&
		app.Getenv("NO_COLOR") == "" && app.IsTTY(app.Out)
	rep, err := report.New(opts.Format, report.Options{ToolVersion: app.Build.Version, Color: color})
	if err != nil {
		return err
	}
	if toStdout {
		w := bufio.NewWriter(app.Out)
		if err := rep.Report(w, res); err != nil {
			return err
		}
		if err := w.Flush(); err != nil {
			return err
		}
	} else if err := writeFile(opts.Output, func(w io.Writer) error { return rep.Report(w, res) }); err != nil {
		return err
	}
	// Problems always reach standard error, unless the text report on the
	// terminal has just printed them.
	if !(toStdout && opts.Format == "text") {
		for _, p := range res.Problems {
			fmt.Fprintf(app.Err, "apiaudit: %s\n", p.Error())
		}
		for _, p := range res.Notices {
			fmt.Fprintf(app.Err, "apiaudit: notice: %s\n", p.Error())
		}
	}

	switch {
	case len(res.Problems) > 0:
		return &exitError{code: ExitError}
	case threshold != lint.SeverityDefault && anyAtLeast(res.Findings, threshold):
		return &exitError{code: ExitFindings}
	}
	return nil
}

// parseSize reads "100MB", "512KB", "2GB" or a plain number of bytes.
func parseSize(s string) (int64, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"GB", 1 << 30}, {"MB", 1 << 20}, {"KB", 1 << 10}, {"B", 1}} {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.mult
			break
		}
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || n <= 0 || n > (1<<62)/mult {
		return 0, fmt.Errorf("%q is not a size such as 100MB", s)
	}
	return n * mult, nil
}

func anyAtLeast(findings []lint.Finding, threshold lint.Severity) bool {
	for _, f := range findings {
		if f.Severity.AtLeast(threshold) {
			return true
		}
	}
	return false
}

// writeFile writes through a temporary file in the same directory, so that a
// failed scan never leaves half a report where the previous one was.
func writeFile(name string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*")
	if err != nil {
		return fmt.Errorf("--output: %w", err)
	}
	defer os.Remove(tmp.Name())
	w := bufio.NewWriter(tmp)
	if err := write(w); err != nil {
		tmp.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		tmp.Close()
		return fmt.Errorf("--output: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("--output: %w", err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("--output: %w", err)
	}
	if err := os.Rename(tmp.Name(), name); err != nil {
		return fmt.Errorf("--output: %w", err)
	}
	return nil
}
