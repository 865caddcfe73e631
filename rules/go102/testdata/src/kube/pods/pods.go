// Package pods builds an MCP server whose only tool counts pods: it reads
// no Secret and changes nothing.
package pods

import (
	"context"
	"fmt"

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
	s := &Server{m: server.NewMCPServer("pods", "1"), cs: cs}
	s.m.AddTool(mcp.NewTool("count_pods"), s.count)
	return s
}

func (s *Server) count(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	l, err := s.cs.CoreV1().Pods(req.GetString("namespace", "")).List(ctx, metav1.ListOptions{})
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(fmt.Sprint(len(l.Items))), nil
}

func (s *Server) HTTP() (*server.StreamableHTTPServer, error) {
	return server.NewStreamableHTTPServer(s.m), nil
}
