// Stub of github.com/anthropics/anthropic-sdk-go/packages/param, checked against v1.84.0.
package param

type Opt[T comparable] struct {
	Value T
}

func NewOpt[T comparable](v T) Opt[T] { return Opt[T]{Value: v} }
