// Stub of github.com/mark3labs/mcp-go/client, checked against v1.2.1 (payload rules: HTTP client options).
package client

import (
	"net/http"

	"github.com/mark3labs/mcp-go/client/transport"
)

type Client struct{}

func NewStreamableHttpClient(baseURL string, options ...transport.StreamableHTTPCOption) (*Client, error) {
	return nil, nil
}

func NewSSEMCPClient(baseURL string, options ...transport.ClientOption) (*Client, error) {
	return nil, nil
}

func WithHTTPClient(httpClient *http.Client) transport.ClientOption { return nil }
