// Package writer builds an MCP server whose tools delete pods and read
// Secrets with the server's own Kubernetes credentials, and hands out its
// HTTP transport with an error, for another package to serve.
package writer

import (
	"context"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"
)

type Server struct {
	m  *server.MCPServer
	cs kubernetes.Interface
}

func New(cs kubernetes.Interface) *Server {
	s := &Server{m: server.NewMCPServer("cluster", "1"), cs: cs}
	s.m.AddTool(mcp.NewTool("delete_pod"), s.deletePod)
	s.m.AddTool(mcp.NewTool("read_secret"), s.readSecret)
	return s
}

func (s *Server) readSecret(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	sec, err := s.cs.CoreV1().Secrets(req.GetString("namespace", "default")).Get(ctx, req.GetString("name", ""), metav1.GetOptions{})
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(string(sec.Data["token"])), nil
}

func (s *Server) deletePod(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	ns, name := req.GetString("namespace", "default"), req.GetString("name", "")
	if err := s.cs.CoreV1().Pods(ns).Delete(ctx, name, metav1.DeleteOptions{}); err != nil {
		return nil, err
	}
	return mcp.NewToolResultText("deleted"), nil
}

// HTTP is served by the caller (silent here).
func (s *Server) HTTP(ctx context.Context) (*server.StreamableHTTPServer, error) {
	return server.NewStreamableHTTPServer(s.m), nil
}
