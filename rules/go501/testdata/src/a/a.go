// Fixtures for GO501. Every "key" below is fake: the bodies are made of
// EXAMPLE and counting characters, and each one is split into constant
// pieces ("sk-" + "proj-…") so that secret scanners such as GitHub push
// protection, which look at the text, do not mistake this file for a leak.
// The rule evaluates constant expressions, so it still sees whole keys.
package a

import (
	"context"
	"net/http"
	"os"

	anthropic "github.com/anthropics/anthropic-sdk-go"
	aoption "github.com/anthropics/anthropic-sdk-go/option"
	"github.com/openai/openai-go/v3"
	"github.com/openai/openai-go/v3/option"
	goopenai "github.com/sashabaranov/go-openai"
	"google.golang.org/genai"
)

const openaiKey = "sk-" + "proj-EXAMPLE0123456789abcdefghijKLMNOPQRSTUVWXYZ" // want `OpenAI API key "sk-proj-…" \(51 characters\) written in source`

func openaiClient() openai.Client {
	return openai.NewClient(option.WithAPIKey(openaiKey)) // reported once, at the constant
}

func anthropicClient() anthropic.Client {
	return anthropic.NewClient(aoption.WithAPIKey("sk-" + "ant-api03-EXAMPLE0123456789abcdefghijKLMNOPQRSTUVWXYZ-_")) // want `Anthropic API key "sk-ant-api03-…" \(58 characters\) written in source`
}

var googleKey = ("AI" + "za" + "EXAMPLE-0123456789_abcdefghijklmnop") // want `Google AI API key "AIza…" \(39 characters\) written in source`

func header(r *http.Request) {
	r.Header.Set("Authorization", "Bearer "+"hf_"+"EXAMPLE0123456789abcdefghijklmnopq") // want `Hugging Face API key "hf_…" \(37 characters\)`
}

var keys = map[string]string{
	"groq":      "gsk" + "_EXAMPLE0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHI", // want `Groq API key "gsk_…"`
	"replicate": "r8" + "_EXAMPLE0123456789abcdefghijklmnopqrst",                 // want `Replicate API key "r8_…"`
}

// A key with no known format, passed where a client takes its key.
func goOpenAI() *goopenai.Client {
	return goopenai.NewClient("Zq9v3Lr8Tn2Wk5Hy7Bd4Mf6P") // want `API key passed to NewClient is a constant written in source \(24 characters\)`
}

func genaiClient(ctx context.Context) (*genai.Client, error) {
	return genai.NewClient(ctx, &genai.ClientConfig{APIKey: "Qm4Tx8Vb2Nc6Rz1Lp9Kd3Hs"}) // want `API key passed to ClientConfig.APIKey is a constant`
}

// Silent: keys read at run time, placeholders, and strings that only look
// a bit like keys.
func silent(ctx context.Context) {
	_ = openai.NewClient(option.WithAPIKey(os.Getenv("OPENAI_API_KEY")))
	_ = openai.NewClient(option.WithAPIKey(""))
	_ = openai.NewClient(option.WithAPIKey("your-api-key"))
	_ = openai.NewClient(option.WithAPIKey("<OPENAI_API_KEY>"))
	_ = openai.NewClient(option.WithAPIKey("OPENAI_API_KEY"))
	_ = openai.NewClient(option.WithAPIKey("sk-" + "proj-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"))
	_ = anthropic.NewClient(aoption.WithAPIKey("test"))
	_ = goopenai.NewClient("ollama")
	_ = goopenai.DefaultConfig("sk-no-key-required")
	_ = goopenai.DefaultConfig("EMPTY")
	_, _ = genai.NewClient(ctx, &genai.ClientConfig{APIKey: "dummy-key-for-local-tests-1234"})
	_ = "task-0123456789abcdefghijklmnopqrstuvwxyz"       // "sk-" inside a word
	_ = "sk-" + "short"                                   // too short for a key
	_ = "AI" + "zaSyShort"                                // too short for a Google key
	_ = "hf_" + "EXAMPLE0123456789abcdefghijklmnopq_more" // longer than a Hugging Face token
}
