package a

import (
	"context"
	"io"
	"net/http"

	"example.com/wrap"
	"github.com/openai/openai-go/v3"
	"github.com/tmc/langchaingo/llms"
)

func summarizePage(ctx context.Context, c *openai.Client, url string) {
	page, _ := http.Get(url)
	body, _ := io.ReadAll(page.Body)
	c.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{
		Messages: []openai.ChatCompletionMessageParamUnion{
			openai.SystemMessage("Summarize the page."),
			openai.UserMessage("Page: " + string(body)), // want `untrusted data reaches a user prompt in openai.UserMessage, from an HTTP response body`
			openai.UserMessage("Summarize our refund policy"),
		},
	})
}

func viaWrapper(ctx context.Context, llm llms.Model, r *http.Request) {
	wrap.Ask(ctx, llm, r.FormValue("q")) // want `user prompt in wrap.Ask → llms.GenerateFromSinglePrompt at wrap.go:\d+, from a form value`
	wrap.Ask(ctx, llm, "hello")
}
