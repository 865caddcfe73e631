// Stub of github.com/openai/openai-go/v3, checked against v3.98.0.
package openai

import (
	"context"

	"github.com/openai/openai-go/v3/option"
	"github.com/openai/openai-go/v3/packages/param"
	"github.com/openai/openai-go/v3/responses"
	"github.com/openai/openai-go/v3/shared"
)

type Client struct {
	Chat      ChatService
	Responses responses.ResponseService
}

func NewClient(opts ...option.RequestOption) (r Client) { return }

type ChatService struct {
	Completions ChatCompletionService
}

type ChatCompletionService struct{}

type FunctionDefinitionParam = shared.FunctionDefinitionParam

func String(s string) param.Opt[string] { return param.NewOpt(s) }

type ChatCompletionContentPartTextParam struct {
	Text string `json:"text"`
}

type ChatCompletionContentPartUnionParam struct{}

type ChatCompletionSystemMessageParamContentUnion struct {
	OfString              param.Opt[string]                    `json:",omitzero,inline"`
	OfArrayOfContentParts []ChatCompletionContentPartTextParam `json:",omitzero,inline"`
}

type ChatCompletionSystemMessageParam struct {
	Content ChatCompletionSystemMessageParamContentUnion `json:"content,omitzero"`
	Name    param.Opt[string]                            `json:"name,omitzero"`
}

type ChatCompletionMessageParamUnion struct {
	OfSystem *ChatCompletionSystemMessageParam `json:",omitzero,inline"`
}

func SystemMessage[T string | []ChatCompletionContentPartTextParam](content T) ChatCompletionMessageParamUnion {
	return ChatCompletionMessageParamUnion{}
}

func DeveloperMessage[T string | []ChatCompletionContentPartTextParam](content T) ChatCompletionMessageParamUnion {
	return ChatCompletionMessageParamUnion{}
}

func UserMessage[T string | []ChatCompletionContentPartUnionParam](content T) ChatCompletionMessageParamUnion {
	return ChatCompletionMessageParamUnion{}
}

type ChatCompletionNewParams struct {
	Messages []ChatCompletionMessageParamUnion `json:"messages,omitzero"`
	Model    shared.ChatModel                  `json:"model,omitzero"`

	MaxCompletionTokens param.Opt[int64]
	MaxTokens           param.Opt[int64]
}

type ChatCompletionMessageFunctionToolCallFunction struct {
	Arguments string `json:"arguments"`
	Name      string `json:"name"`
}

type ChatCompletionMessageToolCallUnion struct {
	ID       string                                        `json:"id"`
	Function ChatCompletionMessageFunctionToolCallFunction `json:"function"`
	Type     string                                        `json:"type"`
}

type ChatCompletionMessage struct {
	Content   string                               `json:"content"`
	Refusal   string                               `json:"refusal"`
	ToolCalls []ChatCompletionMessageToolCallUnion `json:"tool_calls,omitzero"`
}

type ChatCompletionChoice struct {
	FinishReason string                `json:"finish_reason"`
	Index        int64                 `json:"index"`
	Message      ChatCompletionMessage `json:"message"`
}

type ChatCompletion struct {
	ID      string                 `json:"id"`
	Choices []ChatCompletionChoice `json:"choices"`
}

func (r *ChatCompletionService) New(ctx context.Context, body ChatCompletionNewParams, opts ...option.RequestOption) (res *ChatCompletion, err error) {
	return
}
