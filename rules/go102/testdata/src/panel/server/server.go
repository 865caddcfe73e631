// Package server is an MCP server whose tools create websites and
// databases through the panel's API: a method chosen by each tool, POST
// for the ones that create.
package server

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
	return nil, client.New("POST", "/websites/search").Request(nil) // a read served over POST
}

func createWebsite(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	c := client.New("POST", "/websites")
	return nil, c.Request(nil)
}

func serve() {
	s := server.NewMCPServer("panel", "1")
	s.AddTool(mcp.NewTool("get_system_info"), systemInfo)
	s.AddTool(mcp.NewTool("list_websites"), listWebsites)
	s.AddTool(mcp.NewTool("create_website"), createWebsite)
	sse := server.NewSSEServer(s) // want `MCP server over SSE \(server.NewSSEServer\) is served with no authentication, and its tools reach mutating HTTP request \(tool "create_website" → createWebsite → Request → Do → net/http.NewRequest\): mcp-go has no auth middleware of its own; .* instead of its Start method$`
	sse.Start(":8000")
}
