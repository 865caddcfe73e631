// Package sandbox gives a model a bash tool and an editor tool; the
// commands run in package runner and the edits are written here, so the
// module step keeps them at error, and the computer tool too: a program
// that runs commands may click and type through one (xdotool).
package sandbox

import (
	"os"

	"github.com/anthropics/anthropic-sdk-go"

	"relay/runner"
)

func tools() []anthropic.BetaToolUnionParam {
	return []anthropic.BetaToolUnionParam{
		{OfBashTool20250124: &anthropic.BetaToolBash20250124Param{}},                                                    // want `anthropic.BetaToolBash20250124Param hands the model a shell`
		{OfComputerUseTool20250124: &anthropic.BetaToolComputerUse20250124Param{DisplayWidthPx: 1, DisplayHeightPx: 1}}, // want `anthropic.BetaToolComputerUse20250124Param hands the model control of a computer`
	}
}

func editor() anthropic.ToolUnionParam {
	return anthropic.ToolUnionParam{OfTextEditor20250728: &anthropic.ToolTextEditor20250728Param{}} // want `anthropic.ToolTextEditor20250728Param hands the model file edits`
}

func onBash(command string) (string, error) { return runner.Run(command) }

func onEdit(path, text string) error { return os.WriteFile(path, []byte(text), 0o600) }
