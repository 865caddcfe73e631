// What the LLM SDK field audit (docs/go.md) uses: chat completion streams.
package openai

import "context"

type ChatCompletionStreamChoiceDelta struct{ Content string }

type ChatCompletionStreamChoice struct {
	Delta ChatCompletionStreamChoiceDelta
}

type ChatCompletionStreamResponse struct{ Choices []ChatCompletionStreamChoice }

type ChatCompletionStream struct{}

func (s *ChatCompletionStream) Recv() (ChatCompletionStreamResponse, error) {
	return ChatCompletionStreamResponse{}, nil
}

func (c *Client) CreateChatCompletionStream(ctx context.Context, request ChatCompletionRequest) (*ChatCompletionStream, error) {
	return nil, nil
}
