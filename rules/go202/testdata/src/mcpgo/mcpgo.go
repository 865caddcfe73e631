// Package mcpgo: mcp-go's SSE and streamable-HTTP servers build an
// http.Server with no timeouts when Start is called, unless the
// constructor was given one.
package mcpgo

import (
	"net/http"
	"time"

	"github.com/mark3labs/mcp-go/server"
)

func sse(s *server.MCPServer) error {
	srv := server.NewSSEServer(s, server.WithSSECORS())
	return srv.Start(":8080") // want `srv.Start serves with no read timeouts: mcp-go's SSEServer builds its http.Server with none; pass server.WithHTTPServer`
}

func streamable(s *server.MCPServer) error {
	h := server.NewStreamableHTTPServer(s)
	return h.Start("0.0.0.0:9000") // want `h.Start serves with no read timeouts: mcp-go's StreamableHTTPServer builds`
}

func loopback(s *server.MCPServer) error {
	h := server.NewStreamableHTTPServer(s)
	return h.Start("127.0.0.1:9000") // want `h.Start serves with no read timeouts.*reachable from this machine only`
}

func ownServer(s *server.MCPServer) error {
	hs := &http.Server{Addr: ":8080", ReadHeaderTimeout: 5 * time.Second}
	srv := server.NewSSEServer(s, server.WithHTTPServer(hs))
	return srv.Start(":8080")
}

func options(s *server.MCPServer, opts []server.StreamableHTTPOption) error {
	h := server.NewStreamableHTTPServer(s, opts...)
	return h.Start(":9000")
}

func given(h *server.StreamableHTTPServer) error {
	return h.Start(":9000")
}
