// Stub of github.com/ollama/ollama/api, checked against v0.17.4: what the
// bounds rules (GO205) use.
package api

import "context"

type Client struct{}

func ClientFromEnvironment() (*Client, error) { return nil, nil }

type Message struct {
	Role    string
	Content string
}

type GenerateRequest struct {
	Model   string
	Prompt  string
	Options map[string]any
}

type ChatRequest struct {
	Model    string
	Messages []Message
	Options  map[string]any
}

type GenerateResponse struct{ Response string }

type ChatResponse struct{ Message Message }

type GenerateResponseFunc func(GenerateResponse) error

type ChatResponseFunc func(ChatResponse) error

func (c *Client) Generate(ctx context.Context, req *GenerateRequest, fn GenerateResponseFunc) error {
	return nil
}

func (c *Client) Chat(ctx context.Context, req *ChatRequest, fn ChatResponseFunc) error { return nil }
