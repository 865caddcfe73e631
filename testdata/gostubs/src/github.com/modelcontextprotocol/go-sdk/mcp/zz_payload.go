// Stub of github.com/modelcontextprotocol/go-sdk/mcp, checked against v1.8.0 (payload rules: raw tool
// handlers and HTTP client transports).
package mcp

import (
	"context"
	"encoding/json"
	"net/http"
)

type Implementation struct {
	Name    string
	Version string
}

type ServerOptions struct {
	Instructions string
}

type Server struct{}

func NewServer(impl *Implementation, options *ServerOptions) *Server { return nil }

type Tool struct {
	Name        string
	Description string
	InputSchema any
}

type Params interface{ isParams() }

type CallToolParamsRaw struct {
	Name      string
	Arguments json.RawMessage
}

func (*CallToolParamsRaw) isParams() {}

type ServerRequest[P Params] struct {
	Params P
}

type CallToolRequest = ServerRequest[*CallToolParamsRaw]

type CallToolResult struct{}

type ToolHandler func(context.Context, *CallToolRequest) (*CallToolResult, error)

type ToolHandlerFor[In, Out any] func(_ context.Context, request *CallToolRequest, input In) (result *CallToolResult, output Out, _ error)

func (s *Server) AddTool(t *Tool, h ToolHandler) {}

func AddTool[In, Out any](s *Server, t *Tool, h ToolHandlerFor[In, Out]) {}

type StreamableClientTransport struct {
	Endpoint   string
	HTTPClient *http.Client
}

type SSEClientTransport struct {
	Endpoint   string
	HTTPClient *http.Client
}
