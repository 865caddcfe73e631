// Package flow composes agents: its loop and its prompt wrapper only
// delegate to the agents they are given, and reach the skill runner's
// command execution through them.
package flow

import (
	"context"
	"os/exec"

	"wrap/agent"
)

// Loop runs its sub-agents in turn: reported here under go vet, folded
// into Skilled's finding by the module step.
type Loop struct{ subs []agent.Agent } // want `tool Loop hands the model a shell whose commands this program runs \(Run → Run → runScript → os/exec.CommandContext\)$`

func (l *Loop) Name() string        { return "loop" }
func (l *Loop) Description() string { return "runs sub-agents in a loop" }
func (l *Loop) Run(ctx context.Context, input map[string]any) (string, error) {
	var last string
	for _, s := range l.subs {
		out, err := s.Run(ctx, input)
		if err != nil {
			return "", err
		}
		last = out
	}
	return last, nil
}

// Prompted adds a prompt to another agent's input.
type Prompted struct { // want `tool Prompted hands the model a shell`
	base   agent.Agent
	prompt string
}

func (p *Prompted) Name() string        { return p.base.Name() }
func (p *Prompted) Description() string { return p.base.Description() }
func (p *Prompted) Run(ctx context.Context, input map[string]any) (string, error) {
	input["prompt"] = p.prompt
	return p.base.Run(ctx, input)
}

// Hooked delegates too, but runs a command of its own first: it owns a
// capability, and keeps its finding.
type Hooked struct{ base agent.Agent } // want `tool Hooked hands the model a shell`

func (h *Hooked) Name() string        { return "hooked" }
func (h *Hooked) Description() string { return "runs a hook, then the agent" }
func (h *Hooked) Run(ctx context.Context, input map[string]any) (string, error) {
	hook, _ := input["hook"].(string)
	if err := exec.CommandContext(ctx, "sh", "-c", hook).Run(); err != nil {
		return "", err
	}
	return h.base.Run(ctx, input)
}
