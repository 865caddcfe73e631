// Package agent is an agent framework: its agent runs the scripts of the
// skills it is given, with the arguments the model chose.
package agent

import (
	"context"
	"os/exec"
)

// Agent is the framework's agent, and a tool of another agent.
type Agent interface {
	Name() string
	Description() string
	Run(ctx context.Context, input map[string]any) (string, error)
}

// Skilled runs skill scripts: it owns the capability.
type Skilled struct{ dir string } // want `tool Skilled hands the model a shell whose commands this program runs \(Run → runScript → os/exec.CommandContext\)$`

func (a *Skilled) Name() string        { return "skilled" }
func (a *Skilled) Description() string { return "runs skill scripts" }
func (a *Skilled) Run(ctx context.Context, input map[string]any) (string, error) {
	script, _ := input["script"].(string)
	return a.runScript(ctx, script)
}

func (a *Skilled) runScript(ctx context.Context, script string) (string, error) {
	out, err := exec.CommandContext(ctx, "sh", "-c", script).Output()
	return string(out), err
}

// Plain answers from the model only: silent.
type Plain struct{}

func (Plain) Name() string        { return "plain" }
func (Plain) Description() string { return "answers" }
func (Plain) Run(ctx context.Context, input map[string]any) (string, error) {
	return "", nil
}
