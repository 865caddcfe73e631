package a

import (
	"context"
	"os"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
	gosdk "github.com/modelcontextprotocol/go-sdk/mcp"
)

func register(s *server.MCPServer, external server.ToolHandlerFunc) {
	s.AddTool(mcp.NewTool("list_files", mcp.WithDescription("List files")), listFiles) // want `tool "list_files" has no read-only or destructive hint; its handler reaches nothing destructive, so mark it read-only \(mcp.WithReadOnlyHintAnnotation\(true\)\)`
	s.AddTool(mcp.NewTool("delete_file"), deleteFile)                                  // want `tool "delete_file" has no read-only or destructive hint; its handler reaches file removal, so mark it destructive \(mcp.WithDestructiveHintAnnotation\(true\)\)`
	s.AddTool(mcp.NewTool("ext", mcp.WithTitleAnnotation("Ext")), external)            // want `tool "ext" has no read-only or destructive hint$`

	// Silent: hints written out.
	s.AddTool(mcp.NewTool("list2", mcp.WithReadOnlyHintAnnotation(true)), listFiles)
	s.AddTool(mcp.NewTool("delete2", mcp.WithDestructiveHintAnnotation(true)), deleteFile)
	s.AddTool(mcp.NewTool("delete3", mcp.WithToolAnnotation(mcp.ToolAnnotation{DestructiveHint: mcp.ToBoolPtr(true)})), deleteFile)
	// Silent: an option of the package's own may set them.
	s.AddTool(mcp.NewTool("list3", readOnly()), listFiles)
}

func readOnly() mcp.ToolOption { return mcp.WithReadOnlyHintAnnotation(true) }

func registerSDK(s *gosdk.Server) {
	gosdk.AddTool(s, &gosdk.Tool{Name: "stat"}, stat) // want `tool "stat" has no read-only or destructive hint; its handler reaches nothing destructive, so mark it read-only \(ReadOnlyHint: true\)`
	gosdk.AddTool(s, &gosdk.Tool{Name: "stat2", Annotations: &gosdk.ToolAnnotations{ReadOnlyHint: true}}, stat)
}

type In struct{ Path string }

func stat(ctx context.Context, req *gosdk.CallToolRequest, in In) (*gosdk.CallToolResult, any, error) {
	_, err := os.Stat(in.Path)
	return nil, nil, err
}

func listFiles(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	_, err := os.ReadDir(req.GetString("dir", "."))
	return nil, err
}

func deleteFile(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	return nil, os.Remove(req.GetString("path", ""))
}
