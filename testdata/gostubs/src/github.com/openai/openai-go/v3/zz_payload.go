// Stub of github.com/openai/openai-go/v3, checked against v3.98.0 (payload rules: client and tool calls).
package openai

import "github.com/openai/openai-go/v3/option"

type Client struct{}

func NewClient(opts ...option.RequestOption) (r Client) { return }

type ChatCompletionMessageFunctionToolCallFunction struct {
	Arguments string
	Name      string
}

type ChatCompletionMessageToolCallUnion struct {
	ID       string
	Function ChatCompletionMessageFunctionToolCallFunction
	Type     string
}
