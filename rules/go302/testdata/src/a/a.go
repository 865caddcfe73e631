package a

import (
	"github.com/anthropics/anthropic-sdk-go"
	"github.com/anthropics/anthropic-sdk-go/tools/agenttoolset"
	"github.com/openai/openai-go/v3/responses"
)

func anthropicTools() []anthropic.ToolUnionParam {
	return []anthropic.ToolUnionParam{
		{OfBashTool20250124: &anthropic.ToolBash20250124Param{}},         // want `anthropic.ToolBash20250124Param hands the model a shell whose commands this program runs`
		{OfTextEditor20250728: &anthropic.ToolTextEditor20250728Param{}}, // want `anthropic.ToolTextEditor20250728Param hands the model file edits`
		// Silent: code execution runs in Anthropic's sandbox.
		{OfCodeExecutionTool20250825: &anthropic.CodeExecutionTool20250825Param{}},
	}
}

func betaTools() []anthropic.BetaToolUnionParam {
	return []anthropic.BetaToolUnionParam{
		{OfComputerUseTool20250124: &anthropic.BetaToolComputerUse20250124Param{DisplayWidthPx: 1024, DisplayHeightPx: 768}}, // want `anthropic.BetaToolComputerUse20250124Param hands the model control of a computer`
		anthropic.BetaToolUnionParamOfComputerUseTool20250124(768, 1024),                                                     // want `anthropic.BetaToolUnionParamOfComputerUseTool20250124 hands the model control of a computer`
	}
}

func toolset(env *agenttoolset.AgentToolContext) []anthropic.BetaTool {
	all := agenttoolset.BetaAgentToolset20260401(env) // want `agenttoolset.BetaAgentToolset20260401 hands the model an unrestricted bash shell on this host \(its BetaBashTool\)`
	_ = agenttoolset.BetaBashTool(env)                // want `agenttoolset.BetaBashTool hands the model an unrestricted bash shell`
	// Silent: the file tools confine themselves to the work directory.
	return append(all, agenttoolset.BetaReadTool(env), agenttoolset.BetaEditTool(env))
}

func openaiTools() []responses.ToolUnionParam {
	shell := responses.NewToolLocalShellParam() // want `responses.NewToolLocalShellParam hands the model a shell`
	return []responses.ToolUnionParam{
		{OfLocalShell: &shell},
		{OfShell: &responses.FunctionShellToolParam{}}, // want `responses.FunctionShellToolParam hands the model a shell`
		{OfShell: &responses.FunctionShellToolParam{Environment: responses.FunctionShellToolEnvironmentUnionParam{OfLocal: &responses.LocalEnvironmentParam{}}}}, // want `responses.FunctionShellToolParam hands the model a shell`
		{OfApplyPatch: &responses.ApplyPatchToolParam{}},                                                     // want `responses.ApplyPatchToolParam hands the model file edits`
		{OfComputer: &responses.ComputerToolParam{}},                                                         // want `responses.ComputerToolParam hands the model control of a computer`
		responses.ToolParamOfComputerUsePreview(768, 1024, responses.ComputerUsePreviewToolEnvironmentLinux), // want `responses.ToolParamOfComputerUsePreview hands the model control`
		// Silent: the shell runs in a container OpenAI hosts.
		{OfShell: &responses.FunctionShellToolParam{Environment: responses.FunctionShellToolEnvironmentUnionParam{OfContainerAuto: &responses.ContainerAutoParam{}}}},
		responses.ToolParamOfMcp("docs"),
	}
}
