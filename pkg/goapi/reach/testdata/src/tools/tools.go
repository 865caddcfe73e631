// Package tools keeps a table of tools by name, filled where it is
// declared, and runs them by name.
package tools

import (
	"os"
	"os/exec"
)

// Func is a tool's implementation.
type Func func(args map[string]string) (string, error)

// Table holds the tools, the shell among them.
var Table = map[string]Func{"shell": Shell, "echo": Echo, "remove": remove}

func Shell(args map[string]string) (string, error) { // want Shell:"reaches command execution"
	out, err := exec.Command("sh", "-c", args["cmd"]).Output()
	return string(out), err
}

func Echo(args map[string]string) (string, error) { return args["text"], nil }

// remove is unexported: its fact reaches importers in the package's
// HiddenFacts.
func remove(args map[string]string) (string, error) { // want remove:"reaches file removal"
	return "", os.RemoveAll(args["path"])
}

// Call runs a tool of the table: one of them runs commands.
func Call(name string, args map[string]string) (string, error) { // want Call:"reaches command execution, file removal"
	return Table[name](args)
}
