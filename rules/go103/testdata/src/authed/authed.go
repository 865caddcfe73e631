// Package authed turns localhost protection off on MCP servers: behind an
// API-key check it is a note, served as is a warning.
package authed

import (
	"crypto/subtle"
	"net/http"
	"os"

	"github.com/mark3labs/mcp-go/server"
)

func requireKey(next http.Handler) http.Handler {
	key := os.Getenv("API_KEY")
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if subtle.ConstantTimeCompare([]byte(r.Header.Get("X-API-Key")), []byte(key)) != 1 {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func Serve(s *server.MCPServer) {
	mux := http.NewServeMux()
	protected := server.NewStreamableHTTPServer(s, server.WithDisableLocalhostProtection(true)) // want `server.WithDisableLocalhostProtection\(true\) turns off the MCP server's DNS-rebinding protection \(a note, not a warning: the server is served behind authentication`
	mux.Handle("/mcp", requireKey(protected))
	open := server.NewStreamableHTTPServer(s, server.WithDisableLocalhostProtection(true)) // want `server.WithDisableLocalhostProtection\(true\) turns off the MCP server's DNS-rebinding protection$`
	mux.Handle("/open", open)
	_ = http.ListenAndServe("127.0.0.1:8080", mux)
}
