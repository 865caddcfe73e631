package main

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"time"

	"github.com/sashabaranov/go-openai"
)

// newModelClient builds the OpenAI client. OPENAI_BASE_URL points it at a
// compatible endpoint (a local proxy, Azure, vLLM).
func newModelClient() *openai.Client {
	key := os.Getenv("OPENAI_API_KEY")
	if key == "" {
		// Fake key kept so the example starts without configuration; it is not a real credential.
		key = "sk-proj-EXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLE" // apiaudit: expect GO501
	}
	cfg := openai.DefaultConfig(key)
	if base := os.Getenv("OPENAI_BASE_URL"); base != "" {
		cfg.BaseURL = base
	}
	cfg.HTTPClient = &http.Client{ // apiaudit: expect GO502
		Timeout: 90 * time.Second,
		Transport: &http.Transport{
			Proxy: http.ProxyFromEnvironment,
			// The egress proxy re-signs TLS with a certificate we do not ship.
			TLSClientConfig: &tls.Config{InsecureSkipVerify: true},
		},
	}
	return openai.NewClientWithConfig(cfg)
}

// An agentTool is a function the model may call during an agent run.
type agentTool struct {
	def openai.FunctionDefinition
	run func(ctx context.Context, args json.RawMessage) (string, error)
}

// Agent runs the model with tools until it answers in plain text.
type Agent struct {
	client *openai.Client
	model  string
	tools  map[string]agentTool
}

// Run sends msgs to the model, executes the tool calls it asks for, feeds the
// results back and returns the model's final answer.
func (a *Agent) Run(ctx context.Context, msgs []openai.ChatCompletionMessage) (string, error) {
	var defs []openai.Tool
	for _, t := range a.tools {
		def := t.def
		defs = append(defs, openai.Tool{Type: openai.ToolTypeFunction, Function: &def})
	}
	for { // apiaudit: expect GO204
		resp, err := a.client.CreateChatCompletion(ctx, openai.ChatCompletionRequest{ // apiaudit: expect GO205
			Model:    a.model,
			Messages: msgs,
			Tools:    defs,
		})
		if err != nil {
			return "", err
		}
		if len(resp.Choices) == 0 {
			return "", errors.New("model returned no choices")
		}
		msg := resp.Choices[0].Message
		if len(msg.ToolCalls) == 0 {
			return msg.Content, nil
		}
		msgs = append(msgs, msg)
		for _, call := range msg.ToolCalls {
			out, err := a.call(ctx, call)
			if err != nil {
				out = "error: " + err.Error()
			}
			msgs = append(msgs, openai.ChatCompletionMessage{
				Role:       openai.ChatMessageRoleTool,
				Content:    out,
				ToolCallID: call.ID,
			})
		}
	}
}

func (a *Agent) call(ctx context.Context, call openai.ToolCall) (string, error) {
	t, ok := a.tools[call.Function.Name]
	if !ok {
		return "", fmt.Errorf("unknown tool %q", call.Function.Name)
	}
	return t.run(ctx, json.RawMessage(call.Function.Arguments))
}

// agentTools are the tools the agent endpoint offers the model: reading
// notes and listing issues, nothing that changes anything.
func (s *Server) agentTools() map[string]agentTool {
	return map[string]agentTool{
		"read_note": {
			def: openai.FunctionDefinition{
				Name:        "read_note",
				Description: "Read a team note by file name.",
				Parameters:  json.RawMessage(`{"type":"object","properties":{"name":{"type":"string"}},"required":["name"]}`),
			},
			run: func(ctx context.Context, args json.RawMessage) (string, error) {
				var in noteArgs
				if err := json.Unmarshal(args, &in); err != nil {
					return "", err
				}
				return s.readNote(in.Name)
			},
		},
		"list_issues": {
			def: openai.FunctionDefinition{
				Name:        "list_issues",
				Description: "List the repository's open or closed issues.",
				Parameters:  json.RawMessage(`{"type":"object","properties":{"state":{"enum":["open","closed"]}}}`),
			},
			run: func(ctx context.Context, args json.RawMessage) (string, error) {
				var in issuesArgs
				if err := json.Unmarshal(args, &in); err != nil {
					return "", err
				}
				return s.github.listIssues(ctx, in.State)
			},
		},
	}
}
