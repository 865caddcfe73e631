// Package ownhttp serves an mcp-go server over HTTP with a handler of its
// own that passes each request body to MCPServer.HandleMessage: the same
// exposure as the SDK's streamable HTTP server. Reported when nothing on
// the way checks a credential; silent when the handler checks one itself
// or is served behind auth middleware.
package ownhttp

import (
	"context"
	"io"
	"net/http"
	"os/exec"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

func run(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	out, err := exec.CommandContext(ctx, "sh", "-c", "uptime").Output()
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(string(out)), nil
}

type Server struct {
	mcp *server.MCPServer
	key string
}

func New(key string) *Server {
	s := server.NewMCPServer("shell", "1")
	s.AddTool(mcp.NewTool("run"), run)
	return &Server{mcp: s, key: key}
}

func (s *Server) handle(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 1<<20))
	if err != nil {
		http.Error(w, "bad body", http.StatusBadRequest)
		return
	}
	resp := s.mcp.HandleMessage(r.Context(), body) // want `MCP server over HTTP \(handle passes each request body to MCPServer.HandleMessage\) is served with no authentication, and its tools reach command execution .*: check a credential in handle before the body reaches HandleMessage`
	_ = resp
}

// StartHTTP serves the handler on every interface with nothing in front.
func (s *Server) StartHTTP(addr string) error {
	http.HandleFunc("/mcp", s.handle)
	return http.ListenAndServe(addr, nil)
}

// handleChecked checks the bearer token itself before the body reaches
// the server.
func (s *Server) handleChecked(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Authorization") != "Bearer "+s.key {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	body, _ := io.ReadAll(http.MaxBytesReader(w, r.Body, 1<<20))
	_ = s.mcp.HandleMessage(r.Context(), body)
}

func (s *Server) StartChecked(addr string) error {
	mux := http.NewServeMux()
	mux.HandleFunc("/mcp", s.handleChecked)
	return http.ListenAndServe(addr, mux)
}

func requireKey(key string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-API-Key") != key {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// handleBehind relies on the middleware it is served behind.
func (s *Server) handleBehind(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(http.MaxBytesReader(w, r.Body, 1<<20))
	_ = s.mcp.HandleMessage(r.Context(), body)
}

func (s *Server) StartBehind(addr string) error {
	mux := http.NewServeMux()
	mux.HandleFunc("/mcp", s.handleBehind)
	return http.ListenAndServe(addr, requireKey(s.key, mux))
}

// notHTTP passes messages from a transport that is not HTTP (stdin, say):
// not this rule's concern.
func (s *Server) notHTTP(ctx context.Context, msg []byte) {
	_ = s.mcp.HandleMessage(ctx, msg)
}
