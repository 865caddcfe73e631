// Package optout wraps the MCP handler's mux in auth middleware when a
// token is configured, and refuses to start without one unless the
// operator opts out: auth that may be off (GO105, a note), not an MCP
// server with no authentication. A mux served as it is stays GO102's.
package optout

import (
	"crypto/subtle"
	"errors"
	"net"
	"net/http"
	"strings"

	"github.com/modelcontextprotocol/go-sdk/mcp"
)

func authenticate(token string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		if subtle.ConstantTimeCompare([]byte(got), []byte(token)) != 1 {
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

func (g *Gateway) serve(ln net.Listener) error {
	if g.token == "" && !g.AllowUnauthenticated {
		return errors.New("a token is required")
	}
	mux := http.NewServeMux()
	mux.Handle("/sse", mcp.NewSSEHandler(func(*http.Request) *mcp.Server { return g.server }, nil))
	var handler http.Handler = mux
	if g.token != "" {
		handler = authenticate(g.token, mux)
	}
	return (&http.Server{Handler: handler}).Serve(ln)
}

func (g *Gateway) serveBare(ln net.Listener) error {
	mux := http.NewServeMux()
	mux.Handle("/sse", mcp.NewSSEHandler(func(*http.Request) *mcp.Server { return g.server }, nil)) // want `MCP server over SSE \(mcp.NewSSEHandler\) is served with no authentication`
	return (&http.Server{Handler: mux}).Serve(ln)
}
