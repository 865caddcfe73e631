// Package wrap runs commands for its callers.
package wrap

import (
	"context"
	"os/exec"
)

// Run runs a command line through the shell.
func Run(ctx context.Context, line string) ([]byte, error) {
	return exec.CommandContext(ctx, "/bin/sh", "-c", line).Output()
}
