// Package server holds no credential: each HTTP caller's own key goes
// into the context and the upstream client sends it, so the server
// authenticates by forwarding. Still reported, as a note that says why.
package server

import (
	"context"

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
	h := server.NewStreamableHTTPServer(s, server.WithHTTPContextFunc(keyctx.Chain(keyctx.WithUserAgent, keyctx.FromRequest))) // want `MCP server over streamable HTTP \(server.NewStreamableHTTPServer\) is served with no authentication, and its tools reach mutating HTTP request .* \(a note, not an error: its tools act with the credential each request brings: keyctx.FromRequest puts the request's Authorization header into the context, and api/api.go:24 sends it upstream as the Authorization header of the tools' requests, read back by keyctx.From, so the upstream checks each caller's own credential and the server holds none for an anonymous caller to use\)$`
	h.Start(":8080")
}
