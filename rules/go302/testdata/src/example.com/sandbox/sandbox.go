// Package sandbox runs command lines; the tools reach it through an
// interface.
package sandbox

import (
	"context"
	"os/exec"
)

// Executor runs a command line.
type Executor interface {
	Execute(ctx context.Context, line string) (string, error)
}

// Local runs it on this host, with a shell found at run time.
type Local struct{ Bash string }

func (l *Local) Execute(ctx context.Context, line string) (string, error) {
	out, err := exec.CommandContext(ctx, l.Bash, "-c", line).CombinedOutput()
	return string(out), err
}

// Start launches a server process: the command and its arguments are the
// caller's.
func Start(ctx context.Context, command string, args []string) (*exec.Cmd, error) {
	cmd := exec.CommandContext(ctx, command, args...)
	return cmd, cmd.Start()
}
