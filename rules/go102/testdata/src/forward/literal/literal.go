// Package literal puts the caller's key into the context in a function
// literal of its own, over SSE: the same forwarding, a note.
package literal

import (
	"context"
	"net/http"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"

	"forward/api"
	"forward/keyctx"
)

func deleteService(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	return nil, api.Delete(ctx, "srv-1")
}

func serve() {
	s := server.NewMCPServer("deployer", "1")
	s.AddTool(mcp.NewTool("delete_service"), deleteService)
	opt := server.WithSSEContextFunc(func(ctx context.Context, r *http.Request) context.Context {
		return keyctx.With(ctx, r.Header.Get("X-API-Key"))
	})
	h := server.NewSSEServer(s, opt) // want `MCP server over SSE \(server.NewSSEServer\) is served with no authentication, and its tools reach .* \(a note, not an error: its tools act with the credential each request brings: the context function puts the request's x-api-key header into the context, and api/api.go:24 sends it upstream as the Authorization header`
	h.Start(":8080")
}
