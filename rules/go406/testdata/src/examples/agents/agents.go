// Package agents is an example program: a tool that type-asserts the
// model's arguments as package a's does, graded as a note because nobody
// deploys an example as it is.
package agents

import (
	"context"
	"os/exec"
)

type runTool struct{}

func (runTool) Name() string        { return "run" }
func (runTool) Description() string { return "runs a command" }

func (runTool) Run(ctx context.Context, args map[string]any) (any, error) {
	cmd := args["command"].(string) // want `tool-call arguments written by the model \(parameter args of tool method Run\) are type-asserted with no validation \(a note, not a warning: example code \(examples/\)\)`
	return exec.CommandContext(ctx, "sh", "-c", cmd).Output()
}
