// Stub of github.com/anthropics/anthropic-sdk-go, checked against v1.84.0.
package anthropic

import (
	"context"
	"encoding/json"

	"github.com/anthropics/anthropic-sdk-go/option"
	"github.com/anthropics/anthropic-sdk-go/packages/param"
)

type Client struct {
	Messages MessageService

	Beta BetaService
}

func NewClient(opts ...option.RequestOption) (r Client) { return }

type MessageService struct{}

type Model = string

func String(s string) param.Opt[string] { return param.NewOpt(s) }

type TextBlockParam struct {
	Text string `json:"text"`
}

type ContentBlockParamUnion struct {
	OfText *TextBlockParam `json:",omitzero,inline"`
}

func NewTextBlock(text string) ContentBlockParamUnion { return ContentBlockParamUnion{} }

type MessageParam struct {
	Content []ContentBlockParamUnion `json:"content,omitzero"`
	Role    string                   `json:"role,omitzero"`
}

func NewUserMessage(blocks ...ContentBlockParamUnion) MessageParam { return MessageParam{} }

type ToolInputSchemaParam struct {
	Properties any      `json:"properties,omitzero"`
	Required   []string `json:"required,omitzero"`
}

type ToolParam struct {
	InputSchema ToolInputSchemaParam `json:"input_schema,omitzero"`
	Name        string               `json:"name"`
	Description param.Opt[string]    `json:"description,omitzero"`
}

type ToolUnionParam struct {
	OfTool *ToolParam `json:",omitzero,inline"`

	OfBashTool20250124          *ToolBash20250124Param
	OfCodeExecutionTool20250825 *CodeExecutionTool20250825Param
	OfTextEditor20250728        *ToolTextEditor20250728Param
}

type MessageNewParams struct {
	MaxTokens int64            `json:"max_tokens"`
	Messages  []MessageParam   `json:"messages,omitzero"`
	Model     Model            `json:"model,omitzero"`
	System    []TextBlockParam `json:"system,omitzero"`
	Tools     []ToolUnionParam `json:"tools,omitzero"`
}

type TextBlock struct {
	Text string `json:"text"`
}

type ToolUseBlock struct {
	ID    string          `json:"id"`
	Input json.RawMessage `json:"input"`
	Name  string          `json:"name"`
}

type ContentBlockUnion struct {
	Type  string          `json:"type"`
	Text  string          `json:"text"`
	Input json.RawMessage `json:"input"`
}

func (u ContentBlockUnion) AsText() (v TextBlock)       { return }
func (u ContentBlockUnion) AsToolUse() (v ToolUseBlock) { return }

type Message struct {
	ID      string              `json:"id"`
	Content []ContentBlockUnion `json:"content"`
}

func (r *MessageService) New(ctx context.Context, params MessageNewParams, opts ...option.RequestOption) (res *Message, err error) {
	return
}
