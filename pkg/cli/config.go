package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/spf13/cobra"

	"github.com/apiaudit/apiaudit/pkg/config"
)

// ConfigInitOptions are the flags of `apiaudit config init`.
type ConfigInitOptions struct {
	File  string // where to write; "-" = standard output
	Force bool
}

// NewCmdConfig builds `apiaudit config` and its subcommands.
func NewCmdConfig(app *App, initF func(*ConfigInitOptions) error) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "config",
		Short: "Work with the configuration file, .apiaudit.yaml",
		Long: `apiaudit reads its settings from .apiaudit.yaml (or .apiaudit.yml), found in the
current directory or a parent up to the top of the repository, or from
scan --config FILE. See docs/config.md.`,
		Args: noArgs,
	}
	cmd.AddCommand(NewCmdConfigInit(app, initF))
	return cmd
}

// NewCmdConfigInit builds `apiaudit config init`.
func NewCmdConfigInit(app *App, runF func(*ConfigInitOptions) error) *cobra.Command {
	opts := &ConfigInitOptions{}
	cmd := &cobra.Command{
		Use:   "init [FILE]",
		Short: "Write a commented starter .apiaudit.yaml with every setting at its default",
		Long: `Init writes a configuration file (default .apiaudit.yaml, "-" for standard
output) whose settings are the defaults, with every rule option listed,
commented out, at its current value. It does not overwrite a file unless
--force is given.`,
		Example: `  apiaudit config init
  apiaudit config init - | less`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 1 {
				return &FlagError{Err: fmt.Errorf("%s takes at most one file, got %d", cmd.CommandPath(), len(args))}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.File = config.FileNames[0]
			if len(args) == 1 {
				opts.File = args[0]
			}
			if runF != nil {
				return runF(opts)
			}
			return configInitRun(app, opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Force, "force", false, "overwrite the file if it exists")
	return cmd
}

func configInitRun(app *App, opts *ConfigInitOptions) error {
	text := config.Starter(Registry())
	if opts.File == "-" {
		_, err := io.WriteString(app.Out, text)
		return err
	}
	if _, err := os.Lstat(opts.File); err == nil && !opts.Force {
		return fmt.Errorf("%s exists: use --force to overwrite it", opts.File)
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if err := writeFile(opts.File, func(w io.Writer) error { _, err := io.WriteString(w, text); return err }); err != nil {
		return err
	}
	fmt.Fprintf(app.Err, "apiaudit: wrote %s\n", opts.File)
	return nil
}
