package cli

import (
	"bufio"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"math/rand/v2"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/apiaudit/apiaudit/pkg/baseline"
	"github.com/apiaudit/apiaudit/pkg/config"
	"github.com/apiaudit/apiaudit/pkg/engine"
	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/report"
	"github.com/apiaudit/apiaudit/pkg/toolcat"
)

// ScanOptions are the flags of `apiaudit scan`.
type ScanOptions struct {
	Paths           []string
	Format          string // "" = the configuration file's, else text
	Output          string
	Outputs         map[string]string // format -> file, from --output-FORMAT
	FailOn          string            // "" = the configuration file's, else DefaultFailOn
	Exclude         []string
	NoColor         bool
	Quiet           bool
	AllowRemoteRefs bool
	MaxFileSize     string
	Jobs            int
	// IncludeGenerated analyses generated Go files too; with the
	// configuration file's include-generated, either turns it on.
	IncludeGenerated bool
	// GoModDownload runs go mod download in each Go module first.
	GoModDownload bool
	Shard         string // "I/N": scan the I-th of N parts of the inputs

	Config            string // --config FILE; "" = look for .apiaudit.yaml
	NoConfig          bool
	Baseline          string // report only findings not recorded in this file
	WriteBaseline     string // record the findings in this file
	NewFromRev        string // report only findings on lines changed since this git revision
	IncludeSuppressed bool   // keep suppressed and baselined findings in SARIF and JSON
	ToolsLock         string // compare tool catalogs with this lock file (MCP501)
}

// DefaultFailOn is the severity that fails a scan when --fail-on is not
// given: errors fail the build, warnings and notes are reported only.
const DefaultFailOn = "error"

