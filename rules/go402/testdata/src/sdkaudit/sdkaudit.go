// Package sdkaudit has one firing line per tool-definition field of the
// LLM and MCP SDKs that the audit table in docs/go.md lists, and the same
// fields set from constants (silent). The values are spliced into the
// program's text, so that none is the caller's own tool passed through
// (gotaint.OwnData).
package sdkaudit

import (
	"context"
	"encoding/json"
	"net/http"

	anthropic "github.com/anthropics/anthropic-sdk-go"
	"github.com/anthropics/anthropic-sdk-go/toolrunner"
	"github.com/firebase/genkit/go/ai"
	"github.com/firebase/genkit/go/genkit"
	"github.com/mark3labs/mcp-go/mcp"
	sdk "github.com/modelcontextprotocol/go-sdk/mcp"
	"github.com/ollama/ollama/api"
	"github.com/openai/openai-go/v3"
	"github.com/openai/openai-go/v3/responses"
	goopenai "github.com/sashabaranov/go-openai"
	"github.com/tmc/langchaingo/llms"
	"google.golang.org/genai"
)

type args struct{ Q string }

func handler(ctx context.Context, a args) (anthropic.BetaToolResultBlockParamContentUnion, error) {
	return anthropic.BetaToolResultBlockParamContentUnion{}, nil
}

func tool(ctx *ai.ToolContext, a args) (string, error) { return "", nil }

func definitions(r *http.Request, g *genkit.Genkit) {
	d := "Search the " + r.FormValue("d") + " index"
	schema := map[string]any{"type": "object", "description": d}
	raw, _ := json.Marshal(schema)

	// MCP SDKs.
	mcp.NewToolWithRawSchema("search", d, raw)                     // want `tool definition in mcp.NewToolWithRawSchema`
	mcp.NewTool("search", mcp.WithString("q", mcp.Description(d))) // want `tool definition in mcp.Description`
	mcp.NewTool("search", mcp.WithTitleAnnotation(d))              // want `tool definition in mcp.WithTitleAnnotation`
	_ = mcp.Tool{Name: "search", Description: d}                   // want `tool definition in mcp.Tool.Description`
	_ = mcp.Tool{Name: "search", RawInputSchema: raw}              // want `tool definition in mcp.Tool.RawInputSchema`
	_ = sdk.Tool{Name: "search", Description: d}                   // want `tool definition in mcp.Tool.Description`
	_ = sdk.Tool{Name: "search", InputSchema: schema}              // want `tool definition in mcp.Tool.InputSchema`

	// openai-go: chat completions and responses.
	_ = openai.FunctionDefinitionParam{Name: "search", Parameters: schema}                                           // want `tool definition in shared.FunctionDefinitionParam.Parameters`
	_ = responses.FunctionToolParam{Name: "search", Description: openai.String(d)}                                   // want `tool definition in responses.FunctionToolParam.Description`
	_ = goopenai.FunctionDefinition{Name: "search", Parameters: schema}                                              // want `tool definition in openai.FunctionDefinition.Parameters`
	_ = anthropic.ToolParam{Name: "search", InputSchema: anthropic.ToolInputSchemaParam{Properties: schema}}         // want `tool definition in anthropic.ToolParam.InputSchema`
	_ = anthropic.BetaToolParam{Name: "search", Description: anthropic.String(d)}                                    // want `tool definition in anthropic.BetaToolParam.Description`
	_ = anthropic.BetaToolParam{Name: "search", InputSchema: anthropic.BetaToolInputSchemaParam{Properties: schema}} // want `tool definition in anthropic.BetaToolParam.InputSchema`
	toolrunner.NewBetaToolFromJSONSchema("search", d, handler)                                                       // want `tool definition in toolrunner.NewBetaToolFromJSONSchema`
	toolrunner.NewBetaToolFromBytes("search", "Search.", raw, handler)                                               // want `tool definition in toolrunner.NewBetaToolFromBytes`
	toolrunner.NewBetaTool("search", d, anthropic.BetaToolInputSchemaParam{}, handler)                               // want `tool definition in toolrunner.NewBetaTool`

	// genai, ollama, langchaingo, genkit.
	_ = genai.FunctionDeclaration{Name: "search", Description: d}                                                                          // want `tool definition in genai.FunctionDeclaration.Description`
	_ = genai.FunctionDeclaration{Name: "search", ParametersJsonSchema: schema}                                                            // want `tool definition in genai.FunctionDeclaration.ParametersJsonSchema`
	_ = genai.FunctionDeclaration{Name: "search", ResponseJsonSchema: schema}                                                              // want `tool definition in genai.FunctionDeclaration.ResponseJsonSchema`
	_ = api.Tool{Function: api.ToolFunction{Name: "search", Description: d}}                                                               // want `tool definition in api.ToolFunction.Description`
	_ = api.ToolFunction{Name: d}                                                                                                          // want `tool definition in api.ToolFunction.Name`
	_ = llms.FunctionDefinition{Name: "search", Description: d}                                                                            // want `tool definition in llms.FunctionDefinition.Description`
	_ = llms.FunctionDefinition{Name: "search", Parameters: schema}                                                                        // want `tool definition in llms.FunctionDefinition.Parameters`
	genkit.DefineTool(g, "search", d, tool)                                                                                                // want `tool definition in genkit.DefineTool`
	genkit.DefineToolWithInputSchema(g, "search", "Search.", schema, func(ctx *ai.ToolContext, in any) (string, error) { return "", nil }) // want `tool definition in genkit.DefineToolWithInputSchema`
	ai.NewTool("search", d, tool)                                                                                                          // want `tool definition in ai.NewTool`

	// A registered tool takes the caller's text to every later caller,
	// spliced or not.
	genkit.DefineMultipartTool(g, "search", r.FormValue("d"), func(ctx *ai.ToolContext, in args) (*ai.MultipartToolResponse, error) { return nil, nil }) // want `tool definition in genkit.DefineMultipartTool`

	// Constants: silent.
	_ = mcp.Tool{Name: "search", Description: "Search the index."}
	_ = genai.FunctionDeclaration{Name: "search", Description: "Search the index."}
	_ = llms.FunctionDefinition{Name: "search", Description: "Search the index."}
	toolrunner.NewBetaToolFromJSONSchema("search", "Search the index.", handler)
	genkit.DefineTool(g, "search", "Search the index.", tool)
}
