// Package host is an MCP host: it hands the tools of the MCP servers it
// connects to to its model, which is what every host does. Only a server
// that registers them is reported.
package host

import (
	"context"

	"github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/mcp"
	goopenai "github.com/sashabaranov/go-openai"
)

func tools(ctx context.Context, up *client.Client) []goopenai.Tool {
	res, _ := up.ListTools(ctx, mcp.ListToolsRequest{})
	var out []goopenai.Tool
	for _, t := range res.Tools {
		out = append(out, goopenai.Tool{Type: "function", Function: &goopenai.FunctionDefinition{Name: t.Name, Description: t.Description}})
	}
	return out
}