// NewCmdScan builds `apiaudit scan`. runF replaces the scan in tests that
// check flag parsing.
func NewCmdScan(app *App, runF func(*ScanOptions) error) *cobra.Command {
	opts := &ScanOptions{}
	outputs := map[string]*string{} // --output-FORMAT, one flag per format
	cmd := &cobra.Command{
		Use:   "scan [PATH...]",
		Short: "Audit the OpenAPI documents under PATHs (default: the current directory)",
		Long: `Scan walks each PATH, finds every OpenAPI document by its content (a top-level
openapi: 3.x or swagger: "2.0" key in a .yaml, .yml or .json file) and runs
every rule on it. .git, vendor and node_modules are skipped, and so is
anything matched by --exclude.

Each Go module under PATH (a directory with a go.mod) is analysed by the GO
rules: its packages (./..., tests excluded) are loaded with the go command,
which must be on PATH, without touching the network (GOPROXY=off,
-mod=readonly, or -mod=vendor when the module vendors its dependencies;
cgo off unless CGO_ENABLED is set), with the build tags of GOFLAGS' -tags
(the only flag taken from GOFLAGS). On a CI
runner with an empty module cache, run "go mod download" first, or give
--go-mod-download to have scan run it in each module (the one network
access a scan makes, and only when asked). The
modules a go.work lists are loaded together. Files marked "// Code generated
... DO NOT EDIT." are skipped unless --include-generated is given. A package
that does not type-check is a problem; the others are still analysed.
Silence a Go finding with "//apiaudit:ignore GO201 -- reason" on its line or
the line above, or in the doc comment of the function or declaration around
it. See docs/go.md.

Files are reported relative to the current directory (or to PATH itself
when it lies outside it). A $ref may not leave that root, and remote
(http, https) $refs are not fetched unless --allow-remote-refs is given.

Settings come from .apiaudit.yaml (or .apiaudit.yml), looked for in the
current directory and its parents up to the top of the repository, or from
--config FILE; flags override it. See docs/config.md.

--baseline FILE reports only findings that FILE does not record, and
--write-baseline FILE records today's findings; --new-from-rev REV reports
only findings on lines changed since a git revision. See docs/baseline.md.

Exit status: 0 when no finding is at or above --fail-on, 1 when one is, 2 when
the command line or the configuration is wrong or a file could not be
scanned.`,
		Example: `  apiaudit scan
  apiaudit scan api/openapi.yaml --fail-on warning
  apiaudit scan --format sarif --output results.sarif .
  apiaudit scan --output-sarif results.sarif --output-json results.json .
  apiaudit scan --exclude 'testdata/**' --exclude '*.gen.yaml' .
  apiaudit scan --write-baseline .apiaudit-baseline.json
  apiaudit scan --baseline .apiaudit-baseline.json --new-from-rev origin/main`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			opts.Outputs = map[string]string{}
			for format, file := range outputs {
				if *file != "" {
					opts.Outputs[format] = *file
				}
			}
			if runF != nil {
				return runF(opts)
			}
			return scanRun(cmd.Context(), app, opts)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.Format, "format", "f", "", "output `format`: "+strings.Join(report.Formats, ", ")+" (default: the configuration file's, else text)")
	f.StringVarP(&opts.Output, "output", "o", "", "write the report to `FILE` instead of standard output")
	for _, format := range report.Formats {
		article := "a"
		if format == "html" {
			article = "an" // read letter by letter: an H-T-M-L report
		}
		outputs[format] = f.String("output-"+format, "", "also write "+article+" "+format+" report to `FILE`")
	}
	f.StringVar(&opts.FailOn, "fail-on", "", "exit 1 when a finding is at or above this `severity`: error, warning, note or none (default: the configuration file's, else "+DefaultFailOn+")")
	f.StringArrayVar(&opts.Exclude, "exclude", nil, "skip files and directories matching `GLOB` (doublestar syntax, relative to each PATH or to the current directory; a pattern that matches nothing is a warning; repeatable; adds to the configuration file's)")
	f.StringVar(&opts.Config, "config", "", "read settings from `FILE` instead of looking for .apiaudit.yaml")
	f.BoolVar(&opts.NoConfig, "no-config", false, "read no configuration file")
	f.StringVar(&opts.Baseline, "baseline", "", "report only findings that the baseline `FILE` does not record")
	f.StringVar(&opts.WriteBaseline, "write-baseline", "", "record the current findings in the baseline `FILE` (and hide them from this report)")
	f.StringVar(&opts.NewFromRev, "new-from-rev", "", "report only findings on lines changed since the git revision `REV`")
	f.StringVar(&opts.ToolsLock, "tools-lock", "", "report tools added, removed or changed since the lock `FILE` that apiaudit tools lock wrote (rule MCP501)")
	f.BoolVar(&opts.IncludeSuppressed, "include-suppressed", false, "keep suppressed and baselined findings in SARIF and JSON reports, marked as suppressed")
	f.BoolVarP(&opts.Quiet, "quiet", "q", false, "write nothing to standard error but fatal errors: no progress line, notices or problem echo (the report still has them)")
	f.BoolVar(&opts.NoColor, "no-color", false, "never colour the text report (NO_COLOR in the environment does the same)")
	f.BoolVar(&opts.AllowRemoteRefs, "allow-remote-refs", false, "fetch http and https $refs (off: a scan makes no network calls)")
	f.StringVar(&opts.MaxFileSize, "max-file-size", "100MB", "skip, with a problem, OpenAPI files larger than `SIZE` (bytes, or with a KB, MB or GB suffix)")
	f.IntVarP(&opts.Jobs, "jobs", "j", 0, "documents and Go modules scanned at once (default: the number of CPUs)")
	fixed := func(values ...string) func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
		return cobra.FixedCompletions(values, cobra.ShellCompDirectiveNoFileComp)
	}
	_ = cmd.RegisterFlagCompletionFunc("format", fixed(report.Formats...))
	_ = cmd.RegisterFlagCompletionFunc("fail-on", fixed("error", "warning", "note", "none"))
	f.StringVar(&opts.Shard, "shard", "", "scan only part `I/N` of the inputs (1/4 … 4/4), split by path; apiaudit merge joins the shards' JSON or SARIF reports")
	f.BoolVar(&opts.GoModDownload, "go-mod-download", false, `run "go mod download" in each Go module before analysing it, with your GOPROXY (off: a scan makes no network calls; for CI runners with an empty module cache)`)
	f.BoolVar(&opts.IncludeGenerated, "include-generated", false, `also analyse Go files marked "// Code generated ... DO NOT EDIT." (skipped by default)`)
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
	if opts.NoConfig && opts.Config != "" {
		return &FlagError{Err: errors.New("--config and --no-config cannot be used together")}
	}
	maxSize, err := parseSize(opts.MaxFileSize)
	if err != nil {
		return &FlagError{Err: fmt.Errorf("--max-file-size: %v", err)}
	}
	shard, shards, err := parseShard(opts.Shard)
	if err != nil {
		return err
	}
	cfg, err := loadConfig(opts)
	if err != nil {
		return err
	}
	format := cmp.Or(opts.Format, cfg.Format, "text")
	threshold, err := parseFailOn(cmp.Or(opts.FailOn, cfg.FailOn, DefaultFailOn))
	if err != nil {
		return err
	}
	if _, err := report.New(format, report.Options{}); err != nil {
		return &FlagError{Err: fmt.Errorf("--format: %v", err)}
	}
	toStdout := opts.Output == "" || opts.Output == "-"
	if err := checkOutputs(opts, toStdout); err != nil {
		return err
	}
	var base *baseline.Baseline
	if opts.Baseline != "" {
		if base, err = baseline.Read(opts.Baseline); err != nil {
			return err
		}
	}
	var toolsLock *toolcat.Lock
	if opts.ToolsLock != "" {
		if toolsLock, err = readToolsLock(opts.ToolsLock); err != nil {
			return err
		}
	}
	if ctx == nil {
		ctx = context.Background()
	}
	// Ctrl-C, kill and a closed terminal cancel the scan: the go and git
	// commands it started are stopped (gocommand interrupts go list, and
	// the others run under the context), nothing is written, and the
	// command returns within interruptGrace. A second signal kills the
	// process as usual, since the handler is gone by then.
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer stop()

	var changes *baseline.Changes
	if opts.NewFromRev != "" {
		if changes, err = baseline.ChangedSince(ctx, ".", opts.NewFromRev); err != nil {
			if ctx.Err() != nil {
				return errInterrupted
			}
			return err
		}
	}

	started := time.Now()
	all := scanRules()
	restore := cfg.Apply() // rule options: set for this scan, restored after it
	progress := newProgress(app, opts.Quiet)
	var unusedExcludes []string
	discovered := 0
	type ran struct {
		res *lint.Result
		err error
	}
	done := make(chan ran, 1)
	engineOpts := engine.Options{
		Progress: progress.update,
		Starting: progress.start,
		Discovered: func(d *engine.Discovery) {
			unusedExcludes, discovered = d.UnusedExcludes, len(d.Inputs)
		},
		Shard:           shard,
		Shards:          shards,
		Paths:           opts.Paths,
		Exclude:         append(slices.Clone(cfg.Exclude), opts.Exclude...),
		Rules:           cfg.Select(all),
		Known:           all,
		Adjust:          cfg.Adjust,
		AllowRemoteRefs: opts.AllowRemoteRefs,
		MaxFileSize:     maxSize,
		Jobs:            opts.Jobs,

		IncludeGenerated: opts.IncludeGenerated || cfg.IncludeGenerated,
		GoModDownload:    opts.GoModDownload,
		ToolsLock:        toolsLock,
	}
	go func() {
		res, err := engine.Run(ctx, engineOpts)
		done <- ran{res, err}
	}()
	var res *lint.Result
	select {
	case r := <-done:
		restore()
		res, err = r.res, r.err
	case <-ctx.Done():
		stop()
		progress.stop()
		// Give the go command the moment it needs to stop, then leave
		// whatever is still running in this process behind.
		select {
		case <-done:
			restore()
		case <-time.After(interruptGrace):
		}
		return errInterrupted
	}
	progress.stop()
	if err != nil {
		return err
	}
	if ctx.Err() != nil {
		return errInterrupted
	}
	if !opts.Quiet {
		for _, pat := range unusedExcludes {
			fmt.Fprintf(app.Err, "apiaudit: warning: exclude pattern %q matches nothing under %s (patterns are relative to each PATH or to the current directory)\n", pat, pathList(opts.Paths))
		}
	}
	unfiltered := res.Findings
	if changes != nil {
		unfiltered = slices.Clone(res.Findings)
		changes.Filter(res)
	}
	if opts.WriteBaseline != "" {
		base = baseline.New(opts.WriteBaseline, res.Findings, base)
		if err := writeFile(opts.WriteBaseline, base.Encode); err != nil {
			return err
		}
		if !opts.Quiet {
			fmt.Fprintf(app.Err, "apiaudit: %s\n", base.Summary())
		}
	}
	if base != nil {
		base.Apply(res, time.Now())
		if stale := base.Stale(unfiltered, res.Files, time.Now()); len(stale) > 0 && opts.WriteBaseline == "" {
			res.Notices = append(res.Notices, base.StaleNotice(stale))
			res.Sort()
		}
		if opts.Shard != "" && opts.WriteBaseline == "" {
			// For apiaudit merge: a shard cannot tell alone whether an
			// entry is stale, since another shard may match it.
			res.Baseline = base.ShardUse(unfiltered, res.Files, time.Now())
		}
	}
	suppressed := res.Suppressed // the html format lists them all
	if !opts.IncludeSuppressed {
		res.Suppressed = nil
	}

	color := toStdout && format == "text" && !opts.NoColor &&
		app.Getenv("NO_COLOR") == "" && app.Getenv("TERM") != "dumb" && app.IsTTY(app.Out)
	ropts := reportOptions(app, opts, cfg, format, cmp.Or(opts.FailOn, cfg.FailOn, DefaultFailOn))
	scanTiming(app, &ropts, threshold, started)
	ropts.Color = color
	rep, err := report.New(format, ropts)
	if err != nil {
		return err
	}
	if toStdout {
		w := bufio.NewWriter(app.Out)
		if err := rep.Report(w, resultFor(format, res, suppressed)); err != nil {
			return err
		}
		if err := w.Flush(); err != nil {
			return err
		}
	} else if err := writeFile(opts.Output, func(w io.Writer) error { return rep.Report(w, resultFor(format, res, suppressed)) }); err != nil {
		return err
	}
	for _, f := range slices.Sorted(maps.Keys(opts.Outputs)) {
		ropts.Color = false
		rep, err := report.New(f, ropts)
		if err != nil {
			return err
		}
		if err := writeFile(opts.Outputs[f], func(w io.Writer) error { return rep.Report(w, resultFor(f, res, suppressed)) }); err != nil {
			return err
		}
	}
	// Problems always reach standard error, unless the report on standard
	// output has just printed them where the user reads them: the text
	// report, or any report when both streams are the terminal.
	onScreen := toStdout && (format == "text" || app.IsTTY(app.Out) && app.IsTTY(app.Err))
	if !onScreen && !opts.Quiet {
		for _, p := range res.Problems {
			fmt.Fprintf(app.Err, "apiaudit: %s\n", report.Safe(p.Error()))
		}
		for _, p := range res.Notices {
			fmt.Fprintf(app.Err, "apiaudit: notice: %s\n", report.Safe(p.Error()))
		}
	}

	switch {
	case len(res.Problems) > 0:
		return &exitError{code: ExitError}
	case res.Documents == 0 && res.Modules == 0 && res.Catalogs == 0 && res.ClientConfigs == 0 && (shards <= 1 || discovered == 0):
		// A shard may be empty when the others are not.
		// A wrong path or an exclude that is too wide must not pass CI.
		return errors.New(nothingScanned(opts.Paths, len(unusedExcludes) < len(append(slices.Clone(cfg.Exclude), opts.Exclude...))))
	case threshold != lint.SeverityDefault && anyAtLeast(res.Findings, threshold):
		return &exitError{code: ExitFindings}
	}
	return nil
}

