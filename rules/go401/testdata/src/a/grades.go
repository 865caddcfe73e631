package a

import (
	"context"
	"io"
	"net/http"

	"github.com/openai/openai-go/v3"
)

// A system prompt fetched from a URL the program's configuration names: a
// note that says so. The same text spliced with a caller's request data is
// an error.
type roleConfig struct{ PromptURL string }

func fetchedPrompt(ctx context.Context, c *openai.Client, cfg roleConfig) {
	resp, err := http.Get(cfg.PromptURL)
	if err != nil {
		return
	}
	prompt, _ := io.ReadAll(resp.Body)
	c.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{
		Messages: []openai.ChatCompletionMessageParamUnion{
			openai.SystemMessage(string(prompt)), // want `untrusted data reaches the system prompt in openai.SystemMessage, from an HTTP response body \(source at grades.go:\d+\) \(a note, not an error: the text is content the program fetched`
		},
	})
}

func fetchedPromptWithPersona(ctx context.Context, c *openai.Client, cfg roleConfig, r *http.Request) {
	resp, err := http.Get(cfg.PromptURL)
	if err != nil {
		return
	}
	prompt, _ := io.ReadAll(resp.Body)
	c.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{
		Messages: []openai.ChatCompletionMessageParamUnion{
			openai.SystemMessage(string(prompt) + "\nYou are " + r.FormValue("persona")), // want `untrusted data reaches the system prompt in openai.SystemMessage, from a form value \(source at grades.go:\d+\)$`
		},
	})
}
