package a

import (
	"context"
	"os"

	goopenai "github.com/sashabaranov/go-openai"
)

// A conversation of any roles, where the system entry names the file
// the transcript is kept in: the role picks the branch, but a file path
// is no channel of the model's, so the flow is graded as any other path
// (an error), not with the reason that fits a system prompt.
type turn struct{ Role, Text string }

func keepTranscript(turns []turn) {
	for _, t := range turns {
		if t.Role == "system" {
			os.WriteFile(t.Text, nil, 0o600)
		}
	}
}

func replyAs(ctx context.Context, c *goopenai.Client, role string) {
	resp, _ := c.CreateChatCompletion(ctx, goopenai.ChatCompletionRequest{})
	keepTranscript([]turn{{Role: role, Text: resp.Choices[0].Message.Content}}) // want `model output reaches a file path in a.keepTranscript → os.WriteFile at roles.go:\d+, from model output \(source at roles.go:\d+\)$`
}

// The reply kept as the assistant's never takes the system branch.
func replyAsAssistant(ctx context.Context, c *goopenai.Client) {
	resp, _ := c.CreateChatCompletion(ctx, goopenai.ChatCompletionRequest{})
	keepTranscript([]turn{{Role: "assistant", Text: resp.Choices[0].Message.Content}})
}
