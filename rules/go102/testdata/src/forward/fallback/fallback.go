// Package fallback forwards each caller's key, but its client falls back
// to the operator's token for a caller without one: an anonymous caller
// acts as the operator, so the finding keeps its grade.
package fallback

import (
	"context"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"

	"forward/fallbackapi"
	"forward/keyctx"
)

func deleteService(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	return nil, fallbackapi.Delete(ctx, "srv-1")
}

func serve() {
	s := server.NewMCPServer("deployer", "1")
	s.AddTool(mcp.NewTool("delete_service"), deleteService)
	h := server.NewSSEServer(s, server.WithSSEContextFunc(keyctx.FromRequest)) // want `MCP server over SSE \(server.NewSSEServer\) is served with no authentication, and its tools reach mutating HTTP request \(tool "delete_service" → deleteService → Delete → net/http.NewRequestWithContext\): mcp-go has no auth middleware`
	h.Start(":8080")
}
