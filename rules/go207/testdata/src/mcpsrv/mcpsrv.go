// Package mcpsrv: an MCP server over HTTP whose tool asks a model.
package mcpsrv

import (
	"context"
	"os"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
	openai "github.com/sashabaranov/go-openai"
)

var client = openai.NewClient(os.Getenv("OPENAI_API_KEY"))

func summarize(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	client.CreateChatCompletion(ctx, openai.ChatCompletionRequest{})
	return nil, nil
}

func main() {
	s := server.NewMCPServer("sum", "1.0")
	s.AddTool(mcp.NewTool("summarize"), summarize)
	h := server.NewStreamableHTTPServer(s) // want `MCP server over streamable HTTP \(server.NewStreamableHTTPServer\) has tools that reach a model call \(tool "summarize" → summarize → \(go-openai.Client\).CreateChatCompletion\), and no rate limiter .*$`
	h.Start(":8080")
}

// Handler builds the server for another package to serve: whether that
// one authenticates is not known here, so the missing limiter is a warning.
func Handler() *server.StreamableHTTPServer {
	s := server.NewMCPServer("sum", "1.0")
	s.AddTool(mcp.NewTool("summarize"), summarize)
	return server.NewStreamableHTTPServer(s) // want `MCP server over streamable HTTP \(server.NewStreamableHTTPServer\) has tools that reach a model call .* spends tokens without bound$`
}
