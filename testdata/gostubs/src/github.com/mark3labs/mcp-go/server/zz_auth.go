// Package server is a stub of github.com/mark3labs/mcp-go/server, checked against v1.2.1.
package server

import "net/http"

type StreamableHTTPOption func(*StreamableHTTPServer)

type StreamableHTTPServer struct{}

func NewStreamableHTTPServer(server *MCPServer, opts ...StreamableHTTPOption) *StreamableHTTPServer {
	return nil
}
func (s *StreamableHTTPServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {}
func (s *StreamableHTTPServer) Start(addr string) error                          { return nil }

func WithDisableLocalhostProtection(disable bool) StreamableHTTPOption { return nil }
func WithStreamableHTTPCORS(opts ...CORSOption) StreamableHTTPOption   { return nil }

type SSEOption func(*SSEServer)

type SSEServer struct{}

func NewSSEServer(server *MCPServer, opts ...SSEOption) *SSEServer    { return nil }
func (s *SSEServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {}
func (s *SSEServer) Start(addr string) error                          { return nil }

func WithSSEDisableLocalhostProtection(disable bool) SSEOption { return nil }
func WithSSECORS(opts ...CORSOption) SSEOption                 { return nil }

type CORSConfig struct {
	AllowedOrigins []string
}

type CORSOption func(*CORSConfig)

func WithCORSAllowedOrigins(origins ...string) CORSOption { return nil }
