// Package d has an OAuth middleware that lets every request through
// while a configuration key, off by default, is false, in front of an MCP
// server on every interface: auth that may be off. A middleware whose
// only exemptions look at the request (health checks) is auth.
package d

import (
	"net/http"
	"strings"

	"github.com/modelcontextprotocol/go-sdk/mcp"
)

type Config struct {
	RequireOAuth bool
	Audience     string
}

func verify(tok, audience string) bool { return tok != "" && strings.HasSuffix(tok, audience) }

func Authorization(cfg *Config) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/healthz" {
				next.ServeHTTP(w, r)
				return
			}
			if !cfg.RequireOAuth {
				next.ServeHTTP(w, r)
				return
			}
			tok := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
			if !verify(tok, cfg.Audience) {
				http.Error(w, "unauthorized", http.StatusUnauthorized)
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}

func Strict(cfg *Config) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/healthz" {
				next.ServeHTTP(w, r)
				return
			}
			tok := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
			if !verify(tok, cfg.Audience) {
				http.Error(w, "unauthorized", http.StatusUnauthorized)
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}

func Serve(cfg *Config, server *mcp.Server) error {
	mux := http.NewServeMux()
	mux.Handle("/mcp", mcp.NewStreamableHTTPHandler(func(*http.Request) *mcp.Server { return server }, nil))
	return http.ListenAndServe(":8080", Authorization(cfg)(mux)) // want `Authorization\(cfg\) does not always authenticate: it lets every request through when !cfg.RequireOAuth \(in d.Authorization\); then the MCP server over streamable HTTP \(mcp.NewStreamableHTTPHandler\) is served with no authentication`
}

func ServeStrict(cfg *Config, server *mcp.Server) error {
	mux := http.NewServeMux()
	mux.Handle("/mcp", mcp.NewStreamableHTTPHandler(func(*http.Request) *mcp.Server { return server }, nil))
	return http.ListenAndServe(":8080", Strict(cfg)(mux))
}

// chain applies middleware to a handler, the first outermost.
func chain(h http.Handler, mws ...func(http.Handler) http.Handler) http.Handler {
	for i := len(mws) - 1; i >= 0; i-- {
		h = mws[i](h)
	}
	return h
}

func logging(next http.Handler) http.Handler { return next }

func ServeChain(cfg *Config, server *mcp.Server) error {
	mux := http.NewServeMux()
	mux.Handle("/mcp", mcp.NewStreamableHTTPHandler(func(*http.Request) *mcp.Server { return server }, nil))
	return http.ListenAndServe(":8080", chain(mux, logging, Authorization(cfg))) // want `Authorization\(cfg\) does not always authenticate: it lets every request through when !cfg.RequireOAuth`
}

func ServeChainStrict(cfg *Config, server *mcp.Server) error {
	mux := http.NewServeMux()
	mux.Handle("/mcp", mcp.NewStreamableHTTPHandler(func(*http.Request) *mcp.Server { return server }, nil))
	return http.ListenAndServe(":8080", chain(mux, logging, Strict(cfg)))
}
