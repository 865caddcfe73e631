// Package own defines tools of its own, as kubectl-ai does, and hands
// their definitions to a model.
package own

import (
	"context"
	"os"

	"example.com/sandbox"
)

// Tool is the program's tool interface.
type Tool interface {
	Name() string
	Description() string
	Run(ctx context.Context, args map[string]any) (any, error)
}

// Shell is called "shell", but could be called anything: it runs commands.
type Shell struct{ exec sandbox.Executor } // want `tool Shell hands the model a shell whose commands this program runs \(Run → Execute → os/exec.CommandContext\)$`

func (t *Shell) Name() string        { return "shell" }
func (t *Shell) Description() string { return "runs a command" }
func (t *Shell) Run(ctx context.Context, args map[string]any) (any, error) {
	line, _ := args["command"].(string)
	return t.exec.Execute(ctx, line)
}

// Reader only reads files: silent.
type Reader struct{}

func (Reader) Name() string        { return "read" }
func (Reader) Description() string { return "reads a file" }
func (Reader) Run(ctx context.Context, args map[string]any) (any, error) {
	p, _ := args["path"].(string)
	return os.ReadFile(p)
}

// Runner runs commands but has no tool shape (no Name, no Description):
// silent.
type Runner struct{ exec sandbox.Executor }

func (r Runner) Run(ctx context.Context, line string) (string, error) {
	return r.exec.Execute(ctx, line)
}

// Kubectl runs commands too, but classifies each call so that the agent
// loop asks the user before one that changes something: a note.
type Kubectl struct{ exec sandbox.Executor } // want `tool Kubectl hands the model a shell whose commands this program runs \(Run → Execute → os/exec.CommandContext\) \(a note, not an error: its CheckModifiesResource method classifies each call`

func (t *Kubectl) Name() string        { return "kubectl" }
func (t *Kubectl) Description() string { return "runs kubectl" }
func (t *Kubectl) Run(ctx context.Context, args map[string]any) (any, error) {
	line, _ := args["command"].(string)
	return t.exec.Execute(ctx, "kubectl "+line)
}
func (t *Kubectl) CheckModifiesResource(args map[string]any) string { return "unknown" }
