// Package shell is an example program: the same unchecked read as package
// a, graded as a note because nobody deploys an example as it is.
package shell

import (
	"context"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

func Main() {
	s := server.NewMCPServer("demo", "1.0.0")
	s.AddTool(mcp.NewTool("echo"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		msg := req.GetArguments()["message"].(string) // want `tool "echo" uses its arguments without a check \(type-asserted\), .* \(a note, not a warning: example code \(examples/\)\)`
		return mcp.NewToolResultText(msg), nil
	})
}
