package a

import (
	"context"
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/mark3labs/mcp-go/server"
	"github.com/modelcontextprotocol/go-sdk/auth"
	"github.com/modelcontextprotocol/go-sdk/mcp"
)

var srv = mcp.NewServer(&mcp.Implementation{Name: "tools", Version: "1"}, nil)

func getServer(*http.Request) *mcp.Server { return srv }

func verify(ctx context.Context, token string, r *http.Request) (*auth.TokenInfo, error) {
	return nil, nil
}

func openStreamable() {
	h := mcp.NewStreamableHTTPHandler(getServer, nil) // want `MCP server over streamable HTTP \(mcp.NewStreamableHTTPHandler\) is served with no authentication`
	http.Handle("/mcp", h)
	http.ListenAndServe(":8080", nil)
}

func openSSE() {
	mux := http.NewServeMux()
	mux.Handle("/sse", mcp.NewSSEHandler(getServer, nil)) // want `MCP server over SSE \(mcp.NewSSEHandler\) is served with no authentication`
	http.ListenAndServe(":8081", mux)
}

func bearer() {
	h := mcp.NewStreamableHTTPHandler(getServer, nil)
	mux := http.NewServeMux()
	mux.Handle("/mcp", auth.RequireBearerToken(verify, &auth.RequireBearerTokenOptions{Scopes: []string{"tools"}})(h))
	http.ListenAndServe(":8082", mux)
}

func bearerVar() {
	mw := auth.RequireBearerToken(verify, nil)
	h := mcp.NewStreamableHTTPHandler(getServer, nil)
	http.ListenAndServe(":8083", mw(h))
}

func chiProtected() {
	r := chi.NewRouter()
	r.Use(auth.RequireBearerToken(verify, nil))
	r.Handle("/mcp", mcp.NewStreamableHTTPHandler(getServer, nil))
	http.ListenAndServe(":8084", r)
}

func mcpGoStart() {
	s := server.NewMCPServer("tools", "1")
	httpServer := server.NewStreamableHTTPServer(s) // want `MCP server over streamable HTTP \(server.NewStreamableHTTPServer\) is served with no authentication`
	httpServer.Start(":8085")
}

func mcpGoSSE() {
	s := server.NewMCPServer("tools", "1")
	sse := server.NewSSEServer(s)
	http.ListenAndServe(":8086", requireKey(sse))
}

// requireKey is an API-key middleware written in this package.
func requireKey(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-API-Key") != "k" {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// Handler returns the MCP handler to another package: not followed.
func Handler() http.Handler {
	return mcp.NewStreamableHTTPHandler(getServer, nil)
}

// twice: one mount is protected, the other is not.
func twice() {
	h := mcp.NewStreamableHTTPHandler(getServer, nil) // want `MCP server over streamable HTTP`
	mux := http.NewServeMux()
	mux.Handle("/mcp", requireKey(h))
	mux.Handle("/mcp-open", h)
	http.ListenAndServe(":8087", mux)
}
