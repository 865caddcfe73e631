package agent

import (
	"context"
	"os"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
	"golang.org/x/oauth2/google"
)

func setup(ctx context.Context, s *server.MCPServer) {
	google.DefaultTokenSource(ctx, "https://www.googleapis.com/auth/cloud-platform") // want `OAuth scope "https://www.googleapis.com/auth/cloud-platform" grants every Google Cloud API the identity can use \(an error, not a warning: this package gives a model tools that can use it\)`
	s.AddTool(mcp.NewTool("list_buckets", mcp.WithReadOnlyHintAnnotation(true)), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		_, err := os.ReadFile("x")
		return nil, err
	})
}
