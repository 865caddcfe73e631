// Stub of google.golang.org/genai, checked against v1.77.0 (payload rules: client config and function
// calls).
package genai

import (
	"context"
	"net/http"
)

type Backend int

type ClientConfig struct {
	APIKey     string
	Backend    Backend
	Project    string
	HTTPClient *http.Client
}

func NewClient(ctx context.Context, cc *ClientConfig) (*Client, error) { return nil, nil }
