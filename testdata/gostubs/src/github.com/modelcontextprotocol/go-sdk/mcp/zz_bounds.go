// Stub of github.com/modelcontextprotocol/go-sdk/mcp, checked against v1.8.0:
// what the bounds rules (GO203) use.
package mcp

import "net/http"

const DefaultMaxRequestBodyBytes = 4 << 20

type Server struct{}

type StreamableHTTPOptions struct {
	Stateless           bool
	MaxRequestBodyBytes int64
}

type StreamableHTTPHandler struct{}

func (h *StreamableHTTPHandler) ServeHTTP(w http.ResponseWriter, req *http.Request) {}

func NewStreamableHTTPHandler(getServer func(*http.Request) *Server, opts *StreamableHTTPOptions) *StreamableHTTPHandler {
	return nil
}

type SSEOptions struct {
	MaxRequestBodyBytes int64
}

type SSEHandler struct{}

func (h *SSEHandler) ServeHTTP(w http.ResponseWriter, req *http.Request) {}

func NewSSEHandler(getServer func(request *http.Request) *Server, opts *SSEOptions) *SSEHandler {
	return nil
}
