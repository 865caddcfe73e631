// Package wrap serves an MCP server built by a wrapper method of another
// package: open on one mux, behind a bearer check on the other.
package wrap

import (
	"net/http"
	"os"

	"wrap/mcpsrv"
)

func open() {
	mux := http.NewServeMux()
	mux.Handle("/mcp", mcpsrv.New().Handler()) // want `MCP server over streamable HTTP \(built by mcpsrv.Handler\) is served with no authentication: mcp-go has no auth middleware of its own; serve the StreamableHTTPServer that Handler returns`
	http.ListenAndServe(":8080", mux)
}

func bearer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer "+os.Getenv("MCP_TOKEN") {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func guarded() {
	mux := http.NewServeMux()
	mux.Handle("/mcp", bearer(mcpsrv.New().Handler()))
	http.ListenAndServe(":8081", mux)
}
