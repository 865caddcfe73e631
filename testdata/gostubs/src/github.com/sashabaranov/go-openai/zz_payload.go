// Stub of github.com/sashabaranov/go-openai, checked against v1.43.0 (payload rules: client config and
// tool calls).
package openai

import (
	"context"
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

type Client struct{}

func NewClient(authToken string) *Client                     { return nil }
func NewClientWithConfig(config ClientConfig) *Client        { return nil }
func DefaultConfig(authToken string) ClientConfig            { return ClientConfig{} }
func DefaultAzureConfig(apiKey, baseURL string) ClientConfig { return ClientConfig{} }

type FunctionCall struct {
	Name      string
	Arguments string
}

type ToolCall struct {
	ID       string
	Function FunctionCall
}

type ChatCompletionRequest struct {
	Model string
}

type ChatCompletionResponse struct{}

func (c *Client) CreateChatCompletion(ctx context.Context, request ChatCompletionRequest) (response ChatCompletionResponse, err error) {
	return
}
