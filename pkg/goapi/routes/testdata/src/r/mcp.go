package r

import (
	"net/http"

	"github.com/mark3labs/mcp-go/server"
)

func logged(h http.Handler) http.Handler { return h }

func withDeadline(seconds int, h http.Handler) http.Handler { return h }

// mcpRoutes serves an MCP server through two wrappers: the route is still
// an MCP transport endpoint.
func mcpRoutes(mux *http.ServeMux, s *server.MCPServer) {
	h := withDeadline(5, logged(server.NewStreamableHTTPServer(s)))
	mux.Handle("/mcp", h)
}
