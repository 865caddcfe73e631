// Package ownkey also puts the caller's key into the context, but its
// tools call the upstream with the server's own key: anyone who connects
// acts with it. Still an error.
package ownkey

import (
	"context"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"

	"forward/keyctx"
	"forward/ownapi"
)

func deleteService(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	return nil, ownapi.Delete(ctx, "srv-1")
}

func serve() {
	s := server.NewMCPServer("deployer", "1")
	s.AddTool(mcp.NewTool("delete_service"), deleteService)
	h := server.NewStreamableHTTPServer(s, server.WithHTTPContextFunc(keyctx.FromRequest)) // want `MCP server over streamable HTTP \(server.NewStreamableHTTPServer\) is served with no authentication, and its tools reach mutating HTTP request \(tool "delete_service" → deleteService → Delete → net/http.NewRequestWithContext\): mcp-go has no auth middleware of its own; serve the StreamableHTTPServer \(an http.Handler\) through one that checks a bearer token, with http.Handle or your router, instead of its Start method$`
	h.Start(":8080")
}
