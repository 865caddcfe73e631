// What the LLM SDK field audit (docs/go.md) uses: the Assistants (beta)
// API's instructions and chat completion streams, checked against v2.7.1.
package openai

import (
	"context"

	"github.com/openai/openai-go/v3/option"
	"github.com/openai/openai-go/v3/packages/param"
	"github.com/openai/openai-go/v3/packages/ssestream"
)

type BetaAssistantNewParams struct {
	Instructions param.Opt[string]
	Model        string
}

type BetaAssistantUpdateParams struct{ Instructions param.Opt[string] }

type BetaThreadNewAndRunParams struct{ Instructions param.Opt[string] }

type BetaThreadRunNewParams struct {
	AdditionalInstructions param.Opt[string]
	Instructions           param.Opt[string]
}

type ChatCompletionChunkChoiceDelta struct{ Content string }

type ChatCompletionChunkChoice struct {
	Delta ChatCompletionChunkChoiceDelta
}

type ChatCompletionChunk struct{ Choices []ChatCompletionChunkChoice }

func (r *ChatCompletionService) NewStreaming(ctx context.Context, body ChatCompletionNewParams, opts ...option.RequestOption) (stream *ssestream.Stream[ChatCompletionChunk]) {
	return nil
}

type ChatCompletionDeveloperMessageParamContentUnion struct {
	OfString              param.Opt[string]
	OfArrayOfContentParts []ChatCompletionContentPartTextParam
}

type ChatCompletionDeveloperMessageParam struct {
	Content ChatCompletionDeveloperMessageParamContentUnion
	Name    param.Opt[string]
}
