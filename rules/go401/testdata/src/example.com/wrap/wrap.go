// Package wrap is a helper package that calls the model for its callers.
package wrap

import (
	"context"

	"github.com/sashabaranov/go-openai"
)

// Ask sends system and question to the model.
func Ask(ctx context.Context, c *openai.Client, system, question string) (string, error) {
	resp, err := c.CreateChatCompletion(ctx, openai.ChatCompletionRequest{
		Messages: []openai.ChatCompletionMessage{
			{Role: openai.ChatMessageRoleSystem, Content: system},
			{Role: openai.ChatMessageRoleUser, Content: question},
		},
	})
	if err != nil {
		return "", err
	}
	return resp.Choices[0].Message.Content, nil
}
