package a

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"

	"example.com/wrap"
	anthropic "github.com/anthropics/anthropic-sdk-go"
	"github.com/ollama/ollama/api"
	"github.com/openai/openai-go/v3"
	"github.com/openai/openai-go/v3/responses"
	goopenai "github.com/sashabaranov/go-openai"
	"github.com/tmc/langchaingo/llms"
)

var client openai.Client

type chatRequest struct {
	Persona  string `json:"persona"`
	Question string `json:"question"`
	Tone     string `json:"tone"`
}

func openaiGo(w http.ResponseWriter, r *http.Request) {
	var req chatRequest
	json.NewDecoder(r.Body).Decode(&req)
	client.Chat.Completions.New(r.Context(), openai.ChatCompletionNewParams{
		Messages: []openai.ChatCompletionMessageParamUnion{
			openai.SystemMessage("You are " + req.Persona), // want `untrusted data reaches the system prompt in openai.SystemMessage, from the request body \(source at a.go:29\)`
			openai.UserMessage(req.Question),
		},
	})
}

// The user's text in the user turn, a fixed system prompt: silent.
func userTurn(w http.ResponseWriter, r *http.Request) {
	q := r.FormValue("q")
	client.Chat.Completions.New(r.Context(), openai.ChatCompletionNewParams{
		Messages: []openai.ChatCompletionMessageParamUnion{
			openai.SystemMessage("You are a helpful assistant."),
			openai.UserMessage(q),
		},
	})
}

// An enum check: silent.
func enum(w http.ResponseWriter, r *http.Request) {
	var req chatRequest
	json.NewDecoder(r.Body).Decode(&req)
	switch req.Tone {
	case "formal", "casual":
	default:
		http.Error(w, "bad tone", http.StatusBadRequest)
		return
	}
	openai.DeveloperMessage("Answer in a " + req.Tone + " tone.")
}

var personas = map[string]bool{"tutor": true, "critic": true}

// An allow-list check: silent.
func allowList(w http.ResponseWriter, r *http.Request) {
	p := r.FormValue("persona")
	if !personas[p] {
		return
	}
	openai.SystemMessage("You are a " + p)
}

func responsesAPI(r *http.Request) {
	client.Responses.New(r.Context(), responses.ResponseNewParams{
		Instructions: openai.String("Answer in the style of " + r.Header.Get("X-Style")), // want `system prompt in responses.ResponseNewParams.Instructions, from a request header`
	})
}

// go-openai: the role decides.
func goOpenAI(ctx context.Context, c *goopenai.Client, r *http.Request) {
	text := r.FormValue("text")
	c.CreateChatCompletion(ctx, goopenai.ChatCompletionRequest{
		Messages: []goopenai.ChatCompletionMessage{
			{Role: goopenai.ChatMessageRoleSystem, Content: "Summarize for " + text}, // want `system prompt in openai.ChatCompletionMessage.Content, from a form value`
			{Role: goopenai.ChatMessageRoleUser, Content: text},
		},
	})
	msg := goopenai.ChatCompletionMessage{Role: goopenai.ChatMessageRoleUser}
	msg.Content = text
	instr := "Act as " + text
	_ = goopenai.RunRequest{Instructions: instr} // want `system prompt in openai.RunRequest.Instructions`
}

// Model output fed back into the system prompt.
func modelOutput(ctx context.Context, c *goopenai.Client) {
	resp, _ := c.CreateChatCompletion(ctx, goopenai.ChatCompletionRequest{})
	next := resp.Choices[0].Message.Content
	c.CreateChatCompletion(ctx, goopenai.ChatCompletionRequest{
		Messages: []goopenai.ChatCompletionMessage{{Role: "system", Content: next}}, // want `from model output`
	})
}

func anthropicSystem(ctx context.Context, c *anthropic.Client, r *http.Request) {
	c.Messages.New(ctx, anthropic.MessageNewParams{
		System:   []anthropic.TextBlockParam{{Text: fmt.Sprintf("You act as the %s of the shop.", r.PathValue("role"))}}, // want `system prompt in anthropic.MessageNewParams.System, from a path parameter`
		Messages: []anthropic.MessageParam{anthropic.NewUserMessage(anthropic.NewTextBlock(r.FormValue("q")))},
	})
}

func ollamaSystem(ctx context.Context, c *api.Client, r *http.Request) {
	c.Generate(ctx, &api.GenerateRequest{
		Prompt: r.FormValue("q"),
		System: strings.TrimSpace(systemPrompt + r.FormValue("sys")), // want `system prompt in api.GenerateRequest.System`
	}, nil)
}

func langchain(ctx context.Context, llm llms.Model, r *http.Request) {
	q := r.FormValue("q")
	llm.GenerateContent(ctx, []llms.MessageContent{
		llms.TextParts(llms.ChatMessageTypeSystem, "You answer questions about "+q), // want `system prompt in llms.TextParts\(system\)`
		llms.TextParts(llms.ChatMessageTypeHuman, q),
	})
}

// A wrapper in another package puts its argument in the system prompt.
func crossPackage(ctx context.Context, c *goopenai.Client, r *http.Request) {
	wrap.Ask(ctx, c, "Reply in "+r.FormValue("lang"), "hi") // want `system prompt in wrap.Ask → openai.ChatCompletionMessage.Content at wrap.go:\d+, from a form value`
	wrap.Ask(ctx, c, r.FormValue("system"), "hi")           // the caller's own system text, passed through
	wrap.Ask(ctx, c, "You are terse.", r.FormValue("q"))
}

var systemPrompt = loadPrompt()

func loadPrompt() string { return "You are the shop's assistant." }

// An OpenAI-compatible endpoint in front of a local model: the caller's
// messages, system text included, are passed through as they came. The
// caller talking to the model, not an injection (issue 11).
func compatEndpoint(ctx context.Context, c *goopenai.Client, a *anthropic.Client, r *http.Request) {
	var in struct {
		System   string
		Messages []struct{ Role, Content string }
	}
	json.NewDecoder(r.Body).Decode(&in)
	var msgs []goopenai.ChatCompletionMessage
	for _, m := range in.Messages {
		msgs = append(msgs, goopenai.ChatCompletionMessage{Role: m.Role, Content: m.Content})
		if m.Role == "system" {
			msgs = append(msgs, goopenai.ChatCompletionMessage{Role: goopenai.ChatMessageRoleSystem, Content: m.Content + "\n"})
		}
	}
	c.CreateChatCompletion(ctx, goopenai.ChatCompletionRequest{Messages: msgs})
	a.Messages.New(ctx, anthropic.MessageNewParams{System: []anthropic.TextBlockParam{{Text: in.System}}})
}

// The same endpoint, writing its own system prompt around the caller's
// text: an injection into the program's prompt.
func compatSpliced(ctx context.Context, a *anthropic.Client, r *http.Request) {
	var in struct{ System string }
	json.NewDecoder(r.Body).Decode(&in)
	var b strings.Builder
	b.WriteString("Follow the shop's policy. ")
	b.WriteString(in.System)
	a.Messages.New(ctx, anthropic.MessageNewParams{System: []anthropic.TextBlockParam{{Text: b.String()}}}) // want `system prompt in anthropic.MessageNewParams.System, from the request body`
}
