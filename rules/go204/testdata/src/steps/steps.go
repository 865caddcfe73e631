// Package steps has agent loops capped by a step limit that only counts
// when it is set: with a zero default the cap is off.
package steps

import (
	"context"
	"flag"

	"github.com/sashabaranov/go-openai"
)

func runTools(calls []openai.ToolCall) []openai.ChatCompletionMessage { return nil }

// Agent's MaxSteps is never given a default here: 0 unless configured.
type Agent struct {
	Client   *openai.Client
	MaxSteps int // 0 means no limit
}

func (a *Agent) Run(ctx context.Context, req openai.ChatCompletionRequest) error {
	steps := 0
	for { // want `loop in Run calls the model \(.*\) and runs the tools it asks for, capped by a.MaxSteps only when it is set: it is 0 unless configured, and 0 means no limit`
		if a.MaxSteps > 0 && steps >= a.MaxSteps {
			return nil
		}
		steps++
		resp, err := a.Client.CreateChatCompletion(ctx, req)
		if err != nil {
			return err
		}
		msg := resp.Choices[0].Message
		if len(msg.ToolCalls) == 0 {
			return nil
		}
		req.Messages = append(req.Messages, runTools(msg.ToolCalls)...)
	}
}

var maxTurns int

func init() { flag.IntVar(&maxTurns, "max-turns", 0, "model turns (0: no limit)") }

func loop(ctx context.Context, c *openai.Client, req openai.ChatCompletionRequest) {
	turns := 0
	for maxTurns == 0 || turns < maxTurns { // want `capped by maxTurns only when it is set`
		turns++
		resp, _ := c.CreateChatCompletion(ctx, req)
		if len(resp.Choices[0].Message.ToolCalls) == 0 {
			return
		}
		req.Messages = append(req.Messages, runTools(resp.Choices[0].Message.ToolCalls)...)
	}
}

// Bounded: the limit has a default (a flag default, a constructor).
var maxRounds int

func init() { flag.IntVar(&maxRounds, "max-rounds", 20, "model turns (0: no limit)") }

func bounded(ctx context.Context, c *openai.Client, req openai.ChatCompletionRequest) {
	rounds := 0
	for maxRounds <= 0 || rounds < maxRounds {
		rounds++
		resp, _ := c.CreateChatCompletion(ctx, req)
		if len(resp.Choices[0].Message.ToolCalls) == 0 {
			return
		}
		req.Messages = append(req.Messages, runTools(resp.Choices[0].Message.ToolCalls)...)
	}
}

type Runner struct {
	Client *openai.Client
	Limit  int
}

func NewRunner(c *openai.Client) *Runner { return &Runner{Client: c, Limit: 10} }

func (r *Runner) Run(ctx context.Context, req openai.ChatCompletionRequest) {
	n := 0
	for {
		if r.Limit != 0 && n >= r.Limit {
			return
		}
		n++
		resp, _ := r.Client.CreateChatCompletion(ctx, req)
		if len(resp.Choices[0].Message.ToolCalls) == 0 {
			return
		}
		req.Messages = append(req.Messages, runTools(resp.Choices[0].Message.ToolCalls)...)
	}
}

// Always bounded: no guard.
func (a *Agent) Capped(ctx context.Context, req openai.ChatCompletionRequest) {
	for i := 0; i < 10; {
		i++
		resp, _ := a.Client.CreateChatCompletion(ctx, req)
		if len(resp.Choices[0].Message.ToolCalls) == 0 {
			return
		}
	}
}
