// Package openai is a stub of github.com/sashabaranov/go-openai, checked against v1.43.0.
package openai

import "context"

type Client struct{}

func NewClient(authToken string) *Client { return nil }

type ChatCompletionRequest struct {
	Model string

	Messages            []ChatCompletionMessage
	MaxTokens           int
	MaxCompletionTokens int
}

type ChatCompletionResponse struct {
	Choices []ChatCompletionChoice
}

func (c *Client) CreateChatCompletion(ctx context.Context, request ChatCompletionRequest) (response ChatCompletionResponse, err error) {
	return
}
