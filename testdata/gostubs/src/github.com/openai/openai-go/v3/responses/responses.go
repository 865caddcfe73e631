// Stub of github.com/openai/openai-go/v3/responses, checked against v3.98.0.
package responses

import (
	"context"

	"github.com/openai/openai-go/v3/option"
	"github.com/openai/openai-go/v3/packages/param"
)

type ResponseService struct{}

type ResponseNewParamsInputUnion struct {
	OfString param.Opt[string] `json:",omitzero,inline"`
}

type ResponseNewParams struct {
	Instructions param.Opt[string]           `json:"instructions,omitzero"`
	Input        ResponseNewParamsInputUnion `json:"input,omitzero"`
	Model        string                      `json:"model,omitzero"`

	MaxOutputTokens param.Opt[int64]
}

type Response struct {
	ID string `json:"id"`
}

func (r Response) OutputText() string { return "" }

func (r *ResponseService) New(ctx context.Context, body ResponseNewParams, opts ...option.RequestOption) (res *Response, err error) {
	return
}
