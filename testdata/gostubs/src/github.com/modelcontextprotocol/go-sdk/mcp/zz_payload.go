// Stub of github.com/modelcontextprotocol/go-sdk/mcp, checked against v1.8.0 (payload rules: raw tool
// handlers and HTTP client transports).
package mcp

import (
	"net/http"
)

type Params interface{ isParams() }

func (*CallToolParamsRaw) isParams() {}

type StreamableClientTransport struct {
	Endpoint   string
	HTTPClient *http.Client
}

type SSEClientTransport struct {
	Endpoint   string
	HTTPClient *http.Client
}
