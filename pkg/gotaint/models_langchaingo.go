package gotaint

import "github.com/apiaudit/apiaudit/pkg/goapi"

// github.com/tmc/langchaingo, checked against v0.1.14. Tool inputs
// ((T).Call(ctx, input) on a type with Name and Description) are sources by
// their shape (see paramSource).
func init() {
	const lc = "github.com/tmc/langchaingo"
	out := SourceModel{Kind: ModelOutput, What: "model output", Out: Ret}
	library(Models{
		Sources: goapi.Table[SourceModel]{}.Merge(
			goapi.Set(out, "("+lc+"/llms.Model).GenerateContent", "("+lc+"/llms.Model).Call", lc+"/llms.GenerateFromSinglePrompt",
				lc+"/chains.Run", lc+"/chains.Call", lc+"/chains.Predict", "(*"+lc+"/agents.Executor).Call"),
			goapi.Set(SourceModel{Kind: Retrieved, What: "a tool result", Out: Ret}, "("+lc+"/tools.Tool).Call"),
			goapi.Set(SourceModel{Kind: Retrieved, What: "retrieved documents", Out: Ret},
				"("+lc+"/vectorstores.VectorStore).SimilaritySearch", "("+lc+"/schema.Retriever).GetRelevantDocuments"),
		),
		Sinks: allSinks(
			sinks(SinkModel{Kind: SystemPrompt, Args: []int{1}, When: &Cond{Arg: 0, Values: []string{"system"}}, What: "llms.TextParts(system)"}, lc+"/llms.TextParts"),
			sinks(SinkModel{Kind: UserPrompt, Args: []int{1}, When: &Cond{Arg: 0, Values: []string{"human", "generic"}}, What: "llms.TextParts(human)"}, lc+"/llms.TextParts"),
			sinks(SinkModel{Kind: UserPrompt, Args: []int{2}}, lc+"/llms.GenerateFromSinglePrompt"),
			sinks(SinkModel{Kind: UserPrompt, Args: []int{1}}, "("+lc+"/llms.Model).Call"),
			sinks(SinkModel{Kind: Template | SystemPrompt, Args: []int{0}}, lc+"/prompts.NewSystemMessagePromptTemplate"),
			sinks(SinkModel{Kind: Template, Args: []int{0}}, lc+"/prompts.NewPromptTemplate",
				lc+"/prompts.NewHumanMessagePromptTemplate", lc+"/prompts.NewAIMessagePromptTemplate"),
			sinks(SinkModel{Kind: Template, Args: []int{1}}, lc+"/prompts.NewGenericMessagePromptTemplate"),
		),
		FieldSinks: allFieldSinks(
			fieldSinks(FieldSink{Kind: Template}, lc+"/prompts.PromptTemplate.Template"),
			fieldSinks(FieldSink{Kind: SystemPrompt}, lc+"/llms.SystemChatMessage.Content"),
			fieldSinks(FieldSink{Kind: SystemPrompt, When: &FieldCond{Field: "Role", Values: []string{"system"}}},
				lc+"/llms.MessageContent.Parts"),
			fieldSinks(FieldSink{Kind: ToolDesc}, lc+"/llms.FunctionDefinition.Name", lc+"/llms.FunctionDefinition.Description",
				lc+"/llms.FunctionDefinition.Parameters"),
		),
	}, lc+"/llms", lc+"/prompts", lc+"/chains", lc+"/agents", lc+"/tools", lc+"/schema", lc+"/vectorstores")
}
