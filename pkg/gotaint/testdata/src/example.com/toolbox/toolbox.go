// Package toolbox keeps the tools handed to a model in a table of
// function values; callers in other packages run them by name.
package toolbox

import (
	"os"
	"os/exec"
)

// Func runs a tool with the model's arguments.
type Func func(args map[string]any) (string, error)

// Tools is the table handed to the model.
var Tools = map[string]Func{"shell": shell, "remove": remove, "echo": echo}

func shell(args map[string]any) (string, error) {
	cmd, _ := args["cmd"].(string)
	out, err := exec.Command("sh", "-c", cmd).Output()
	return string(out), err
}

func remove(args map[string]any) (string, error) {
	p, _ := args["path"].(string)
	return "", os.RemoveAll(p)
}

func echo(args map[string]any) (string, error) {
	s, _ := args["text"].(string)
	return s, nil
}
