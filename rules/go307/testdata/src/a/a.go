package a

import (
	"context"
	"os/exec"
	"strconv"

	"example.com/wrap"
	"github.com/mark3labs/mcp-go/mcp"
	gosdk "github.com/modelcontextprotocol/go-sdk/mcp"
	goopenai "github.com/sashabaranov/go-openai"
)

func runTool(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	cmd, _ := req.RequireString("command")
	out, err := exec.CommandContext(ctx, "sh", "-c", cmd).Output() // want `tool arguments reach command execution in exec.CommandContext, from MCP tool arguments \(source at a.go:15\)`
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(string(out)), nil
}

// A fixed program with the argument after it, a constant command, a parsed number: silent.
func safeTool(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	exec.CommandContext(ctx, "git", "log", req.GetString("path", "."))
	exec.Command("uptime")
	n, _ := strconv.Atoi(req.GetString("n", "1"))
	exec.Command("sh", "-c", "sleep "+strconv.Itoa(n))
	return nil, nil
}

var checks = map[string]string{"disk": "df -h"}

func allowList(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	name := req.GetString("check", "")
	if _, ok := checks[name]; !ok {
		return nil, nil
	}
	exec.Command("sh", "-c", "run-check "+name)
	return nil, nil
}

func rawArgs(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	args := req.GetArguments()
	prog, _ := args["program"].(string)
	exec.Command(prog) // want `tool arguments reach command execution in exec.Command`
	return nil, nil
}

// Tool calls in a model's answer.
func dispatch(ctx context.Context, c *goopenai.Client) {
	resp, _ := c.CreateChatCompletion(ctx, goopenai.ChatCompletionRequest{})
	for _, tc := range resp.Choices[0].Message.ToolCalls {
		exec.Command("bash", "-c", tc.Function.Arguments) // want `from tool-call arguments the model wrote`
	}
}

// A langchaingo tool: its input is chosen by the model.
type Shell struct{}

func (Shell) Name() string        { return "shell" }
func (Shell) Description() string { return "runs a command" }
func (Shell) Call(ctx context.Context, input string) (string, error) {
	out, err := exec.Command("sh", "-c", input).Output() // want `from the tool's input`
	return string(out), err
}

// A wrapper in another package runs the shell.
func viaWrapper(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	wrap.Run(ctx, req.GetString("cmd", "")) // want `tool arguments reach command execution in wrap.Run → exec.CommandContext at wrap.go:\d+`
	return nil, nil
}

type testArgs struct {
	Package string `json:"package"`
}

type server struct{ dir string }

// A go-sdk typed handler written as a closure, its input concatenated into
// a shell script.
func (s *server) register(srv *gosdk.Server) {
	gosdk.AddTool(srv, &gosdk.Tool{Name: "run_tests"}, func(ctx context.Context, req *gosdk.CallToolRequest, in testArgs) (*gosdk.CallToolResult, any, error) {
		cmd := exec.CommandContext(ctx, "sh", "-c", "go test "+in.Package) // want `tool arguments reach command execution`
		cmd.Dir = s.dir
		_, err := cmd.Output()
		return nil, nil, err
	})
}
