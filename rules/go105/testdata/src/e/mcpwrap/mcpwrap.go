// Package mcpwrap builds the program's MCP server; the package that serves
// it over HTTP never calls the SDK's constructor itself.
package mcpwrap

import (
	"net/http"

	"github.com/modelcontextprotocol/go-sdk/mcp"
)

type Server struct{ server *mcp.Server }

// ServeHTTP wraps the SDK's constructor.
func (s *Server) ServeHTTP() *mcp.StreamableHTTPHandler {
	return mcp.NewStreamableHTTPHandler(func(*http.Request) *mcp.Server { return s.server }, nil)
}
