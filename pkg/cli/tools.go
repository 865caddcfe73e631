package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"

	"github.com/spf13/cobra"

	"github.com/apiaudit/apiaudit/internal/regfile"
	"github.com/apiaudit/apiaudit/pkg/engine"
	"github.com/apiaudit/apiaudit/pkg/report"
	"github.com/apiaudit/apiaudit/pkg/toolcat"
)

// DefaultToolsLock is the file `apiaudit tools lock` writes.
const DefaultToolsLock = "apiaudit-tools.lock.json"

// maxLockSize bounds a lock file read by scan --tools-lock.
const maxLockSize = 64 << 20

// ToolsLockOptions are the flags of `apiaudit tools lock`.
type ToolsLockOptions struct {
	Paths   []string
	Output  string
	Exclude []string
}

// NewCmdTools builds `apiaudit tools` and its subcommands.
func NewCmdTools(app *App, runF func(*ToolsLockOptions) error) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "tools",
		Short: "Work with agent tool catalogs (MCP tool manifests, Go MCP servers)",
		Args:  cobra.NoArgs,
		RunE:  func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	cmd.AddCommand(NewCmdToolsLock(app, runF))
	return cmd
}

// NewCmdToolsLock builds `apiaudit tools lock`.
func NewCmdToolsLock(app *App, runF func(*ToolsLockOptions) error) *cobra.Command {
	opts := &ToolsLockOptions{}
	cmd := &cobra.Command{
		Use:   "lock [PATH...]",
		Short: "Record the tool definitions under PATHs in a lock file, for scan --tools-lock",
		Long: `Lock finds the tool catalogs under each PATH, as scan finds them: MCP tool
manifests (JSON or YAML files holding a tools/list result) and the tools the
packages of Go modules register with mcp-go or go-sdk (one catalog per
package). It writes, for each tool, its name, title, description, input and
output schemas and annotations, with a hash of them, to a lock file (default
` + DefaultToolsLock + `). A Go package that cannot be analysed is a notice, and
its tools are not locked.

Commit the lock file. A later "apiaudit scan --tools-lock FILE" reports every
tool added, removed or changed since (rule MCP501), with a word diff of the
change. After reviewing a change, run lock again to accept it. See
docs/tool-catalogs.md.

Exit status: 0 when the lock was written, 2 when a manifest could not be
read (nothing is written then).`,
		Example: `  apiaudit tools lock mcp/
  apiaudit scan --tools-lock ` + DefaultToolsLock + ` mcp/`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if runF != nil {
				return runF(opts)
			}
			return toolsLockRun(cmd.Context(), app, opts)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.Output, "output", "o", DefaultToolsLock, "write the lock to `FILE`")
	f.StringArrayVar(&opts.Exclude, "exclude", nil, "skip files and directories matching `GLOB` (as scan --exclude; repeatable)")
	return cmd
}

func toolsLockRun(ctx context.Context, app *App, opts *ToolsLockOptions) error {
	if ctx == nil {
		ctx = context.Background()
	}
	cats, problems, notices, err := engine.LoadCatalogs(ctx, engine.Options{Paths: opts.Paths, Exclude: opts.Exclude})
	if err != nil {
		return err
	}
	for _, p := range notices {
		fmt.Fprintf(app.Err, "apiaudit: notice: %s (its tools, if any, are not locked)\n", report.Safe(p.Error()))
	}
	if len(problems) > 0 {
		for _, p := range problems {
			fmt.Fprintf(app.Err, "apiaudit: %s\n", report.Safe(p.Error()))
		}
		return &exitError{code: ExitError}
	}
	if len(cats) == 0 {
		return errors.New("no tool manifest or Go MCP server found under " + pathList(opts.Paths) + ": nothing to lock")
	}
	data, err := toolcat.NewLock(cats).Encode()
	if err != nil {
		return err
	}
	if err := writeFile(opts.Output, func(w io.Writer) error { _, err := w.Write(data); return err }); err != nil {
		return err
	}
	n := 0
	for _, c := range cats {
		n += len(c.Tools)
	}
	fmt.Fprintf(app.Err, "apiaudit: locked %d tools of %d catalogs in %s\n", n, len(cats), opts.Output)
	return nil
}

// readToolsLock reads the lock file given to scan --tools-lock. The lock
// is usually committed in the scanned tree, so it is read as the tree's own
// files are: a regular file only (a named pipe in its place would block the
// scan), up to a size limit.
func readToolsLock(name string) (*toolcat.Lock, error) {
	data, err := regfile.ReadFile(name, maxLockSize, 0)
	var tl *regfile.TooLargeError
	var pe *fs.PathError
	switch {
	case errors.As(err, &tl):
		return nil, fmt.Errorf("--tools-lock %s: larger than %d MB", name, maxLockSize>>20)
	case errors.As(err, &pe):
		return nil, fmt.Errorf("--tools-lock: %w", err)
	case err != nil:
		return nil, fmt.Errorf("--tools-lock %s: %w", name, err)
	}
	lock, err := toolcat.DecodeLock(data)
	if err != nil {
		return nil, fmt.Errorf("--tools-lock %s: %w", name, err)
	}
	return lock, nil
}