// scanTiming sets what JUnit reads of the run: --fail-on, when the scan
// started, how long it took, on which host. With
// SOURCE_DATE_EPOCH set (the reproducible-builds convention), the start is
// that time, the duration 0 and the host "localhost", so that two runs
// write the same bytes.
func scanTiming(app *App, o *report.Options, threshold lint.Severity, started time.Time) {
	o.FailOn, o.NeverFail = threshold, threshold == lint.SeverityDefault
	o.Started, o.Elapsed = started, time.Since(started)
	o.Hostname, _ = os.Hostname()
	if epoch := app.Getenv("SOURCE_DATE_EPOCH"); epoch != "" {
		if sec, err := strconv.ParseInt(epoch, 10, 64); err == nil {
			o.Started, o.Elapsed, o.Hostname = time.Unix(sec, 0), 0, "localhost"
		}
	}
}

// parseShard reads --shard I/N; "" is no sharding (0, 0).
func parseShard(s string) (shard, shards int, err error) {
	if s == "" {
		return 0, 0, nil
	}
	i, n, ok := strings.Cut(s, "/")
	shard, err1 := strconv.Atoi(i)
	shards, err2 := strconv.Atoi(n)
	if !ok || err1 != nil || err2 != nil || shards < 1 || shard < 1 || shard > shards {
		return 0, 0, &FlagError{Err: fmt.Errorf("--shard %q: want I/N with 1 <= I <= N, such as 2/4", s)}
	}
	return shard, shards, nil
}

