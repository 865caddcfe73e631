// Stub of github.com/sashabaranov/go-openai, checked against v1.43.0: what the
// bounds rules (GO204, GO205) use.
package openai

import "context"

type Client struct{}

func NewClient(authToken string) *Client { return nil }

type FunctionCall struct {
	Name      string
	Arguments string
}

type ToolCall struct {
	Index    *int
	ID       string
	Function FunctionCall
}

type ChatCompletionMessage struct {
	Role       string
	Content    string
	ToolCalls  []ToolCall
	ToolCallID string
}

type ChatCompletionRequest struct {
	Model               string
	Messages            []ChatCompletionMessage
	MaxTokens           int
	MaxCompletionTokens int
}

type ChatCompletionChoice struct {
	Index        int
	Message      ChatCompletionMessage
	FinishReason string
}

type ChatCompletionResponse struct {
	Choices []ChatCompletionChoice
}

func (c *Client) CreateChatCompletion(
	ctx context.Context,
	request ChatCompletionRequest,
) (response ChatCompletionResponse, err error) {
	return
}
