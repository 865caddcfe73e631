// Package mcpsrv builds the program's MCP server and hands out its HTTP
// handler; the packages that import it serve it.
package mcpsrv

import "github.com/mark3labs/mcp-go/server"

type Srv struct{ m *server.MCPServer }

func New() *Srv { return &Srv{m: server.NewMCPServer("tools", "1")} }

// Handler returns the handler: where it is served is the callers' affair
// (silent here).
func (s *Srv) Handler() *server.StreamableHTTPServer {
	return server.NewStreamableHTTPServer(s.m)
}
