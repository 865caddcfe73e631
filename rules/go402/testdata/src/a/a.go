package a

import (
	"net/http"

	"example.com/wrap"
	anthropic "github.com/anthropics/anthropic-sdk-go"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/openai/openai-go/v3"
	goopenai "github.com/sashabaranov/go-openai"
)

func register(r *http.Request) {
	mcp.NewTool("search", mcp.WithDescription("Search "+r.FormValue("source"))) // want `untrusted data reaches a tool definition in mcp.WithDescription, from a form value`
	mcp.NewTool("search", mcp.WithDescription("Search the catalogue"))
	mcp.NewTool(r.FormValue("name"))                                                                 // want `tool definition in mcp.NewTool`
	_ = goopenai.FunctionDefinition{Name: "lookup", Description: r.Header.Get("X-Desc")}             // want `tool definition in openai.FunctionDefinition.Description, from a request header`
	_ = openai.FunctionDefinitionParam{Name: "lookup", Description: openai.String(r.FormValue("d"))} // want `shared.FunctionDefinitionParam.Description`
	_ = anthropic.ToolParam{Name: "lookup", Description: anthropic.String(r.FormValue("d"))}         // want `anthropic.ToolParam.Description`
	wrap.Tool("t", r.FormValue("d"))                                                                 // want `tool definition in wrap.Tool → mcp.WithDescription at wrap.go:\d+`
	wrap.Tool("t", "fixed")
}
