// What the LLM SDK field audit (docs/go.md) uses: streams, batches, token
// counting and beta tools, checked against v1.44.0.
package anthropic

import (
	"context"

	"github.com/anthropics/anthropic-sdk-go/option"
	"github.com/anthropics/anthropic-sdk-go/packages/param"
	"github.com/anthropics/anthropic-sdk-go/packages/ssestream"
)

type BetaTextBlockParam struct{ Text string }

type MessageStreamEventUnion struct {
	Delta struct{ Text string }
}

func (r *MessageService) NewStreaming(ctx context.Context, body MessageNewParams, opts ...option.RequestOption) (stream *ssestream.Stream[MessageStreamEventUnion]) {
	return nil
}

type BetaMessageCountTokensParamsSystemUnion struct {
	OfString             param.Opt[string]
	OfBetaTextBlockArray []BetaTextBlockParam
}

type BetaMessageCountTokensParams struct {
	System BetaMessageCountTokensParamsSystemUnion
	Model  string
}

type MessageBatchNewParamsRequestParams struct {
	MaxTokens int64
	System    []TextBlockParam
}

type BetaMessageBatchNewParamsRequestParams struct {
	MaxTokens int64
	System    []BetaTextBlockParam
}

type BetaToolParam struct {
	InputSchema BetaToolInputSchemaParam
	Name        string
	Description param.Opt[string]
}

type MessageCountTokensParamsSystemUnion struct {
	OfString         param.Opt[string]
	OfTextBlockArray []TextBlockParam
}

type MessageCountTokensParams struct {
	System MessageCountTokensParamsSystemUnion
	Model  string
}
