// Package c wraps the served handler in auth middleware by assignment,
// under a condition (mcp-gateway's shape).
package c

import (
	"errors"
	"net"
	"net/http"
	"os/exec"
	"strings"

	"github.com/modelcontextprotocol/go-sdk/mcp"
)

func requireToken(token string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ") != token {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

type Gateway struct {
	token                string
	AllowUnauthenticated bool
	server               *mcp.Server
}

// Refuses to start without a token unless the operator opts out: a note.
func (g *Gateway) serveOptOut(ln net.Listener) error {
	if g.token == "" && !g.AllowUnauthenticated {
		return errors.New("a token is required")
	}
	mux := http.NewServeMux()
	mux.Handle("/mcp", mcp.NewStreamableHTTPHandler(func(*http.Request) *mcp.Server { return g.server }, nil))
	var handler http.Handler = mux
	if g.token != "" {
		handler = requireToken(g.token, mux) // want `requireToken\(g.token, mux\) is installed only when g.token != "": otherwise the MCP server over streamable HTTP \(mcp.NewStreamableHTTPHandler\) is served with no authentication; fail closed when the credential is not configured \(a note, not an error: without the credential the function refuses to serve unless g.AllowUnauthenticated: auth is off only when the operator opts out\)`
	}
	return (&http.Server{Handler: handler}).Serve(ln)
}

// The same without the refusal: the token defaults to empty, and then
// the server is open (an error).
func (g *Gateway) serveOpen(ln net.Listener) error {
	mux := http.NewServeMux()
	mux.Handle("/mcp", mcp.NewStreamableHTTPHandler(func(*http.Request) *mcp.Server { return g.server }, nil))
	var handler http.Handler = mux
	if g.token != "" {
		handler = requireToken(g.token, mux) // want `requireToken\(g.token, mux\) is installed only when g.token != "": otherwise the MCP server over streamable HTTP \(mcp.NewStreamableHTTPHandler\) is served with no authentication; fail closed when the credential is not configured$`
	}
	return (&http.Server{Handler: handler}).Serve(ln)
}

// Refuses to start without a token, full stop: always authenticated.
func (g *Gateway) serveClosed(ln net.Listener) error {
	if g.token == "" {
		return errors.New("a token is required")
	}
	h := http.Handler(mcp.NewStreamableHTTPHandler(func(*http.Request) *mcp.Server { return g.server }, nil))
	if g.token != "" {
		h = requireToken(g.token, h)
	}
	return (&http.Server{Handler: h}).Serve(ln)
}

// Wrapped unconditionally after the fact: authenticated.
func (g *Gateway) serveWrapped(ln net.Listener) error {
	var h http.Handler = mcp.NewStreamableHTTPHandler(func(*http.Request) *mcp.Server { return g.server }, nil)
	h = requireToken(g.token, h)
	return (&http.Server{Handler: h}).Serve(ln)
}

// An OAuth middleware enabled by a configuration key that defaults to
// off, on every interface: an error.
type Config struct {
	OAuth struct{ Enabled bool }
	Key   string
}

func run(w http.ResponseWriter, r *http.Request) { exec.Command("sh").Run() }

func serveConfig(cfg Config) error {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /run", run)
	h := http.Handler(mux)
	if cfg.OAuth.Enabled {
		h = requireToken(cfg.Key, h) // want `requireToken\(cfg.Key, h\) is installed only when cfg.OAuth.Enabled: otherwise POST /run reaches command execution .* with no authentication; fail closed`
	}
	return http.ListenAndServe(":8080", h)
}
