package gotaint

import "github.com/apiaudit/apiaudit/pkg/goapi"

// google.golang.org/genai (checked against v1.77.0; the Live API and the
// count-tokens and cache configurations against v1.47.0) and
// github.com/firebase/genkit/go.
func init() {
	const g = "google.golang.org/genai"
	const gk = "github.com/firebase/genkit/go"
	out := SourceModel{Kind: ModelOutput, What: "model output", Out: Ret}
	library(Models{
		Sources: goapi.Set(out, "(*"+g+".Models).GenerateContent", "(*"+g+".Chat).SendMessage", "(*"+g+".Chat).Send",
			"(*"+g+".Session).Receive", // the Live API
			gk+"/genkit.Generate", gk+"/genkit.GenerateText", gk+"/genkit.GenerateData"),
		FieldSources: mustFields(SourceModel{Kind: ToolArgs, What: "tool-call arguments the model wrote"}, g+".FunctionCall.Args"),
		Sinks: allSinks(
			sinks(SinkModel{Kind: UserPrompt, Args: []int{0}}, g+".Text", gk+"/ai.WithPrompt"),
			sinks(SinkModel{Kind: UserPrompt, Args: []int{0}, When: &Cond{Arg: 1, Values: []string{"user"}}}, g+".NewContentFromText"),
			sinks(SinkModel{Kind: SystemPrompt, Args: []int{0}}, gk+"/ai.WithSystem"),
			sinks(SinkModel{Kind: ToolDesc, Args: []int{1, 2}}, gk+"/genkit.DefineTool", gk+"/genkit.DefineMultipartTool"),
			sinks(SinkModel{Kind: ToolDesc, Args: []int{1, 2, 3}}, gk+"/genkit.DefineToolWithInputSchema"),
			sinks(SinkModel{Kind: ToolDesc, Args: []int{0, 1}}, gk+"/ai.NewTool"),
		),
		FieldSinks: allFieldSinks(
			fieldSinks(FieldSink{Kind: SystemPrompt}, g+".GenerateContentConfig.SystemInstruction",
				g+".CountTokensConfig.SystemInstruction", g+".CreateCachedContentConfig.SystemInstruction",
				g+".LiveConnectConfig.SystemInstruction", g+".LiveClientSetup.SystemInstruction"),
			fieldSinks(FieldSink{Kind: ToolDesc}, g+".FunctionDeclaration.Description", g+".FunctionDeclaration.Name",
				g+".FunctionDeclaration.Parameters", g+".FunctionDeclaration.ParametersJsonSchema",
				g+".FunctionDeclaration.Response", g+".FunctionDeclaration.ResponseJsonSchema"),
		),
	}, g, gk+"/genkit", gk+"/ai")
}
