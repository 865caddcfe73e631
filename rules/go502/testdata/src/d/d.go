package d

import (
	"context"

	openai "github.com/sashabaranov/go-openai"
)

func Ask(ctx context.Context) {
	c := openai.NewClient("")
	_, _ = c.CreateChatCompletion(ctx, openai.ChatCompletionRequest{})
}
