package gotaint

import "github.com/apiaudit/apiaudit/pkg/goapi"

// github.com/openai/openai-go (v1–v3: paths are canonical) and
// github.com/sashabaranov/go-openai. Checked against openai-go v3.98.0 and
// go-openai v1.43.0.
func init() {
	const oa = "github.com/openai/openai-go"
	const ga = "github.com/sashabaranov/go-openai"
	out := SourceModel{Kind: ModelOutput, What: "model output", Out: Ret}
	toolArgs := SourceModel{Kind: ToolArgs, What: "tool-call arguments the model wrote"}
	system := []string{"system", "developer"}
	library(Models{
		Sources: goapi.Set(out,
			"(*"+oa+".ChatCompletionService).New", "(*"+oa+".CompletionService).New",
			"(*"+oa+"/responses.ResponseService).New",
			// Streams: each chunk (Stream.Current, Recv) is model output.
			"(*"+oa+".ChatCompletionService).NewStreaming", "(*"+oa+".CompletionService).NewStreaming",
			"(*"+oa+"/responses.ResponseService).NewStreaming",
			"(*"+ga+".Client).CreateChatCompletion", "(*"+ga+".Client).CreateCompletion",
			"(*"+ga+".Client).CreateResponse",
			"(*"+ga+".Client).CreateChatCompletionStream", "(*"+ga+".Client).CreateCompletionStream"),
		FieldSources: mergeFields(
			mustFields(toolArgs, oa+".ChatCompletionMessageFunctionToolCallFunction.Arguments",
				oa+".ChatCompletionMessageToolCallFunction.Arguments", oa+"/responses.ResponseFunctionToolCall.Arguments",
				ga+".FunctionCall.Arguments"),
		),
		Sinks: allSinks(
			sinks(SinkModel{Kind: SystemPrompt, Args: []int{0}}, oa+".SystemMessage", oa+".DeveloperMessage"),
			sinks(SinkModel{Kind: UserPrompt, Args: []int{0}}, oa+".UserMessage"),
			sinks(SinkModel{Kind: UserPrompt, Args: []int{0}, When: &Cond{Arg: 1, Values: []string{"user"}}},
				oa+"/responses.ResponseInputItemParamOfMessage"),
			sinks(SinkModel{Kind: SystemPrompt, Args: []int{0}, When: &Cond{Arg: 1, Values: system}},
				oa+"/responses.ResponseInputItemParamOfMessage"),
		),
		FieldSinks: allFieldSinks(
			fieldSinks(FieldSink{Kind: SystemPrompt},
				oa+".ChatCompletionSystemMessageParam.Content", oa+".ChatCompletionDeveloperMessageParam.Content",
				oa+"/responses.ResponseNewParams.Instructions",
				// The Assistants (beta) and Realtime APIs have instructions of their own.
				oa+".BetaAssistantNewParams.Instructions", oa+".BetaAssistantUpdateParams.Instructions",
				oa+".BetaThreadNewAndRunParams.Instructions", oa+".BetaThreadRunNewParams.Instructions",
				oa+".BetaThreadRunNewParams.AdditionalInstructions",
				oa+"/realtime.RealtimeSessionCreateRequestParam.Instructions",
				ga+".AssistantRequest.Instructions", ga+".RunRequest.Instructions", ga+".RunRequest.AdditionalInstructions",
				ga+".CreateResponseRequest.Instructions"),
			fieldSinks(FieldSink{Kind: SystemPrompt, When: &FieldCond{Field: "Role", Values: system}},
				ga+".ChatCompletionMessage.Content", ga+".ChatCompletionMessage.MultiContent",
				oa+"/responses.EasyInputMessageParam.Content", oa+"/responses.ResponseInputItemMessageParam.Content"),
			fieldSinks(FieldSink{Kind: UserPrompt, When: &FieldCond{Field: "Role", Values: []string{"user"}}},
				ga+".ChatCompletionMessage.Content", ga+".ChatCompletionMessage.MultiContent"),
			fieldSinks(FieldSink{Kind: UserPrompt},
				oa+".ChatCompletionUserMessageParam.Content", oa+"/responses.ResponseNewParams.Input", ga+".CompletionRequest.Prompt"),
			fieldSinks(FieldSink{Kind: ToolDesc},
				oa+"/shared.FunctionDefinitionParam.Description", oa+"/shared.FunctionDefinitionParam.Name",
				oa+"/shared.FunctionDefinitionParam.Parameters",
				oa+"/responses.FunctionToolParam.Description", oa+"/responses.FunctionToolParam.Name",
				ga+".FunctionDefinition.Description", ga+".FunctionDefinition.Name", ga+".FunctionDefinition.Parameters"),
		),
	}, oa, oa+"/responses", oa+"/shared", oa+"/option", oa+"/packages/param", oa+"/realtime", ga)
}
