package gotaint

import "github.com/apiaudit/apiaudit/pkg/goapi"

// github.com/mark3labs/mcp-go (checked against v1.2.1) and
// github.com/modelcontextprotocol/go-sdk. The typed input of go-sdk tool
// handlers (mcp.AddTool's In) is a source by its shape (see paramSource).
func init() {
	const mg = "github.com/mark3labs/mcp-go/mcp"
	const sdk = "github.com/modelcontextprotocol/go-sdk/mcp"
	args := func(out int) SourceModel { return SourceModel{Kind: ToolArgs, What: "MCP tool arguments", Out: out} }
	library(Models{
		Sources: goapi.Table[SourceModel]{}.Merge(
			goapi.Set(args(Ret), "("+mg+".CallToolRequest).GetArguments", "("+mg+".CallToolRequest).GetRawArguments",
				"("+mg+".CallToolRequest).GetString", "("+mg+".CallToolRequest).RequireString",
				"("+mg+".CallToolRequest).GetStringSlice", "("+mg+".CallToolRequest).RequireStringSlice"),
			goapi.Set(args(0), "("+mg+".CallToolRequest).BindArguments"),
		),
		FieldSources: mustFields(SourceModel{Kind: ToolArgs, What: "MCP tool arguments"},
			mg+".CallToolParams.Arguments", mg+".CallToolParams.RawArguments", sdk+".CallToolParamsRaw.Arguments",
			sdk+".CallToolParams.Arguments"),
		Sinks: allSinks(
			sinks(SinkModel{Kind: ToolDesc, Args: []int{0}}, mg+".NewTool", mg+".WithDescription", mg+".Description", mg+".Title",
				mg+".WithTitleAnnotation"),
			sinks(SinkModel{Kind: ToolDesc, Args: []int{0, 1}}, mg+".NewToolWithRawSchema"),
		),
		FieldSinks: fieldSinks(FieldSink{Kind: ToolDesc}, sdk+".Tool.Description", sdk+".Tool.Name", sdk+".Tool.Title", sdk+".Tool.InputSchema",
			mg+".Tool.Description", mg+".Tool.Name", mg+".Tool.Title", mg+".Tool.InputSchema", mg+".Tool.RawInputSchema"),
	}, mg, sdk)
}
