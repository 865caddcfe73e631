// Stub of github.com/anthropics/anthropic-sdk-go/toolrunner, checked
// against v1.44.0.
package toolrunner

import (
	"context"

	"github.com/anthropics/anthropic-sdk-go"
)

func NewBetaToolFromBytes[T any](name, description string, schemaJSON []byte,
	handler func(context.Context, T) (anthropic.BetaToolResultBlockParamContentUnion, error)) (anthropic.BetaTool, error) {
	return nil, nil
}

func NewBetaToolFromJSONSchema[T any](name, description string,
	handler func(context.Context, T) (anthropic.BetaToolResultBlockParamContentUnion, error)) (anthropic.BetaTool, error) {
	return nil, nil
}

func NewBetaTool[T any](name, description string, schema anthropic.BetaToolInputSchemaParam,
	handler func(context.Context, T) (anthropic.BetaToolResultBlockParamContentUnion, error)) anthropic.BetaTool {
	return nil
}
