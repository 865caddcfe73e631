// Stub of github.com/mark3labs/mcp-go/server, checked against v1.2.1.
package server

import (
	"context"

	"github.com/mark3labs/mcp-go/mcp"
)

type ToolHandlerFunc func(ctx context.Context, request mcp.CallToolRequest) (*mcp.CallToolResult, error)

type ServerTool struct {
	Tool    mcp.Tool
	Handler ToolHandlerFunc
}

type ServerOption func(*MCPServer)

type MCPServer struct{}

func NewMCPServer(name, version string, opts ...ServerOption) *MCPServer { return nil }

func WithToolCapabilities(listChanged bool) ServerOption { return nil }
func WithRecovery() ServerOption                         { return nil }

func (s *MCPServer) AddTool(tool mcp.Tool, handler ToolHandlerFunc) {}
func (s *MCPServer) AddTools(tools ...ServerTool)                   {}
func (s *MCPServer) SetTools(tools ...ServerTool)                   {}
func (s *MCPServer) AddSessionTool(sessionID string, tool mcp.Tool, handler ToolHandlerFunc) error {
	return nil
}
func (s *MCPServer) AddSessionTools(sessionID string, tools ...ServerTool) error { return nil }

type StdioOption func(any)

func ServeStdio(server *MCPServer, opts ...StdioOption) error { return nil }