// nothingScanned says what a scan that found nothing to scan looked for.
func nothingScanned(paths []string, excluded bool) string {
	msg := "nothing to scan under " + pathList(paths) + ": found no OpenAPI document (a .yaml, .yml or .json file with a top-level openapi: 3.x or swagger: \"2.0\" key) and no Go module (a directory with a go.mod, analysed when a GO rule is enabled)"
	if excluded {
		msg += "; --exclude or the configuration's exclude skipped some files"
	}
	return msg
}

// pathList names the scanned PATHs for a message.
func pathList(paths []string) string {
	if len(paths) == 0 {
		return "."
	}
	return strings.Join(paths, ", ")
}

// errInterrupted is what a scan cancelled by a signal returns.
var errInterrupted = errors.New("interrupted: the scan was stopped and no report was written")

// interruptGrace is how long an interrupted scan waits for the engine to
// stop (the go command it runs needs a few milliseconds) before returning.
const interruptGrace = 500 * time.Millisecond

// checkOutputs refuses --output-FORMAT flags that name an unknown format or
// standard output, and reports written to the same file as another report
// or as a baseline.
func checkOutputs(opts *ScanOptions, toStdout bool) error {
	type target struct{ flag, file string }
	var targets []target
	if !toStdout {
		targets = append(targets, target{"--output", opts.Output})
	}
	for _, f := range slices.Sorted(maps.Keys(opts.Outputs)) {
		flag, file := "--output-"+f, opts.Outputs[f]
		if _, err := report.New(f, report.Options{}); err != nil {
			return &FlagError{Err: fmt.Errorf("%s: %v", flag, err)}
		}
		if file == "-" {
			return &FlagError{Err: fmt.Errorf("%s: name a file; standard output takes the --format report", flag)}
		}
		targets = append(targets, target{flag, file})
	}
	used := map[string]string{}
	for _, b := range []target{{"--baseline", opts.Baseline}, {"--write-baseline", opts.WriteBaseline}} {
		if b.file != "" {
			used[filepath.Clean(b.file)] = b.flag
		}
	}
	for _, t := range targets {
		if prev, ok := used[filepath.Clean(t.file)]; ok {
			return &FlagError{Err: fmt.Errorf("%s and %s both name %s", prev, t.flag, t.file)}
		}
		used[filepath.Clean(t.file)] = t.flag
	}
	return nil
}

