// Package proxy re-registers the tools of another MCP server.
package proxy

import (
	"context"

	"github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

// Upstream lists another server's tools.
type Upstream interface {
	Tools(ctx context.Context) ([]mcp.Tool, error)
}

type remote struct{ c *client.Client }

func (r remote) Tools(ctx context.Context) ([]mcp.Tool, error) {
	res, err := r.c.ListTools(ctx, mcp.ListToolsRequest{})
	if err != nil {
		return nil, err
	}
	return res.Tools, nil
}

func call(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { return nil, nil }

// Mirror registers the upstream tools as they are, through the interface.
func Mirror(ctx context.Context, s *server.MCPServer, up Upstream) {
	tools, _ := up.Tools(ctx)
	for _, t := range tools {
		s.AddTool(t, call) // want `untrusted data reaches a tool definition`
	}
}

// Own registers a tool the program wrote: silent.
func Own(s *server.MCPServer) {
	s.AddTool(mcp.NewTool("echo", mcp.WithDescription("echoes its input")), call)
}
