package a

import (
	"context"
	"os/exec"

	"github.com/mark3labs/mcp-go/mcp"
)

// A shell tool runs its argument as it came: GO302 reports the tool, and
// this rule grades the flow to a warning that says why.
func shellTool(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	line, _ := req.RequireString("line")
	exec.CommandContext(ctx, "bash", "-c", line).Run() // want `tool arguments reach command execution in exec.CommandContext, from MCP tool arguments \(source at graded.go:13\) \(a warning, not an error: the tool runs its argument as it came, so it is a command runner by design`
	return nil, nil
}

// An argument spliced into the program's own command line is injection,
// and stays an error.
func gitLog(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	ref, _ := req.RequireString("ref")
	exec.CommandContext(ctx, "sh", "-c", "git log --oneline "+ref).Run() // want `tool arguments reach command execution in exec.CommandContext, from MCP tool arguments \(source at graded.go:21\)$`
	return nil, nil
}
