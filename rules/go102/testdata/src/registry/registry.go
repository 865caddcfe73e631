// Package registry runs its tools through an interface: what they reach
// cannot be seen here, so the finding is not lowered for harmless tools.
package registry

import (
	"context"
	"fmt"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

type Tool interface {
	Run(ctx context.Context, args map[string]any) (string, error)
}

type srv struct {
	tools map[string]Tool
	s     *server.MCPServer
}

func (s *srv) call(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	return s.dispatch(ctx, req)
}

func (s *srv) dispatch(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	out, err := s.tools["bash"].Run(ctx, req.GetArguments())
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(fmt.Sprint(out)), nil
}

func (s *srv) serve(port int) {
	s.s.AddTool(mcp.NewTool("bash"), s.call)
	h := server.NewStreamableHTTPServer(s.s) // want `is served with no authentication: mcp-go has no auth middleware of its own; .* instead of its Start method$`
	h.Start(fmt.Sprintf(":%d", port))
}
