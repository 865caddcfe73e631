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

// ServerConfig is how the developer configured an MCP server: the command
// that starts it.
type ServerConfig struct {
	Command string
	Args    []string
}

// Remote calls a tool of a configured MCP server over stdio, starting the
// server on first use: it reaches command execution, but the command is
// the developer's, never the model's. A note.
type Remote struct{ cfg ServerConfig } // want `tool Remote runs commands that the model does not choose \(Run → start → Start → os/exec.CommandContext\) \(a note, not an error: the tool's arguments never choose the program or the shell script it runs`

func (t *Remote) Name() string        { return "remote" }
func (t *Remote) Description() string { return "calls a tool of a configured server" }
func (t *Remote) Run(ctx context.Context, args map[string]any) (any, error) {
	if err := t.start(ctx); err != nil {
		return nil, err
	}
	return args, nil
}

func (t *Remote) start(ctx context.Context) error {
	_, err := sandbox.Start(ctx, t.cfg.Command, t.cfg.Args)
	return err
}

// Launcher lets the model name the server's command: an error.
type Launcher struct{} // want `tool Launcher hands the model a shell whose commands this program runs \(Run → Start → os/exec.CommandContext\)$`

func (Launcher) Name() string        { return "launch" }
func (Launcher) Description() string { return "starts a program" }
func (Launcher) Run(ctx context.Context, args map[string]any) (any, error) {
	prog, _ := args["program"].(string)
	return sandbox.Start(ctx, prog, nil)
}

// Agent keeps the conversation and starts its configured server.
type Agent struct {
	memory *Memory
	cfg    ServerConfig
}

// Memory is the agent's conversation.
type Memory struct{ lines []string }

func (a *Agent) Ask(ctx context.Context, input string) (string, error) {
	a.memory.lines = append(a.memory.lines, input)
	for _, l := range a.memory.lines {
		_ = l
	}
	_, err := sandbox.Start(ctx, a.cfg.Command, a.cfg.Args)
	return "", err
}

// SubAgent hands a task to another agent: the input goes into that
// agent's memory, and the agent starts the server of its configuration.
// A note.
type SubAgent struct{ agent *Agent } // want `tool SubAgent runs commands that the model does not choose`

func (t *SubAgent) Name() string        { return "delegate" }
func (t *SubAgent) Description() string { return "hands a task to another agent" }
func (t *SubAgent) Run(ctx context.Context, args map[string]any) (any, error) {
	task, _ := args["task"].(string)
	return t.agent.Ask(ctx, task)
}
