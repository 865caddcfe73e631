// Stub of github.com/modelcontextprotocol/go-sdk/mcp, checked against v1.8.0.
package mcp

import (
	"context"
	"encoding/json"
)

type Meta map[string]any

type Implementation struct {
	Name    string
	Title   string
	Version string
}

type ServerOptions struct {
	Instructions string
}

type Server struct{}

func NewServer(impl *Implementation, options *ServerOptions) *Server { return nil }

type Transport interface{}

type StdioTransport struct{}

func (s *Server) Run(ctx context.Context, t Transport) error { return nil }

type ServerSession struct{}

type RequestExtra struct{}

type ServerRequest[P any] struct {
	Session *ServerSession
	Params  P
	Extra   *RequestExtra
}

type CallToolParamsRaw struct {
	Meta      `json:"_meta,omitempty"`
	Name      string
	Arguments json.RawMessage
}

type CallToolRequest = ServerRequest[*CallToolParamsRaw]

type Content interface{}

type TextContent struct {
	Text string
	Meta Meta
}

type CallToolResult struct {
	Meta              `json:"_meta,omitempty"`
	Content           []Content
	StructuredContent any
	IsError           bool
}

type Tool struct {
	Meta         `json:"_meta,omitempty"`
	Annotations  *ToolAnnotations
	Description  string
	InputSchema  any
	Name         string
	OutputSchema any
	Title        string
}

// ToolAnnotations: DestructiveHint defaults to true and OpenWorldHint to
// true when nil; ReadOnlyHint and IdempotentHint default to false.
type ToolAnnotations struct {
	DestructiveHint *bool
	IdempotentHint  bool
	OpenWorldHint   *bool
	ReadOnlyHint    bool
	Title           string
}

type ToolHandler func(context.Context, *CallToolRequest) (*CallToolResult, error)

type ToolHandlerFor[In, Out any] func(_ context.Context, request *CallToolRequest, input In) (result *CallToolResult, output Out, _ error)

func (s *Server) AddTool(t *Tool, h ToolHandler) {}

func AddTool[In, Out any](s *Server, t *Tool, h ToolHandlerFor[In, Out]) {}
