// Package table hands a model a plain tool table: a name, a description,
// a parameter schema and a handler per entry, no SDK type.
package table

import (
	"context"
	"os"
	"os/exec"
)

// Tool is the program's own tool definition.
type Tool struct {
	Name        string
	Description string
	Parameters  map[string]any
	Handler     func(ctx context.Context, args map[string]any) (string, error)
}

// Tools is what the agent loop sends as the model's tools and dispatches
// on by the name in each tool call.
var Tools = []Tool{
	{ // want `tool "list_pods" of a tool table runs commands that the model does not choose \(runKubectl → os/exec.CommandContext\) \(a note, not an error: the tool's arguments never choose the program or the shell script it runs`
		Name:        "list_pods",
		Description: "lists the pods of a namespace",
		Parameters:  map[string]any{"type": "object"},
		Handler:     runKubectl,
	},
	{ // want `tool "run" of a tool table hands the model a shell whose commands this program runs \(Handler → os/exec.Command\)$`
		Name:        "run",
		Description: "runs a command",
		Parameters:  map[string]any{"type": "object"},
		Handler: func(ctx context.Context, args map[string]any) (string, error) {
			line, _ := args["command"].(string)
			out, err := exec.Command("sh", "-c", line).Output()
			return string(out), err
		},
	},
	// The model's argument is the script of a shell, through a helper: an error.
	{ // want `tool "sh" of a tool table hands the model a shell whose commands this program runs \(runLine → shell → os/exec.Command\)$`
		Name:        "sh",
		Description: "runs a shell line",
		Parameters:  map[string]any{"type": "object"},
		Handler:     runLine,
	},
	{ // want `tool "status" of a tool table runs commands that the model does not choose \(Handler → os/exec.Command\) \(a note, not an error: the tool's arguments never choose`
		Name:        "status",
		Description: "shows the repository's status",
		Parameters:  map[string]any{"type": "object"},
		Handler: func(ctx context.Context, args map[string]any) (string, error) {
			out, err := exec.Command(Config.Git, "status").Output()
			return string(out), err
		},
	},
	{ // reads a file: silent
		Name:        "read_file",
		Description: "reads a file",
		Parameters:  map[string]any{"type": "object"},
		Handler:     readFile,
	},
}

func runKubectl(ctx context.Context, args map[string]any) (string, error) {
	ns, _ := args["namespace"].(string)
	out, err := exec.CommandContext(ctx, "kubectl", "get", "pods", "-n", ns).Output()
	return string(out), err
}

func runLine(ctx context.Context, args map[string]any) (string, error) {
	line, _ := args["line"].(string)
	return shell(line)
}

func shell(line string) (string, error) {
	out, err := exec.Command("/bin/sh", "-c", line).Output()
	return string(out), err
}

// Config is the program's configuration: the git binary it runs.
var Config struct{ Git string }

func readFile(ctx context.Context, args map[string]any) (string, error) {
	p, _ := args["path"].(string)
	b, err := os.ReadFile(p)
	return string(b), err
}

// Command is an entry of the program's own command line: a name, a
// description and an action, but no parameter schema; it is for the user
// at the terminal, not for a model. Silent, though its action runs git.
type Command struct {
	Name        string
	Description string
	Action      func(args []string) error
}

var Commands = []Command{
	{Name: "sync", Description: "pulls the repository", Action: func(args []string) error {
		return exec.Command("git", "pull").Run()
	}},
}
