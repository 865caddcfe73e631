package a

import (
	"context"

	"github.com/ollama/ollama/api"
	oai "github.com/openai/openai-go/v3"
	"github.com/openai/openai-go/v3/responses"
	"github.com/sashabaranov/go-openai"
	"google.golang.org/genai"
)

func uncapped(ctx context.Context, gc *genai.Client) {
	_ = oai.ChatCompletionNewParams{Model: "gpt-4o"}                                                            // want `openai.ChatCompletionNewParams sets neither MaxCompletionTokens nor MaxTokens: the answer is not capped`
	_ = responses.ResponseNewParams{Model: "gpt-4o"}                                                            // want `responses.ResponseNewParams has no MaxOutputTokens`
	_ = openai.ChatCompletionRequest{Model: "gpt-4o", MaxTokens: 0}                                             // want `openai.ChatCompletionRequest sets neither MaxCompletionTokens nor MaxTokens`
	_, _ = gc.Models.GenerateContent(ctx, "gemini-2.5-flash", genai.Text("hi"), &genai.GenerateContentConfig{}) // want `genai.GenerateContentConfig has no MaxOutputTokens`
	_, _ = gc.Models.GenerateContent(ctx, "gemini-2.5-flash", genai.Text("hi"), nil)                            // want `GenerateContent is called with a nil config: no MaxOutputTokens caps the answer`
	_, _ = gc.Chats.Create(ctx, "gemini-2.5-flash", nil, nil)                                                   // want `Create is called with a nil config`
	_ = &api.ChatRequest{Model: "llama3"}                                                                       // want `api.ChatRequest has no num_predict in its Options`
	_ = &api.GenerateRequest{Model: "llama3", Options: map[string]any{"temperature": 0.2}}                      // want `api.GenerateRequest has no num_predict in its Options`
}

// Silent: capped in the literal or later, or built elsewhere.

func capped(ctx context.Context, gc *genai.Client, opts map[string]any) {
	_ = oai.ChatCompletionNewParams{Model: "gpt-4o", MaxCompletionTokens: oai.Int(1024)}
	_ = responses.ResponseNewParams{MaxOutputTokens: oai.Int(512)}
	_ = openai.ChatCompletionRequest{Model: "gpt-4o", MaxTokens: 256}

	params := oai.ChatCompletionNewParams{Model: "gpt-4o"}
	params.MaxTokens = oai.Int(300)

	req := openai.ChatCompletionRequest{Model: "gpt-4o"}
	req.MaxCompletionTokens = 400

	cfg := &genai.GenerateContentConfig{}
	cfg.MaxOutputTokens = 800
	_, _ = gc.Models.GenerateContent(ctx, "gemini-2.5-flash", genai.Text("hi"), cfg)

	_ = &api.ChatRequest{Model: "llama3", Options: map[string]any{"num_predict": 256}}
	_ = &api.GenerateRequest{Model: "llama3", Options: opts}
}

func ollamaLater() {
	req := &api.ChatRequest{Model: "llama3", Options: map[string]any{}}
	req.Options["num_predict"] = 128
}
