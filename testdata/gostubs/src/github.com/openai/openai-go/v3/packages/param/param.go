// Stub of github.com/openai/openai-go/v3/packages/param, checked against v3.98.0.
package param

type Opt[T comparable] struct {
	Value T
}

func NewOpt[T comparable](v T) Opt[T] { return Opt[T]{Value: v} }
