// Package gate is an agent loop, as kubectl-ai writes one: the model's
// tool calls go to a bash tool, and the loop puts the ones that change
// something to the user first, unless a flag skips the question.
package gate

import (
	"context"
	"encoding/json"
	"os/exec"

	"github.com/mark3labs/mcp-go/mcp"
	goopenai "github.com/sashabaranov/go-openai"
)

// Tool is the program's tool interface.
type Tool interface {
	Name() string
	Description() string
	Run(ctx context.Context, args map[string]any) (string, error)
}

// Bash runs the model's command line (with a PATH of its own in front).
type Bash struct{}

func (Bash) Name() string        { return "bash" }
func (Bash) Description() string { return "runs a command" }
func (Bash) Run(ctx context.Context, args map[string]any) (string, error) {
	line, _ := args["command"].(string)
	out, err := exec.CommandContext(ctx, "sh", "-c", "export PATH=/opt/bin:$PATH; "+line).Output()
	return string(out), err
}

// ChoiceRequest is a question put to the user; ChoiceResponse the answer.
type ChoiceRequest struct {
	Prompt  string
	Options []string
}

type ChoiceResponse struct{ Choice int }

type Agent struct {
	SkipPermissions bool
	Input           chan any
	Output          chan any
}

// dispatch runs each tool call with the bash tool.
func (a *Agent) dispatch(ctx context.Context, calls []map[string]any) error {
	for _, args := range calls {
		if _, err := (Bash{}).Run(ctx, args); err != nil {
			return err
		}
	}
	return nil
}

// parse reads the tool calls of the model's answer.
func parse(resp goopenai.ChatCompletionResponse) []map[string]any {
	var calls []map[string]any
	for _, tc := range resp.Choices[0].Message.ToolCalls {
		var args map[string]any
		json.Unmarshal([]byte(tc.Function.Arguments), &args)
		calls = append(calls, args)
	}
	return calls
}

func (a *Agent) handleChoice(r *ChoiceResponse) bool { return r.Choice == 1 }

func (a *Agent) loop(ctx context.Context, c *goopenai.Client) {
	for {
		resp, _ := c.CreateChatCompletion(ctx, goopenai.ChatCompletionRequest{})
		calls := parse(resp)
		if !a.SkipPermissions && len(calls) > 0 {
			a.Output <- &ChoiceRequest{Prompt: "run these commands?", Options: []string{"yes", "no"}}
			choice := (<-a.Input).(*ChoiceResponse)
			ok := a.handleChoice(choice)
			if ok {
				a.dispatch(ctx, calls) // want `tool arguments reach command execution .*\(a note, not an error: the call runs only after the user has answered a confirmation request \(a.handleChoice\(…choice\)\)`
			}
			continue
		}
		a.dispatch(ctx, calls) // want `tool arguments reach command execution .*\(a warning, not an error: the program asks the user before it runs these tool calls \(ChoiceRequest\), but a.SkipPermissions skips the question: with it set, the model.s commands run unasked\)$`
	}
}

// noGate runs the model's tool calls as they come: no one is asked.
func (a *Agent) noGate(ctx context.Context, c *goopenai.Client) {
	resp, _ := c.CreateChatCompletion(ctx, goopenai.ChatCompletionRequest{})
	for _, tc := range resp.Choices[0].Message.ToolCalls {
		exec.Command("sh", "-c", "kubectl get "+tc.Function.Arguments).Run() // want `from tool-call arguments the model wrote \(source at gate.go:\d+\)$`
	}
}

// serve hands an MCP client's tool call whole to the bash tool: GO302
// reports the tool; this flow is a note.
func serve(ctx context.Context, req mcp.CallToolRequest, t Tool) (string, error) {
	args, _ := req.Params.Arguments.(map[string]any)
	return (Bash{}).Run(ctx, args) // want `tool arguments reach command execution in Bash.Run → exec.CommandContext at gate.go:\d+, from MCP tool arguments \(source at gate.go:\d+\) \(a note, not an error: the tool call is handed as it came to tool Bash`
}
