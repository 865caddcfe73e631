package a

import (
	"context"
	"errors"
	"time"

	"github.com/anthropics/anthropic-sdk-go"
	"github.com/firebase/genkit/go/ai"
	"github.com/firebase/genkit/go/genkit"
	"github.com/sashabaranov/go-openai"
	"github.com/tmc/langchaingo/agents"
)

// SDK loops.

func runner(ctx context.Context, client *anthropic.Client, tools []anthropic.BetaTool) {
	r := client.Beta.Messages.NewToolRunner(tools, anthropic.BetaToolRunnerParams{ // want `NewToolRunner runs tools with no MaxIterations`
		BetaMessageNewParams: anthropic.BetaMessageNewParams{MaxTokens: 1024},
	})
	_, _ = r.RunToCompletion(ctx)

	params := anthropic.BetaToolRunnerParams{MaxIterations: 0}
	_ = client.Beta.Messages.NewToolRunnerStreaming(tools, params) // want `NewToolRunnerStreaming runs tools with no MaxIterations`
}

func langchain(agent agents.Agent) {
	_ = agents.NewExecutor(agent, agents.WithMaxIterations(1000)) // want `agents.WithMaxIterations\(1000\) allows more than 25 model turns`
	ex := agents.NewExecutor(agent)
	ex.MaxIterations = 500 // want `ex.MaxIterations 500 is above the cap of 25 model turns`
}

func genkitTurns(ctx context.Context, g *genkit.Genkit) {
	_, _ = genkit.Generate(ctx, g, ai.WithPrompt("hi"), ai.WithMaxTurns(100)) // want `ai.WithMaxTurns\(100\) allows more than 25 model turns`
}

// Silent SDK loops: capped, or configured elsewhere.

func cappedRunner(ctx context.Context, client *anthropic.Client, tools []anthropic.BetaTool, given anthropic.BetaToolRunnerParams) {
	_ = client.Beta.Messages.NewToolRunner(tools, anthropic.BetaToolRunnerParams{MaxIterations: 10})

	p := anthropic.BetaToolRunnerParams{}
	p.MaxIterations = 8
	_ = client.Beta.Messages.NewToolRunner(tools, p)

	r := client.Beta.Messages.NewToolRunner(tools, anthropic.BetaToolRunnerParams{})
	r.Params.MaxIterations = 12
	_, _ = r.RunToCompletion(ctx)

	_ = client.Beta.Messages.NewToolRunner(tools, given)
}

func fewTurns(ctx context.Context, g *genkit.Genkit, agent agents.Agent) {
	_ = agents.NewExecutor(agent, agents.WithMaxIterations(10))
	_, _ = genkit.Generate(ctx, g, ai.WithMaxTurns(8))
}

// Hand-written loops.

func runTools(calls []openai.ToolCall) []openai.ChatCompletionMessage { return nil }

func forever(ctx context.Context, c *openai.Client, req openai.ChatCompletionRequest) error {
	for { // want `loop in forever calls the model \(\(github.com/sashabaranov/go-openai.Client\).CreateChatCompletion\) and runs the tools it asks for with no iteration cap or deadline`
		resp, err := c.CreateChatCompletion(ctx, req)
		if err != nil {
			return err
		}
		msg := resp.Choices[0].Message
		if len(msg.ToolCalls) == 0 {
			return nil
		}
		req.Messages = append(req.Messages, msg)
		req.Messages = append(req.Messages, runTools(msg.ToolCalls)...)
	}
}

func ask(ctx context.Context, c *openai.Client, req openai.ChatCompletionRequest) openai.ChatCompletionMessage {
	resp, _ := c.CreateChatCompletion(ctx, req)
	return resp.Choices[0].Message
}

func dispatch(msg openai.ChatCompletionMessage) []openai.ChatCompletionMessage {
	var out []openai.ChatCompletionMessage
	for _, call := range msg.ToolCalls {
		out = append(out, openai.ChatCompletionMessage{Role: "tool", ToolCallID: call.ID})
	}
	return out
}

func whileTools(ctx context.Context, c *openai.Client, req openai.ChatCompletionRequest) {
	msg := ask(ctx, c, req)
	turns := 0
	for len(msg.ToolCalls) > 0 { // want `loop in whileTools calls the model \(ask → .*CreateChatCompletion\)`
		turns++ // counted, but never checked
		req.Messages = append(req.Messages, dispatch(msg)...)
		msg = ask(ctx, c, req)
	}
	_ = turns
}

// Silent hand-written loops.

func counted(ctx context.Context, c *openai.Client, req openai.ChatCompletionRequest) error {
	for turn := 0; turn < 10; turn++ {
		msg := ask(ctx, c, req)
		if len(msg.ToolCalls) == 0 {
			return nil
		}
		req.Messages = append(req.Messages, dispatch(msg)...)
	}
	return errors.New("too many turns")
}

func breaksOnCounter(ctx context.Context, c *openai.Client, req openai.ChatCompletionRequest) error {
	turns := 0
	for {
		msg := ask(ctx, c, req)
		if len(msg.ToolCalls) == 0 {
			return nil
		}
		req.Messages = append(req.Messages, dispatch(msg)...)
		turns++
		if turns >= 10 {
			return errors.New("too many turns")
		}
	}
}

func counterInCond(ctx context.Context, c *openai.Client, req openai.ChatCompletionRequest) {
	msg := ask(ctx, c, req)
	for n := 0; len(msg.ToolCalls) > 0 && n < 10; {
		req.Messages = append(req.Messages, dispatch(msg)...)
		msg = ask(ctx, c, req)
		n++
	}
	left := 10
	for left > 0 && len(msg.ToolCalls) > 0 {
		left--
		req.Messages = append(req.Messages, dispatch(msg)...)
		msg = ask(ctx, c, req)
	}
}

func withDeadline(ctx context.Context, c *openai.Client, req openai.ChatCompletionRequest) {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	for {
		msg := ask(ctx, c, req)
		if len(msg.ToolCalls) == 0 {
			return
		}
		req.Messages = append(req.Messages, dispatch(msg)...)
	}
}

// chat loops over user turns: it calls the model but runs no tools.
func chat(ctx context.Context, c *openai.Client, req openai.ChatCompletionRequest, in <-chan string) {
	for {
		text, ok := <-in
		if !ok {
			return
		}
		req.Messages = append(req.Messages, openai.ChatCompletionMessage{Role: "user", Content: text})
		resp, _ := c.CreateChatCompletion(ctx, req)
		_ = resp.Choices[0].Message.Content
	}
}
