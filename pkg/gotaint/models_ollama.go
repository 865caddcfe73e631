package gotaint

// github.com/ollama/ollama/api, checked against v0.17.4. Output arrives
// through the callback given to Generate and Chat.
func init() {
	const o = "github.com/ollama/ollama/api"
	library(Models{
		Sources: mustTable(SourceModel{Kind: ModelOutput, What: "model output", Out: 2, Callback: true, Param: 0},
			"(*"+o+".Client).Generate", "(*"+o+".Client).Chat"),
		FieldSources: mustFields(SourceModel{Kind: ToolArgs, What: "tool-call arguments the model wrote"}, o+".ToolCallFunction.Arguments"),
		FieldSinks: allFieldSinks(
			fieldSinks(FieldSink{Kind: SystemPrompt}, o+".GenerateRequest.System"),
			fieldSinks(FieldSink{Kind: Template}, o+".GenerateRequest.Template"),
			fieldSinks(FieldSink{Kind: UserPrompt}, o+".GenerateRequest.Prompt"),
			fieldSinks(FieldSink{Kind: SystemPrompt, When: &FieldCond{Field: "Role", Values: []string{"system"}}}, o+".Message.Content"),
			fieldSinks(FieldSink{Kind: UserPrompt, When: &FieldCond{Field: "Role", Values: []string{"user"}}}, o+".Message.Content"),
			fieldSinks(FieldSink{Kind: ToolDesc}, o+".ToolFunction.Description", o+".ToolFunction.Name", o+".ToolFunction.Parameters"),
		),
	}, o)
}
