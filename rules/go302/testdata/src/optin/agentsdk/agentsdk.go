// Package agentsdk is an agent SDK: it offers shell and computer tools
// that an application opts into by constructing them, and converts each
// tool it is given into the provider's type. The conversion is not the
// SDK handing a shell to a model: a note, and the construction is the
// finding (app).
package agentsdk

import (
	"context"

	"github.com/openai/openai-go/v3/responses"
)

// Tool is a tool an agent can be given.
type Tool interface{ ToolName() string }

// ShellTool runs the model's commands with the application's executor.
type ShellTool struct {
	Run func(ctx context.Context, command string) (string, error)
}

func (ShellTool) ToolName() string { return "local_shell" }

// ComputerTool drives the application's computer.
type ComputerTool struct{ Width, Height int64 }

func (ComputerTool) ToolName() string { return "computer" }

// SearchTool is hosted.
type SearchTool struct{}

func (SearchTool) ToolName() string { return "search" }

func convert(tool Tool) responses.ToolUnionParam {
	switch t := tool.(type) {
	case ShellTool:
		return responses.ToolUnionParam{OfLocalShell: &responses.ToolLocalShellParam{}} // want `responses.ToolLocalShellParam hands the model a shell whose commands this program runs \(a note, not an error: it converts agentsdk.ShellTool, a tool type of this package that a caller passes in: .*\)$`
	case *ComputerTool:
		return responses.ToolParamOfComputerUsePreview(t.Height, t.Width, responses.ComputerUsePreviewToolEnvironmentLinux) // want `responses.ToolParamOfComputerUsePreview hands the model control of a computer .* \(a note, not an error: it converts agentsdk.ComputerTool, `
	}
	return responses.ToolUnionParam{}
}

// Agent runs with the tools it is given.
type Agent struct{ Tools []Tool }

func (a *Agent) params() []responses.ToolUnionParam {
	var out []responses.ToolUnionParam
	for _, t := range a.Tools {
		out = append(out, convert(t))
	}
	return out
}

// DefaultShell is a shell tool the SDK builds itself: that is the SDK
// handing it over.
var DefaultShell = ShellTool{} // want `agentsdk.ShellTool hands the model a shell whose commands this program runs \(agentsdk converts it to responses.ToolLocalShellParam at agentsdk/agentsdk.go:37\)$`
