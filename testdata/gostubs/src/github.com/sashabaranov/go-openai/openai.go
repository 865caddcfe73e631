// Stub of github.com/sashabaranov/go-openai, checked against v1.43.0.
package openai

import "context"

const (
	ChatMessageRoleSystem    = "system"
	ChatMessageRoleUser      = "user"
	ChatMessageRoleAssistant = "assistant"
	ChatMessageRoleTool      = "tool"
	ChatMessageRoleDeveloper = "developer"
)

type Client struct{}

func NewClient(authToken string) *Client { return nil }

type ToolType string

const ToolTypeFunction ToolType = "function"

type FunctionCall struct {
	Name      string `json:"name,omitempty"`
	Arguments string `json:"arguments,omitempty"`
}

type ToolCall struct {
	Index    *int         `json:"index,omitempty"`
	ID       string       `json:"id,omitempty"`
	Type     ToolType     `json:"type"`
	Function FunctionCall `json:"function"`
}

type ChatMessagePart struct {
	Type string `json:"type,omitempty"`
	Text string `json:"text,omitempty"`
}

type ChatCompletionMessage struct {
	Role         string `json:"role"`
	Content      string `json:"content,omitempty"`
	Refusal      string `json:"refusal,omitempty"`
	MultiContent []ChatMessagePart
	Name         string     `json:"name,omitempty"`
	ToolCalls    []ToolCall `json:"tool_calls,omitempty"`
	ToolCallID   string     `json:"tool_call_id,omitempty"`
}

type FunctionDefinition struct {
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
	Strict      bool   `json:"strict,omitempty"`
	Parameters  any    `json:"parameters"`
}

type Tool struct {
	Type     ToolType            `json:"type"`
	Function *FunctionDefinition `json:"function,omitempty"`
}

type ChatCompletionRequest struct {
	Model               string                  `json:"model"`
	Messages            []ChatCompletionMessage `json:"messages"`
	MaxCompletionTokens int                     `json:"max_completion_tokens,omitempty"`
	Tools               []Tool                  `json:"tools,omitempty"`

	MaxTokens int
}

type ChatCompletionChoice struct {
	Index   int                   `json:"index"`
	Message ChatCompletionMessage `json:"message"`

	FinishReason string
}

type ChatCompletionResponse struct {
	ID      string                 `json:"id"`
	Model   string                 `json:"model"`
	Choices []ChatCompletionChoice `json:"choices"`
}

func (c *Client) CreateChatCompletion(ctx context.Context, request ChatCompletionRequest) (response ChatCompletionResponse, err error) {
	return
}

type AssistantRequest struct {
	Model        string  `json:"model"`
	Name         *string `json:"name,omitempty"`
	Instructions *string `json:"instructions,omitempty"`
}

type RunRequest struct {
	AssistantID            string `json:"assistant_id"`
	Instructions           string `json:"instructions,omitempty"`
	AdditionalInstructions string `json:"additional_instructions,omitempty"`
}
