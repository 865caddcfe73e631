// Stub of github.com/anthropics/anthropic-sdk-go, checked against v1.84.0:
// the beta tool runner, for the bounds rules (GO204).
package anthropic

import (
	"context"

	"github.com/anthropics/anthropic-sdk-go/option"
)

type BetaService struct {
	Messages BetaMessageService
}

type BetaMessageService struct{}

type BetaMessage struct{}

type BetaMessageNewParams struct {
	MaxTokens int64
	Model     string
	System    []BetaTextBlockParam
}

type BetaToolRunnerParams struct {
	BetaMessageNewParams
	MaxIterations int
}

type betaToolRunnerBase struct {
	Params BetaToolRunnerParams
}

type BetaToolRunner struct {
	betaToolRunnerBase
}

type BetaToolRunnerStreaming struct {
	betaToolRunnerBase
}

func (r *BetaMessageService) NewToolRunner(tools []BetaTool, params BetaToolRunnerParams, opts ...option.RequestOption) *BetaToolRunner {
	return nil
}

func (r *BetaMessageService) NewToolRunnerStreaming(tools []BetaTool, params BetaToolRunnerParams, opts ...option.RequestOption) *BetaToolRunnerStreaming {
	return nil
}

func (r *BetaToolRunner) RunToCompletion(ctx context.Context) (*BetaMessage, error) { return nil, nil }
