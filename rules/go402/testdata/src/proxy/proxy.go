// Package proxy republishes the tools of upstream MCP servers on its own
// server, as MCP gateways do: their descriptions reach this server's
// clients unchecked.
package proxy

import (
	"context"
	"fmt"
	"net/http"

	"github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
	sdk "github.com/modelcontextprotocol/go-sdk/mcp"
)

func mirror(ctx context.Context, up *client.Client, s *server.MCPServer) error {
	res, err := up.ListTools(ctx, mcp.ListToolsRequest{})
	if err != nil {
		return err
	}
	for _, t := range res.Tools {
		s.AddTool(t, nil) // want `untrusted data reaches a tool definition in MCPServer.AddTool, from another MCP server's tool list .*\(a note, not an error: the server republishes the tools of the MCP servers it connects to`
	}
	return nil
}

// prefixed renames and re-describes the upstream tools.
func prefixed(ctx context.Context, up *client.Client, s *server.MCPServer, name string) {
	res, _ := up.ListTools(ctx, mcp.ListToolsRequest{})
	for _, t := range res.Tools {
		s.AddTool(mcp.NewTool(name+"_"+t.Name, // want `tool definition in MCPServer.AddTool, from another MCP server's tool list`
			mcp.WithDescription(fmt.Sprintf("[%s] %s", name, t.Description))), nil)
	}
}

func sdkMirror(ctx context.Context, cs *sdk.ClientSession, s *sdk.Server) {
	res, _ := cs.ListTools(ctx, nil)
	for _, t := range res.Tools {
		s.AddTool(&sdk.Tool{Name: t.Name, Description: t.Description, InputSchema: t.InputSchema}, nil) // want `tool definition in Server.AddTool, from another MCP server's tool list`
	}
}

// own tools, written here: silent.
func own(s *server.MCPServer) {
	s.AddTool(mcp.NewTool("echo", mcp.WithDescription("Echo the input.")), nil)
}

// Upstream text composed with request data: the caller rewrites what the
// gateway republishes; an error.
func annotated(ctx context.Context, up *client.Client, s *server.MCPServer, r *http.Request) {
	res, _ := up.ListTools(ctx, mcp.ListToolsRequest{})
	for _, t := range res.Tools {
		t.Description = r.FormValue("note") + t.Description // want `tool definition in mcp.Tool.Description, from a form value \(source at proxy.go:\d+\)$`
		s.AddTool(t, nil)                                   // want `tool definition in MCPServer.AddTool, from another MCP server's tool list \(source at proxy.go:\d+\)$`
	}
}

// A tool the caller asks the server to create, named by the caller's own
// arguments: a note.
func createTool(s *server.MCPServer) {
	s.AddTool(mcp.NewTool("create_tool"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		name := req.GetString("name", "")
		s.AddTool(mcp.NewTool("custom-"+name), nil) // want `tool definition in mcp.NewTool, from MCP tool arguments .*\(a note, not an error: the caller's own data`
		return nil, nil
	})
}

// A tool the caller asks for, made of the upstream tools and named by the
// caller: a note for both reasons.
func codeMode(ctx context.Context, up *client.Client, s *server.MCPServer) {
	s.AddTool(mcp.NewTool("create_code_tool"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		res, _ := up.ListTools(ctx, mcp.ListToolsRequest{})
		t := res.Tools[0]
		t.Name = "code-" + req.GetString("name", "") // want `tool definition in mcp.Tool.Name, from MCP tool arguments .*\(a note, not an error: the caller's own data`
		s.AddTool(t, nil)                            // want `tool definition in MCPServer.AddTool, from another MCP server's tool list .*\(a note, not an error: the server republishes .*; the caller's own data names it`
		return nil, nil
	})
}
