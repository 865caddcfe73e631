// Package e serves an MCP server built in another package (a method of
// the program's own that returns the SDK's handler) behind an OAuth
// middleware that answers 401 through a helper and lets every request
// through while a setting read on each request is off.
package e

import (
	"net/http"
	"strings"

	"e/mcpwrap"
)

type Config struct{ RequireOAuth bool }

type State struct{ cur *Config }

func (s *State) Load() *Config { return s.cur }

// write401 answers 401; it reads no credential itself.
func write401(w http.ResponseWriter, msg string) {
	w.Header().Set("WWW-Authenticate", `Bearer realm="mcp"`)
	http.Error(w, msg, http.StatusUnauthorized)
}

func Authorization(st *State) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			cfg := st.Load()
			if !cfg.RequireOAuth {
				next.ServeHTTP(w, r)
				return
			}
			tok := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
			if tok == "" {
				write401(w, "bearer token required")
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}

// Always checks the token, through the same helper: auth.
func Always(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") == "" {
			write401(w, "bearer token required")
			return
		}
		next.ServeHTTP(w, r)
	})
}

func chain(h http.Handler, mws ...func(http.Handler) http.Handler) http.Handler {
	for i := len(mws) - 1; i >= 0; i-- {
		h = mws[i](h)
	}
	return h
}

func Serve(st *State, s *mcpwrap.Server, bind string) error {
	mux := http.NewServeMux()
	wrapped := chain(mux, Authorization(st)) // want `Authorization\(st\) does not always authenticate: it lets every request through when !cfg.RequireOAuth \(in e.Authorization\); then the MCP server over streamable HTTP \(\(\*mcpwrap.Server\).ServeHTTP\) is served with no authentication`
	mux.Handle("/mcp", s.ServeHTTP())
	srv := &http.Server{Addr: bind + ":8080", Handler: wrapped}
	return srv.ListenAndServe()
}

func ServeAlways(s *mcpwrap.Server, bind string) error {
	mux := http.NewServeMux()
	mux.Handle("/mcp", s.ServeHTTP())
	return http.ListenAndServe(bind+":8080", Always(mux))
}

// ServeLocal is the same as Serve, on loopback only: a warning.
func ServeLocal(st *State, s *mcpwrap.Server) error {
	mux := http.NewServeMux()
	mux.Handle("/mcp", s.ServeHTTP())
	return http.ListenAndServe("127.0.0.1:8080", Authorization(st)(mux)) // want `Authorization\(st\) does not always authenticate.*\(a warning, not an error: it listens on 127.0.0.1:8080, reachable from this machine only\)`
}

// ServerConfig is read from the environment; the host defaults to loopback.
type ServerConfig struct {
	Host string `env:"HOST, default=127.0.0.1"`
	Port string `env:"PORT, default=8080"`
}

// OpenConfig's host defaults to every interface.
type OpenConfig struct {
	Host string `envDefault:"0.0.0.0"`
	Port string `envDefault:"8080"`
}

// ServeDefaultLocal listens where the configuration says, loopback unless
// told otherwise: a warning.
func ServeDefaultLocal(st *State, s *mcpwrap.Server, cfg *ServerConfig) error {
	mux := http.NewServeMux()
	mux.Handle("/mcp", s.ServeHTTP())
	srv := &http.Server{Addr: cfg.Host + ":" + cfg.Port, Handler: Authorization(st)(mux)} // want `Authorization\(st\) does not always authenticate.*\(a warning, not an error: it listens on cfg.Host, whose default is 127.0.0.1: reachable from this machine only unless configured otherwise\)`
	return srv.ListenAndServe()
}

// ServeDefaultOpen's default is every interface: an error.
func ServeDefaultOpen(st *State, s *mcpwrap.Server, cfg OpenConfig) error {
	mux := http.NewServeMux()
	mux.Handle("/mcp", s.ServeHTTP())
	srv := &http.Server{Addr: cfg.Host + ":" + cfg.Port, Handler: Authorization(st)(mux)} // want `Authorization\(st\) does not always authenticate: it lets every request through when !cfg.RequireOAuth \(in e.Authorization\); then the MCP server over streamable HTTP \(\(\*mcpwrap.Server\).ServeHTTP\) is served with no authentication; fail closed`
	return srv.ListenAndServe()
}

// ServeWithMetrics also starts a metrics server on every interface; it
// does not serve the MCP handler, so the loopback default still counts.
func ServeWithMetrics(st *State, s *mcpwrap.Server, cfg *ServerConfig, metrics http.Handler) error {
	mux := http.NewServeMux()
	mux.Handle("/mcp", s.ServeHTTP())
	wrapped := Authorization(st)(mux) // want `\(a warning, not an error: it listens on cfg.Host, whose default is 127.0.0.1`
	go http.ListenAndServe(":9090", metrics)
	srv := &http.Server{Addr: cfg.Host + ":" + cfg.Port, Handler: wrapped}
	return srv.ListenAndServe()
}
