// Package factory authenticates in go-sdk's getServer function: it reads
// the caller's token and returns no server without one, so go-sdk answers
// the request with an error. A factory that reads the token but serves
// anyway is no check.
package factory

import (
	"net/http"
	"strings"

	"github.com/modelcontextprotocol/go-sdk/mcp"
)

func tokenFrom(r *http.Request) string {
	return strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
}

func serverFor(token string) *mcp.Server {
	return mcp.NewServer(&mcp.Implementation{Name: "per-token", Version: "1"}, nil)
}

func PerToken() {
	h := mcp.NewStreamableHTTPHandler(func(r *http.Request) *mcp.Server {
		token := tokenFrom(r)
		if token == "" {
			return nil
		}
		return serverFor(token)
	}, nil)
	http.Handle("/mcp", h)
	http.ListenAndServe(":8080", nil)
}

func Optional() {
	h := mcp.NewStreamableHTTPHandler(func(r *http.Request) *mcp.Server { // want `MCP server over streamable HTTP \(mcp.NewStreamableHTTPHandler\) is served with no authentication`
		return serverFor(tokenFrom(r))
	}, nil)
	http.Handle("/other", h)
	http.ListenAndServe(":8081", nil)
}