// loadConfig reads --config FILE, or the .apiaudit.yaml found from the
// current directory up; with neither, it returns the empty configuration.
func loadConfig(opts *ScanOptions) (*config.Config, error) {
	if opts.NoConfig {
		return &config.Config{}, nil
	}
	path, display := opts.Config, opts.Config
	if path == "" {
		found, err := config.Find(".")
		if err != nil {
			return nil, err
		}
		if found == "" {
			return &config.Config{}, nil
		}
		path, display = found, found
		if cwd, err := os.Getwd(); err == nil {
			if rel, err := filepath.Rel(cwd, found); err == nil {
				display = rel
			}
		}
	}
	return config.Load(path, display, scanRules())
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
	if info, err := os.Stat(name); err == nil && !info.Mode().IsRegular() {
		// A device or a pipe (--output /dev/null, /dev/stderr, a FIFO):
		// write to it, never rename a file over it.
		return writeTo(name, write)
	}
	tmp, err := createTemp(name)
	if err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	defer os.Remove(tmp.Name())
	w := bufio.NewWriter(tmp)
	if err := write(w); err != nil {
		tmp.Close()
		return writeError(name, err)
	}
	if err := w.Flush(); err != nil {
		tmp.Close()
		return writeError(name, err)
	}
	if err := tmp.Close(); err != nil {
		return writeError(name, err)
	}
	// A report replacing a file keeps that file's permissions (a 0600
	// report stays private); a new one gets 0666 less the umask, as any
	// file the user creates.
	if info, err := os.Stat(name); err == nil {
		if err := os.Chmod(tmp.Name(), info.Mode().Perm()); err != nil {
			return fmt.Errorf("write %s: %w", name, err)
		}
	}
	if err := os.Rename(tmp.Name(), name); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	return nil
}

// writeError names the file the user asked for, not the temporary file
// the error came from ("write out.sarif: no space left on device").
func writeError(name string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return fmt.Errorf("write %s: %w", name, err)
}

// createTemp creates a temporary file beside name, with the permissions a
// new file gets (0666 less the umask), unlike os.CreateTemp's 0600.
func createTemp(name string) (*os.File, error) {
	dir, base := filepath.Dir(name), filepath.Base(name)
	for range 100 {
		tmp := filepath.Join(dir, "."+base+"."+strconv.FormatUint(rand.Uint64(), 36))
		f, err := os.OpenFile(tmp, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666)
		if !errors.Is(err, fs.ErrExist) {
			return f, err
		}
	}
	return nil, errors.New("cannot create a temporary file")
}

// writeTo writes straight into an existing file that is not a regular one.
func writeTo(name string, write func(io.Writer) error) error {
	f, err := os.OpenFile(name, os.O_WRONLY, 0)
	if err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	w := bufio.NewWriter(f)
	if err := write(w); err != nil {
		f.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", name, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	return nil
}

// scanRules is the rule set a scan runs: the registry. Tests of the command
// line's own behaviour (configuration, baselines, outputs) narrow it so that
// rules added later do not change what they assert.
var scanRules = Registry
