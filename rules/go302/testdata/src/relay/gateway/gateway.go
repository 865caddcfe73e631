// Package gateway speaks a model API to its callers and forwards each
// request to a provider: the tools the caller declared become the
// provider's tool types, and the model's calls go back to the caller.
// Nothing here runs a command or writes a file, so the module step makes
// these findings notes.
package gateway

import (
	"github.com/anthropics/anthropic-sdk-go"
	"github.com/openai/openai-go/v3/responses"
)

// Declared is a tool as the caller's request declares it.
type Declared struct {
	Kind string // "bash", "computer", "editor", "function"
	Name string
}

func toAnthropic(declared []Declared) []anthropic.BetaToolUnionParam {
	var out []anthropic.BetaToolUnionParam
	for _, d := range declared {
		switch d.Kind {
		case "bash":
			out = append(out, anthropic.BetaToolUnionParam{OfBashTool20250124: &anthropic.BetaToolBash20250124Param{}}) // want `anthropic.BetaToolBash20250124Param hands the model a shell`
		case "computer":
			out = append(out, anthropic.BetaToolUnionParam{OfComputerUseTool20250124: &anthropic.BetaToolComputerUse20250124Param{DisplayWidthPx: 800, DisplayHeightPx: 600}}) // want `anthropic.BetaToolComputerUse20250124Param hands the model control of a computer`
		}
	}
	return out
}

func toResponses(declared []Declared) []responses.ToolUnionParam {
	var out []responses.ToolUnionParam
	for _, d := range declared {
		if d.Kind == "editor" {
			out = append(out, responses.ToolUnionParam{OfApplyPatch: &responses.ApplyPatchToolParam{}}) // want `responses.ApplyPatchToolParam hands the model file edits`
		}
	}
	return out
}
