// Package d reads optional arguments with defaults: silent when the
// schema declares the argument optional and the default agrees.
package d

import (
	"context"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

func register() {
	s := server.NewMCPServer("d", "1")
	s.AddTool(mcp.NewTool("link",
		mcp.WithString("kind", mcp.Description("what to link to"), mcp.DefaultString("document")),
	), link)
	page := mcp.NewTool("page",
		mcp.WithNumber("size", mcp.DefaultNumber(20)),
		mcp.WithBoolean("verbose"),
	)
	s.AddTool(page, pageHandler)
	s.AddTool(mcp.NewTool("other",
		mcp.WithString("kind", mcp.DefaultString("document")),
	), other)
	s.AddTool(mcp.NewTool("needed",
		mcp.WithString("path", mcp.Required()),
	), needed)
	s.AddTool(mcp.NewTool("undeclared"), undeclared)
}

// The schema's own default: silent.
func link(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	_ = req.GetString("kind", "document")
	return nil, nil
}

// Same number, an optional flag with no schema default: silent.
func pageHandler(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	_ = req.GetInt("size", 20)
	_ = req.GetBool("verbose", false)
	return nil, nil
}

// A default that contradicts the schema's.
func other(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	_ = req.GetString("kind", "image") // want `tool "other" reads argument "kind" with GetString, which turns a missing or mistyped value into the default, and its server \(server.NewMCPServer at d.go:13\) does not validate arguments against the input schema: build the server with server.WithInputSchemaValidation\(\), or read arguments with RequireString`
	return nil, nil
}

// A required argument read with a default.
func needed(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	_ = req.GetString("path", "") // want `tool "needed" reads argument "path" with GetString`
	return nil, nil
}

// An argument the schema does not declare.
func undeclared(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	_ = req.GetString("mode", "fast") // want `tool "undeclared" reads argument "mode" with GetString`
	return nil, nil
}
