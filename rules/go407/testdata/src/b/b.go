// Package b turns input schema validation on: nothing to report.
package b

import (
	"context"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

func Main() {
	s := server.NewMCPServer("ops", "1.0.0", server.WithInputSchemaValidation())
	s.AddTool(mcp.NewTool("run"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		_ = req.GetArguments()["command"].(string)
		_ = req.GetString("path", ".")
		return nil, nil
	})
}

// Options passed as a slice may include validation: assumed to.
func WithOptions(opts []server.ServerOption) {
	s := server.NewMCPServer("ops", "1.0.0", opts...)
	s.AddTool(mcp.NewTool("run"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		_ = req.GetArguments()["command"].(string)
		return nil, nil
	})
}
