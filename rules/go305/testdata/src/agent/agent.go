package agent

import (
	"context"
	"os"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
	"golang.org/x/oauth2"
	"golang.org/x/oauth2/google"
)

func setup(ctx context.Context, s *server.MCPServer) {
	google.DefaultTokenSource(ctx, "https://www.googleapis.com/auth/drive") // want `OAuth scope "https://www.googleapis.com/auth/drive" grants every file in the user's Drive \(an error, not a warning: this package gives a model tools that can use it\)`
	// cloud-platform for Application Default Credentials: the IAM roles of
	// the identity are the limit, tools or not.
	google.DefaultTokenSource(ctx, "https://www.googleapis.com/auth/cloud-platform") // want `OAuth scope "https://www.googleapis.com/auth/cloud-platform" grants every Google Cloud API the identity can use \(a note, not a warning: the credential is a service account's or Application Default Credentials`
	// A user's consent to cloud-platform, in a package with tools: an error.
	_ = &oauth2.Config{Endpoint: google.Endpoint, Scopes: []string{"https://www.googleapis.com/auth/cloud-platform"}} // want `OAuth scope "https://www.googleapis.com/auth/cloud-platform" grants every Google Cloud API the identity can use \(an error, not a warning: this package gives a model tools that can use it\)`
	s.AddTool(mcp.NewTool("list_buckets", mcp.WithReadOnlyHintAnnotation(true)), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		_, err := os.ReadFile("x")
		return nil, err
	})
}
