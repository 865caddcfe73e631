// Package chain applies middleware with a helper of its own: auth among
// the middleware it is given protects the MCP server; logging alone does
// not.
package chain

import (
	"net/http"
	"os"

	"github.com/modelcontextprotocol/go-sdk/mcp"
)

func chain(h http.Handler, mws ...func(http.Handler) http.Handler) http.Handler {
	for i := len(mws) - 1; i >= 0; i-- {
		h = mws[i](h)
	}
	return h
}

func logging(next http.Handler) http.Handler { return next }

func requireKey(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-API-Key") != os.Getenv("API_KEY") {
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func Serve(server *mcp.Server) error {
	h := mcp.NewStreamableHTTPHandler(func(*http.Request) *mcp.Server { return server }, nil)
	return http.ListenAndServe(":8080", chain(h, logging, requireKey))
}

func ServeLogged(server *mcp.Server) error {
	h := mcp.NewStreamableHTTPHandler(func(*http.Request) *mcp.Server { return server }, nil) // want `MCP server over streamable HTTP \(mcp.NewStreamableHTTPHandler\) is served with no authentication`
	return http.ListenAndServe(":8080", chain(h, logging))
}
