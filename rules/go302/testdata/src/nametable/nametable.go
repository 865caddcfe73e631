// Package nametable dispatches a model's tool calls through a map from
// the tool's name to its handler.
package nametable

import (
	"context"
	"os"
	"os/exec"

	openai "github.com/sashabaranov/go-openai"
)

type handler func(ctx context.Context, args string) (string, error)

// handlers is indexed by the name of the tool the model calls: a tool
// table.
var handlers = map[string]handler{
	"run_command": runCommand, // want `tool "run_command" of a table of handlers indexed by the tool the model calls hands the model a shell whose commands this program runs \(runCommand → os/exec.Command\)$`
	"read_file":   readFile,
	"version":     gitVersion, // want `tool "version" of a table of handlers indexed by the tool the model calls runs commands that the model does not choose \(gitVersion → os/exec.Command\) \(a note, not an error`
	"sh": func(ctx context.Context, args string) (string, error) { // want `tool "sh" of a table of handlers indexed by the tool the model calls hands the model a shell whose commands this program runs \(func literal → os/exec.Command\)$`
		out, err := exec.Command("sh", "-c", args).Output()
		return string(out), err
	},
}

func dispatch(ctx context.Context, msg openai.ChatCompletionMessage) {
	for _, call := range msg.ToolCalls {
		name := call.Function.Name
		if h, ok := handlers[name]; ok {
			_, _ = h(ctx, call.Function.Arguments)
		}
	}
}

func runCommand(ctx context.Context, args string) (string, error) {
	out, err := exec.Command("sh", "-c", args).Output()
	return string(out), err
}

func gitVersion(ctx context.Context, args string) (string, error) {
	out, err := exec.Command("git", "--version").Output()
	return string(out), err
}

func readFile(ctx context.Context, args string) (string, error) {
	b, err := os.ReadFile(args)
	return string(b), err
}

// commands is the program's own command line, indexed by os.Args: not a
// tool table, silent though it runs git.
var commands = map[string]func(args []string) error{
	"sync": func(args []string) error { return exec.Command("git", "pull").Run() },
	"exec": func(args []string) error { return exec.Command(args[0], args[1:]...).Run() },
}

func main() {
	if c, ok := commands[os.Args[1]]; ok {
		_ = c(os.Args[2:])
	}
}
