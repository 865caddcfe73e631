// Stub of github.com/ollama/ollama/api, checked against v0.17.4.
package api

import "context"

type Client struct{}

func ClientFromEnvironment() (*Client, error) { return nil, nil }

type Message struct {
	Role    string `json:"role"`
	Content string `json:"content"`
}

type ChatRequest struct {
	Model    string    `json:"model"`
	Messages []Message `json:"messages"`

	Options map[string]any
}

type ChatResponse struct {
	Model   string  `json:"model"`
	Message Message `json:"message"`
}

type ChatResponseFunc func(ChatResponse) error

func (c *Client) Chat(ctx context.Context, req *ChatRequest, fn ChatResponseFunc) error { return nil }

type GenerateRequest struct {
	Model    string `json:"model"`
	Prompt   string `json:"prompt"`
	System   string `json:"system"`
	Template string `json:"template"`

	Options map[string]any
}

type GenerateResponse struct {
	Response string `json:"response"`
}

type GenerateResponseFunc func(GenerateResponse) error

func (c *Client) Generate(ctx context.Context, req *GenerateRequest, fn GenerateResponseFunc) error {
	return nil
}
