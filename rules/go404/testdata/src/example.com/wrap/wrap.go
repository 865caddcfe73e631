// Package wrap calls the model for its callers.
package wrap

import (
	"context"

	"github.com/openai/openai-go/v3"
)

// Complete returns the model's answer to prompt.
func Complete(ctx context.Context, c *openai.Client, prompt string) string {
	resp, err := c.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{
		Messages: []openai.ChatCompletionMessageParamUnion{openai.UserMessage(prompt)},
	})
	if err != nil {
		return ""
	}
	return resp.Choices[0].Message.Content
}
