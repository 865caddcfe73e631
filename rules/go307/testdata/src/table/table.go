// Package table hands a model a plain tool table (no SDK): the handlers'
// parameters are the arguments the model chose.
package table

import (
	"context"
	"os/exec"
)

// Tool is the program's own tool definition.
type Tool struct {
	Name        string
	Description string
	Parameters  map[string]any
	Handler     func(ctx context.Context, args map[string]any) (string, error)
}

var Tools = []Tool{
	{Name: "git_log", Description: "shows the log of a ref", Parameters: map[string]any{"type": "object"}, Handler: gitLog},
	{Name: "uptime", Description: "shows the uptime", Parameters: map[string]any{"type": "object"}, Handler: uptime},
	{Name: "run", Description: "runs a command", Parameters: map[string]any{"type": "object"},
		Handler: func(ctx context.Context, args map[string]any) (string, error) {
			line, _ := args["command"].(string)
			out, err := exec.CommandContext(ctx, "sh", "-c", "cd /srv && "+line).Output() // want `tool arguments reach command execution in exec.CommandContext, from the tool's arguments`
			return string(out), err
		}},
}

func gitLog(ctx context.Context, args map[string]any) (string, error) {
	ref, _ := args["ref"].(string)
	out, err := exec.CommandContext(ctx, "sh", "-c", "git log --oneline "+ref).Output() // want `tool arguments reach command execution in exec.CommandContext, from the tool's arguments`
	return string(out), err
}

// uptime runs a fixed command: silent.
func uptime(ctx context.Context, args map[string]any) (string, error) {
	out, err := exec.CommandContext(ctx, "uptime").Output()
	return string(out), err
}

// Command is a command of the program's CLI (no parameter schema): its
// arguments come from the user at the terminal, not from a model. Silent.
type Command struct {
	Name        string
	Description string
	Action      func(args []string) error
}

var Commands = []Command{
	{Name: "exec", Description: "runs a script", Action: func(args []string) error {
		return exec.Command("sh", "-c", args[0]).Run()
	}},
}
