package gotaint

import "github.com/apiaudit/apiaudit/pkg/goapi"

// github.com/anthropics/anthropic-sdk-go, checked against v1.84.0.
func init() {
	const an = "github.com/anthropics/anthropic-sdk-go"
	library(Models{
		Sources: goapi.Set(SourceModel{Kind: ModelOutput, What: "model output", Out: Ret},
			"(*"+an+".MessageService).New", "(*"+an+".BetaMessageService).New"),
		FieldSources: mustFields(SourceModel{Kind: ToolArgs, What: "tool-call arguments the model wrote"},
			an+".ToolUseBlock.Input", an+".ContentBlockUnion.Input", an+".BetaToolUseBlock.Input"),
		Sinks: allSinks(
			sinks(SinkModel{Kind: UserPrompt}, an+".NewUserMessage", an+".NewBetaUserMessage"),
		),
		FieldSinks: allFieldSinks(
			fieldSinks(FieldSink{Kind: SystemPrompt}, an+".MessageNewParams.System", an+".BetaMessageNewParams.System",
				an+".MessageCountTokensParams.System"),
			fieldSinks(FieldSink{Kind: ToolDesc}, an+".ToolParam.Description", an+".ToolParam.Name", an+".ToolParam.InputSchema",
				an+".BetaToolParam.Description", an+".BetaToolParam.Name"),
		),
	}, an, an+"/option", an+"/packages/param")
}
