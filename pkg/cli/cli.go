// Package cli is apiaudit's command line: cobra commands that parse flags
// into an options struct and hand it to a run function.
package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/apiaudit/apiaudit/internal/childproc"
	"github.com/apiaudit/apiaudit/pkg/engine"
	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/report"
	"github.com/apiaudit/apiaudit/rules"
)

// Exit codes.
const (
	ExitOK       = 0 // nothing at or above --fail-on
	ExitFindings = 1 // findings at or above --fail-on
	ExitError    = 2 // usage, load or internal error
)

// BuildInfo is what the binary knows about itself; main sets it from
// ldflags.
type BuildInfo struct {
	Version, Commit, Date string
}

// devVersion names a build that neither ldflags nor the module system
// versioned. It is numeric so that SARIF consumers can still compare it.
const devVersion = "0.0.0-dev"

// resolved fills what ldflags left empty from the module build info, which
// `go install module@version` records.
func (b BuildInfo) resolved() BuildInfo {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		if b.Version == "" {
			b.Version = devVersion
		}
		return b
	}
	if b.Version == "" {
		b.Version = info.Main.Version
		if b.Version == "" || b.Version == "(devel)" {
			b.Version = devVersion
		}
	}
	for _, s := range info.Settings {
		switch {
		case s.Key == "vcs.revision" && b.Commit == "":
			b.Commit = s.Value
		case s.Key == "vcs.time" && b.Date == "":
			b.Date = s.Value
		}
	}
	return b
}

// App is what every command shares.
type App struct {
	Build  BuildInfo
	Out    io.Writer
	Err    io.Writer
	IsTTY  func(w io.Writer) bool // whether w is a terminal (for colour)
	Getenv func(string) string
}

// Registry returns every rule apiaudit has, sorted by ID.
func Registry() []*lint.Rule {
	all := append(slices.Clone(rules.All), engine.SuppressionRule, engine.GoSuppressionRule, engine.ClientSuppressionRule)
	slices.SortFunc(all, func(a, b *lint.Rule) int { return strings.Compare(a.ID, b.ID) })
	return all
}

// FlagError is a usage mistake: the command's usage is printed with it.
type FlagError struct{ Err error }

func (e *FlagError) Error() string { return e.Err.Error() }
func (e *FlagError) Unwrap() error { return e.Err }

// exitError carries an exit code without a message: the command has
// already said what there was to say.
type exitError struct{ code int }

func (e *exitError) Error() string { return fmt.Sprintf("exit %d", e.code) }

// Main runs the command line and returns the process exit code. It is the
// one place where errors become exit codes.
func Main(build BuildInfo, args []string, stdout, stderr io.Writer) int {
	defer childproc.Cleanup() // the go command wrapper's directory, if a Go load made one
	app := &App{Build: build.resolved(), Out: stdout, Err: stderr, IsTTY: isTerminal, Getenv: os.Getenv}
	cmd := NewCmdRoot(app)
	cmd.SetArgs(args)
	return exitCode(cmd.Execute(), stderr, cmd, args)
}

// exitCode maps what a command returned to the process exit code, printing
// the error when there is one to print.
func exitCode(err error, stderr io.Writer, cmd *cobra.Command, args []string) int {
	var ee *exitError
	var fe *FlagError
	switch {
	case err == nil:
		return ExitOK
	case errors.As(err, &ee):
		return ee.code
	case errors.As(err, &fe):
		fmt.Fprintf(stderr, "apiaudit: %s\n", report.Safe(err.Error()))
		fmt.Fprintf(stderr, "Run '%s --help' for usage.\n", cmdPath(cmd, args))
		return ExitError
	default:
		// Errors may quote a scanned tree's configuration file or paths:
		// escaped like problems, on one line.
		fmt.Fprintf(stderr, "apiaudit: %s\n", report.Safe(err.Error()))
		return ExitError
	}
}

func cmdPath(root *cobra.Command, args []string) string {
	if c, _, err := root.Find(args); err == nil && c != nil {
		return c.CommandPath()
	}
	return root.CommandPath()
}

// NewCmdRoot builds the command tree.
func NewCmdRoot(app *App) *cobra.Command {
	root := &cobra.Command{
		Use:   "apiaudit",
		Short: "Audit OpenAPI descriptions and Go services for the API risks that matter to AI agents",
		Long: `apiaudit statically audits API descriptions (OpenAPI 2.0, 3.0, 3.1) and Go
services (net/http and its routers, MCP servers, LLM SDK clients) for missing
authentication, unbounded inputs, excessive agent scopes and unvalidated
payloads, and reports them as ` + strings.Join(report.Formats, ", ") + `.`,
		Version:       app.Build.Version,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetVersionTemplate("apiaudit {{.Version}}\n")
	root.SetOut(app.Out)
	root.SetErr(app.Err)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return &FlagError{Err: err} })
	root.AddCommand(NewCmdScan(app, nil), NewCmdInventory(app, nil), NewCmdRules(app, nil), NewCmdExplain(app, nil), NewCmdConfig(app, nil), NewCmdMerge(app, nil), NewCmdTools(app, nil), NewCmdVersion(app))
	root.CompletionOptions.HiddenDefaultCmd = false
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() == "completion" {
			// Cobra's completion command prints its help, and exits 0, for
			// a shell it does not know: a script that sources the output
			// would fail later and more obscurely.
			c.RunE = func(cmd *cobra.Command, args []string) error {
				if len(args) > 0 {
					return &FlagError{Err: fmt.Errorf("completion: unsupported shell %q (want bash, zsh, fish or powershell)", args[0])}
				}
				return cmd.Help()
			}
		}
	}
	return root
}

// NewCmdVersion prints version, commit and Go version.
func NewCmdVersion(app *App) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print apiaudit's version, commit and Go version",
		Args:  noArgs,
		RunE: func(*cobra.Command, []string) error {
			b := app.Build
			fmt.Fprintf(app.Out, "apiaudit %s\n", b.Version)
			if b.Commit != "" {
				fmt.Fprintf(app.Out, "commit:  %s\n", b.Commit)
			}
			if b.Date != "" {
				fmt.Fprintf(app.Out, "built:   %s\n", b.Date)
			}
			fmt.Fprintf(app.Out, "go:      %s %s/%s\n", runtime.Version(), runtime.GOOS, runtime.GOARCH)
			return nil
		},
	}
}

func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return &FlagError{Err: fmt.Errorf("%s takes no arguments, got %q", cmd.CommandPath(), args[0])}
	}
	return nil
}
