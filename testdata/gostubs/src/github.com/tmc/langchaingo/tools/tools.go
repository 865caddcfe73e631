// Stub of github.com/tmc/langchaingo/tools, checked against v0.1.14.
package tools

import "context"

type Tool interface {
	Name() string
	Description() string
	Call(ctx context.Context, input string) (string, error)
}
