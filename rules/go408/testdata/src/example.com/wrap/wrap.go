// Package wrap asks the model for its callers.
package wrap

import (
	"context"

	"github.com/tmc/langchaingo/llms"
)

// Ask sends the question as the user prompt.
func Ask(ctx context.Context, llm llms.Model, q string) (string, error) {
	return llms.GenerateFromSinglePrompt(ctx, llm, q)
}
