// Package readonly serves tools that only read through the same client:
// GET, and POST to search methods.
package readonly

import (
	"context"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"

	"panel/client"
)

func systemInfo(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	return nil, client.New("GET", "/dashboard/base/os").Request(nil)
}

func listWebsites(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	c := client.New("POST", "/websites/search")
	return nil, c.Request(nil)
}

func serve() {
	s := server.NewMCPServer("panel", "1")
	s.AddTool(mcp.NewTool("get_system_info"), systemInfo)
	s.AddTool(mcp.NewTool("list_websites"), listWebsites)
	sse := server.NewSSEServer(s) // want `MCP server over SSE \(server.NewSSEServer\) is served with no authentication: .* \(a warning, not an error: its 2 tools reach no command execution, file or database write, mutating request, model call or database read\)`
	sse.Start(":8000")
}
