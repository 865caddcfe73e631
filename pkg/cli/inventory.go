package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"slices"
	"strings"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/apiaudit/apiaudit/pkg/engine"
	"github.com/apiaudit/apiaudit/pkg/inventory"
	"github.com/apiaudit/apiaudit/pkg/report"
)

// InventoryOptions are the flags of `apiaudit inventory`.
type InventoryOptions struct {
	Paths            []string
	Format           string
	Output           string
	Exclude          []string
	Config           string
	NoConfig         bool
	MaxFileSize      string
	Jobs             int
	IncludeGenerated bool
	GoModDownload    bool
}

// NewCmdInventory builds `apiaudit inventory`.
func NewCmdInventory(app *App, runF func(*InventoryOptions) error) *cobra.Command {
	opts := &InventoryOptions{}
	cmd := &cobra.Command{
		Use:   "inventory [PATH...]",
		Short: "List every endpoint of the OpenAPI documents and Go services under PATHs, side by side",
		Long: `Inventory finds the OpenAPI documents and Go modules under each PATH as scan
does (same discovery, --exclude, configuration file and offline Go loading)
and prints one row per endpoint: an operation of a document joined with the
Go route that serves it, an operation no route serves (spec-only), or a
route no operation describes (code-only). Each row says where the endpoint
is declared and registered, the document's security and the code's
authentication and middleware, the body limit, the read timeouts of the
server, what the handler reaches (model, command, database or file writes,
mutating outbound requests) and how agents see it (MCP, GPT action).

A document is paired with a Go module when the module serves at least half
of its operations (and at least two); the end of the output says which
pairs were made and why. Rows of documents and modules that pair with
nothing are "unmatched". scan reports the drift between paired documents
and modules as GO106, GO208, GO504, GO505 and OAS511. See docs/inventory.md.

Exit status: 0 when the inventory is complete, 2 when the command line is
wrong or an input could not be read (the rows of the others are printed).`,
		Example: `  apiaudit inventory
  apiaudit inventory --format markdown services/orders
  apiaudit inventory --format json --output inventory.json .`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if runF != nil {
				return runF(opts)
			}
			return inventoryRun(cmd.Context(), app, opts)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.Format, "format", "f", "text", "output `format`: "+strings.Join(inventory.Formats, ", "))
	f.StringVarP(&opts.Output, "output", "o", "", "write the inventory to `FILE` instead of standard output")
	f.StringArrayVar(&opts.Exclude, "exclude", nil, "skip files and directories matching `GLOB` (as scan; adds to the configuration file's)")
	f.StringVar(&opts.Config, "config", "", "read settings from `FILE` instead of looking for .apiaudit.yaml")
	f.BoolVar(&opts.NoConfig, "no-config", false, "read no configuration file")
	f.StringVar(&opts.MaxFileSize, "max-file-size", "100MB", "skip, with a problem, OpenAPI files larger than `SIZE`")
	f.IntVarP(&opts.Jobs, "jobs", "j", 0, "documents and Go modules loaded at once (default: the number of CPUs)")
	f.BoolVar(&opts.GoModDownload, "go-mod-download", false, `run "go mod download" in each Go module first, with your GOPROXY`)
	f.BoolVar(&opts.IncludeGenerated, "include-generated", false, `also list routes in Go files marked "// Code generated ... DO NOT EDIT."`)
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(inventory.Formats, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func inventoryRun(ctx context.Context, app *App, opts *InventoryOptions) error {
	if !slices.Contains(inventory.Formats, opts.Format) {
		return &FlagError{Err: fmt.Errorf("--format: unknown format %q (want %s)", opts.Format, strings.Join(inventory.Formats, ", "))}
	}
	if opts.NoConfig && opts.Config != "" {
		return &FlagError{Err: errors.New("--config and --no-config cannot be used together")}
	}
	maxSize, err := parseSize(opts.MaxFileSize)
	if err != nil {
		return &FlagError{Err: fmt.Errorf("--max-file-size: %v", err)}
	}
	cfg, err := loadConfig(&ScanOptions{Config: opts.Config, NoConfig: opts.NoConfig})
	if err != nil {
		return err
	}
	if ctx == nil {
		ctx = context.Background()
	}
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer stop()
	restore := cfg.Apply() // GO101's auth-middleware names decide the code's auth column
	defer restore()
	var inv *inventory.Inventory
	res, err := engine.Run(ctx, engine.Options{
		Paths:            opts.Paths,
		Exclude:          append(slices.Clone(cfg.Exclude), opts.Exclude...),
		Known:            scanRules(),
		MaxFileSize:      maxSize,
		Jobs:             opts.Jobs,
		IncludeGenerated: opts.IncludeGenerated || cfg.IncludeGenerated,
		GoModDownload:    opts.GoModDownload,
		Inventory:        func(i *inventory.Inventory) { inv = i },
	})
	if err != nil {
		return err
	}
	if ctx.Err() != nil {
		return errInterrupted
	}
	if inv == nil {
		inv = &inventory.Inventory{}
	}
	write := func(w io.Writer) error { return inv.Write(w, opts.Format) }
	if opts.Output == "" || opts.Output == "-" {
		bw := bufio.NewWriter(app.Out)
		if err := write(bw); err != nil {
			return err
		}
		if err := bw.Flush(); err != nil {
			return err
		}
	} else if err := writeFile(opts.Output, write); err != nil {
		return err
	}
	for _, p := range res.Problems {
		fmt.Fprintf(app.Err, "apiaudit: %s\n", report.Safe(p.Error()))
	}
	if len(res.Problems) > 0 {
		return &exitError{code: ExitError}
	}
	if res.Documents == 0 && res.Modules == 0 {
		return errors.New(nothingScanned(opts.Paths, false))
	}
	return nil
}
