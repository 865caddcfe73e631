// Stub of github.com/sashabaranov/go-openai, checked against v1.43.0 (payload rules: client config and
// tool calls).
package openai

import (
	"net/http"
)

type HTTPDoer interface {
	Do(req *http.Request) (*http.Response, error)
}

type ClientConfig struct {
	BaseURL    string
	OrgID      string
	HTTPClient HTTPDoer
}

func NewClientWithConfig(config ClientConfig) *Client        { return nil }
func DefaultConfig(authToken string) ClientConfig            { return ClientConfig{} }
func DefaultAzureConfig(apiKey, baseURL string) ClientConfig { return ClientConfig{} }
