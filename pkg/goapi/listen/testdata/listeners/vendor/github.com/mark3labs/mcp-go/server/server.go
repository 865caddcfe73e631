// Package server is a stand-in for mcp-go's server package: the names
// apiaudit models, with empty bodies.
package server

import "net/http"

type MCPServer struct{}

func NewMCPServer(name, version string) *MCPServer { return &MCPServer{} }

type StreamableHTTPServer struct{}

func NewStreamableHTTPServer(s *MCPServer) *StreamableHTTPServer { return &StreamableHTTPServer{} }

func (s *StreamableHTTPServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {}

func (s *StreamableHTTPServer) Start(addr string) error { return nil }
