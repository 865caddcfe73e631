// Package secrets builds an MCP server whose tool reads any resource the
// model names, Secrets included, through the dynamic client.
package secrets

import (
	"context"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/client-go/dynamic"
)

type Server struct {
	m   *server.MCPServer
	dyn dynamic.Interface
}

func New(dyn dynamic.Interface) *Server {
	s := &Server{m: server.NewMCPServer("cluster", "1"), dyn: dyn}
	s.m.AddTool(mcp.NewTool("get_resource"), s.get)
	return s
}

func (s *Server) get(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	gvr := schema.GroupVersionResource{Version: req.GetString("version", "v1"), Resource: req.GetString("resource", "")}
	obj, err := s.dyn.Resource(gvr).Namespace(req.GetString("namespace", "")).Get(ctx, req.GetString("name", ""), metav1.GetOptions{})
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(obj.GetName()), nil
}

func (s *Server) SSE() (*server.SSEServer, error) {
	return server.NewSSEServer(s.m), nil
}
