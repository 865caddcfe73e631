package gotaint

import "github.com/apiaudit/apiaudit/pkg/goapi"

// github.com/anthropics/anthropic-sdk-go, checked against v1.84.0 (the
// batch, count-tokens and tool-runner names against v1.44.0).
func init() {
	const an = "github.com/anthropics/anthropic-sdk-go"
	library(Models{
		Sources: goapi.Set(SourceModel{Kind: ModelOutput, What: "model output", Out: Ret},
			"(*"+an+".MessageService).New", "(*"+an+".BetaMessageService).New",
			"(*"+an+".MessageService).NewStreaming", "(*"+an+".BetaMessageService).NewStreaming",
			"(*"+an+".BetaToolRunner).RunToCompletion"),
		FieldSources: mustFields(SourceModel{Kind: ToolArgs, What: "tool-call arguments the model wrote"},
			an+".ToolUseBlock.Input", an+".ContentBlockUnion.Input", an+".BetaToolUseBlock.Input"),
		Sinks: allSinks(
			sinks(SinkModel{Kind: UserPrompt}, an+".NewUserMessage", an+".NewBetaUserMessage"),
			// Tools of the tool runner: name, description (and schema).
			sinks(SinkModel{Kind: ToolDesc, Args: []int{0, 1}}, an+"/toolrunner.NewBetaToolFromJSONSchema"),
			sinks(SinkModel{Kind: ToolDesc, Args: []int{0, 1, 2}}, an+"/toolrunner.NewBetaTool", an+"/toolrunner.NewBetaToolFromBytes"),
		),
		FieldSinks: allFieldSinks(
			fieldSinks(FieldSink{Kind: SystemPrompt}, an+".MessageNewParams.System", an+".BetaMessageNewParams.System",
				an+".MessageCountTokensParams.System", an+".BetaMessageCountTokensParams.System",
				an+".MessageBatchNewParamsRequestParams.System", an+".BetaMessageBatchNewParamsRequestParams.System"),
			fieldSinks(FieldSink{Kind: ToolDesc}, an+".ToolParam.Description", an+".ToolParam.Name", an+".ToolParam.InputSchema",
				an+".BetaToolParam.Description", an+".BetaToolParam.Name", an+".BetaToolParam.InputSchema"),
		),
	}, an, an+"/option", an+"/packages/param", an+"/toolrunner")
}
