// Stub of github.com/mark3labs/mcp-go/client/transport, checked against v1.2.1 (payload rules: HTTP client options).
package transport

import "net/http"

type StreamableHTTPCOption func(*StreamableHTTP)

type StreamableHTTP struct{}

type ClientOption func(*SSE)

type SSE struct{}

func WithHTTPBasicClient(client *http.Client) StreamableHTTPCOption { return nil }
func WithHTTPClient(httpClient *http.Client) ClientOption           { return nil }
