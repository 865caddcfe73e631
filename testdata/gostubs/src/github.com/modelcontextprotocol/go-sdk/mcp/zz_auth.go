// Package mcp is a stub of github.com/modelcontextprotocol/go-sdk/mcp, checked against v1.8.0.
package mcp

import "net/http"

type StreamableHTTPOptions struct {
	Stateless                  bool
	DisableLocalhostProtection bool

	MaxRequestBodyBytes int64
}

type StreamableHTTPHandler struct{}

func NewStreamableHTTPHandler(getServer func(*http.Request) *Server, opts *StreamableHTTPOptions) *StreamableHTTPHandler {
	return nil
}

func (h *StreamableHTTPHandler) ServeHTTP(w http.ResponseWriter, req *http.Request) {}

type SSEOptions struct {
	DisableLocalhostProtection bool

	MaxRequestBodyBytes int64
}

type SSEHandler struct{}

func NewSSEHandler(getServer func(request *http.Request) *Server, opts *SSEOptions) *SSEHandler {
	return nil
}

func (h *SSEHandler) ServeHTTP(w http.ResponseWriter, req *http.Request) {}
