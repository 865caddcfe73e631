// Stub of github.com/tmc/langchaingo/agents, checked against v0.1.14: what
// the bounds rules (GO204) use.
package agents

import "context"

type Agent interface {
	GetInputKeys() []string
	GetOutputKeys() []string
}

type Options struct {
	maxIterations int
}

type Option func(*Options)

func WithMaxIterations(iterations int) Option { return nil }

type Executor struct {
	Agent         Agent
	MaxIterations int
}

func NewExecutor(agent Agent, opts ...Option) *Executor { return nil }

func (e *Executor) Call(ctx context.Context, inputValues map[string]any, _ ...any) (map[string]any, error) {
	return nil, nil
}
