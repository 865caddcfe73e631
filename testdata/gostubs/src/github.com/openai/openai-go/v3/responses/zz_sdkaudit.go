// What the LLM SDK field audit (docs/go.md) uses: role-tagged input
// messages and response streams, checked against v2.7.1.
package responses

import (
	"context"

	"github.com/openai/openai-go/v3/option"
	"github.com/openai/openai-go/v3/packages/param"
	"github.com/openai/openai-go/v3/packages/ssestream"
)

type EasyInputMessageRole string

const (
	EasyInputMessageRoleUser      EasyInputMessageRole = "user"
	EasyInputMessageRoleSystem    EasyInputMessageRole = "system"
	EasyInputMessageRoleDeveloper EasyInputMessageRole = "developer"
)

type EasyInputMessageContentUnionParam struct{ OfString param.Opt[string] }

type EasyInputMessageParam struct {
	Content EasyInputMessageContentUnionParam
	Role    EasyInputMessageRole
}

type ResponseInputContentUnionParam struct{ OfInputText *ResponseInputTextParam }

type ResponseInputTextParam struct{ Text string }

type ResponseInputMessageContentListParam []ResponseInputContentUnionParam

type ResponseInputItemMessageParam struct {
	Content ResponseInputMessageContentListParam
	Role    string
}

type ResponseStreamEventUnion struct{ Delta string }

func (r *ResponseService) NewStreaming(ctx context.Context, body ResponseNewParams, opts ...option.RequestOption) (stream *ssestream.Stream[ResponseStreamEventUnion]) {
	return nil
}

type ResponseInputItemUnionParam struct{}

func ResponseInputItemParamOfMessage[T string | ResponseInputMessageContentListParam](content T, role EasyInputMessageRole) ResponseInputItemUnionParam {
	return ResponseInputItemUnionParam{}
}

type FunctionToolParam struct {
	Strict      param.Opt[bool]
	Parameters  map[string]any
	Name        string
	Description param.Opt[string]
}

type ResponseFunctionToolCall struct {
	Arguments string
	CallID    string
	Name      string
}
