// Stub of github.com/mark3labs/mcp-go/server, checked against v1.2.1 (payload rules: input schema validation).
package server

import (
	"context"

	"github.com/mark3labs/mcp-go/mcp"
)

type MCPServer struct{}

type ServerOption func(*MCPServer)

type ToolHandlerFunc func(ctx context.Context, request mcp.CallToolRequest) (*mcp.CallToolResult, error)

type ServerTool struct {
	Tool    mcp.Tool
	Handler ToolHandlerFunc
}

func NewMCPServer(name, version string, opts ...ServerOption) *MCPServer { return nil }

func WithInputSchemaValidation() ServerOption { return nil }
func WithRecovery() ServerOption              { return nil }

func (s *MCPServer) AddTool(tool mcp.Tool, handler ToolHandlerFunc) {}
func (s *MCPServer) AddTools(tools ...ServerTool)                   {}
func (s *MCPServer) AddSessionTool(sessionID string, tool mcp.Tool, handler ToolHandlerFunc) error {
	return nil
}

func ServeStdio(server *MCPServer) error { return nil }
