package a

import (
	"context"
	"database/sql"
	"html/template"
	"net/http"
	"os"
	"os/exec"
	"strconv"

	"example.com/wrap"
	anthropic "github.com/anthropics/anthropic-sdk-go"
	"github.com/ollama/ollama/api"
	"github.com/openai/openai-go/v3"
	goopenai "github.com/sashabaranov/go-openai"
	"github.com/tmc/langchaingo/llms"
)

func sqlFromModel(ctx context.Context, c *goopenai.Client, db *sql.DB) {
	resp, _ := c.CreateChatCompletion(ctx, goopenai.ChatCompletionRequest{})
	query := resp.Choices[0].Message.Content
	db.Query(query) // want `model output reaches a SQL statement in DB.Query, from model output \(source at a.go:21\)`
	n, _ := strconv.Atoi(query)
	db.Query("SELECT * FROM t LIMIT " + strconv.Itoa(n))
	db.Query("SELECT * FROM t WHERE name = ?", query)
}

func urlFromModel(ctx context.Context, c *openai.Client, w http.ResponseWriter, r *http.Request) {
	resp, _ := c.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{})
	link := resp.Choices[0].Message.Content
	http.Get(link)                   // want `model output reaches an outbound URL in http.Get`
	http.Redirect(w, r, link, 302)   // want `a redirect in http.Redirect`
	_ = template.HTML(link)          // want `unescaped HTML in template.HTML`
	os.WriteFile(link, nil, 0o644)   // want `a file path in os.WriteFile`
	exec.Command("bash", "-c", link) // want `command execution in exec.Command`
}

func anthropicOut(ctx context.Context, c *anthropic.Client) {
	msg, _ := c.Messages.New(ctx, anthropic.MessageNewParams{})
	path := msg.Content[0].AsText().Text
	os.Remove(path) // want `a file path in os.Remove, from model output`
}

func ollamaOut(ctx context.Context, c *api.Client) {
	c.Chat(ctx, &api.ChatRequest{}, func(resp api.ChatResponse) error {
		exec.Command(resp.Message.Content).Run() // want `command execution in exec.Command, from model output`
		return nil
	})
}

func langchainOut(ctx context.Context, llm llms.Model, db *sql.DB) {
	resp, _ := llm.GenerateContent(ctx, nil)
	db.Exec(resp.Choices[0].Content) // want `a SQL statement in DB.Exec`
	answer, _ := llms.GenerateFromSinglePrompt(ctx, llm, "pick a file")
	os.Open(answer) // want `a file path in os.Open`
}

// Tool-call arguments reaching exec are GO307's.
func toolCall(ctx context.Context, c *goopenai.Client) {
	resp, _ := c.CreateChatCompletion(ctx, goopenai.ChatCompletionRequest{})
	for _, tc := range resp.Choices[0].Message.ToolCalls {
		exec.Command(tc.Function.Arguments)
		os.ReadFile(tc.Function.Arguments) // want `a file path in os.ReadFile, from model output`
	}
}

var allowed = map[string]bool{"list": true, "status": true}

// Checked against an allow-list: silent.
func checked(ctx context.Context, c *goopenai.Client) {
	resp, _ := c.CreateChatCompletion(ctx, goopenai.ChatCompletionRequest{})
	action := resp.Choices[0].Message.Content
	if !allowed[action] {
		return
	}
	exec.Command("/usr/local/bin/" + action)
}

func crossPackage(ctx context.Context, c *openai.Client, db *sql.DB) {
	sqlText := wrap.Complete(ctx, c, "write a query")
	db.Query(sqlText) // want `a SQL statement in DB.Query, from model output \(source at a.go:\d+\)`
}
