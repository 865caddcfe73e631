package a

import (
	"context"
	"os"

	goopenai "github.com/sashabaranov/go-openai"
)

// The model's answer reaches a path through five calls: a note that says
// why; through four, an error.
func step1(p string) { step2(p) }
func step2(p string) { step3(p) }
func step3(p string) { step4(p) }
func step4(p string) { os.Remove(p) }

func removeFar(ctx context.Context, c *goopenai.Client) {
	resp, _ := c.CreateChatCompletion(ctx, goopenai.ChatCompletionRequest{})
	step1(resp.Choices[0].Message.Content) // want `model output reaches a file path in a.step1 → a.step2 → a.step3 → a.step4 → os.Remove at grades.go:\d+, from model output .* \(a note, not an error: the path crosses 5 calls`
}

func near1(p string) { near2(p) }
func near2(p string) { near3(p) }
func near3(p string) { os.RemoveAll(p) }

func removeNear(ctx context.Context, c *goopenai.Client) {
	resp, _ := c.CreateChatCompletion(ctx, goopenai.ChatCompletionRequest{})
	near1(resp.Choices[0].Message.Content) // want `model output reaches a file path in a.near1 → a.near2 → a.near3 → os.RemoveAll at grades.go:\d+, from model output \(source at grades.go:\d+\)$`
}

// The answer is kept in the agent's history; the save that follows writes
// the agent's configured file: a note, through the object's state.
type agentCfg struct {
	file    string
	history []string
}

type agent struct{ cfg *agentCfg }

type runner struct{ a *agent }

func (rn *runner) remember(s string) { rn.a.cfg.history = append(rn.a.cfg.history, s) }

func (rn *runner) save() { os.WriteFile(rn.a.cfg.file, nil, 0o600) }

func (rn *runner) turn(ctx context.Context, c *goopenai.Client) {
	resp, _ := c.CreateChatCompletion(ctx, goopenai.ChatCompletionRequest{})
	rn.remember(resp.Choices[0].Message.Content)
	rn.save() // want `model output reaches a file path in runner.save → os.WriteFile at grades.go:\d+, from model output .* \(a note, not an error: the data gets there only through an object's state`
}
