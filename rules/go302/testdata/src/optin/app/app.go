// Command app constructs the SDK's shell tool and gives it to an agent:
// the program hands the model a shell.
package main

import (
	"context"
	"os/exec"

	"optin/agentsdk"
)

func main() {
	agent := &agentsdk.Agent{Tools: []agentsdk.Tool{
		agentsdk.ShellTool{Run: func(ctx context.Context, command string) (string, error) { // want `agentsdk.ShellTool hands the model a shell whose commands this program runs \(agentsdk converts it to responses.ToolLocalShellParam at agentsdk/agentsdk.go:37\)$`
			out, err := exec.CommandContext(ctx, "sh", "-c", command).Output()
			return string(out), err
		}},
		&agentsdk.ComputerTool{Width: 1024, Height: 768}, // want `agentsdk.ComputerTool hands the model control of a computer .* \(agentsdk converts it to responses.ToolParamOfComputerUsePreview at agentsdk/agentsdk.go:39\)$`
		agentsdk.SearchTool{},
	}}
	_ = agent
}
