package a

import (
	"context"
	"os/exec"

	"github.com/mark3labs/mcp-go/mcp"
)

// A shell tool runs its argument as it came: GO302 reports the tool, and
// this rule grades the flow to a note that says why.
func shellTool(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	line, _ := req.RequireString("line")
	exec.CommandContext(ctx, "bash", "-c", line).Run() // want `tool arguments reach command execution in exec.CommandContext, from MCP tool arguments \(source at graded.go:13\) \(a note, not an error: the tool runs its argument as it came, so it is a command runner by design`
	return nil, nil
}

// An argument spliced into the program's own command line is injection,
// and stays an error.
func gitLog(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	ref, _ := req.RequireString("ref")
	exec.CommandContext(ctx, "sh", "-c", "git log --oneline "+ref).Run() // want `tool arguments reach command execution in exec.CommandContext, from MCP tool arguments \(source at graded.go:21\)$`
	return nil, nil
}

// A path of more than ten calls: a note.
func deepTool(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	ref, _ := req.RequireString("ref")
	return nil, d1(ctx, ref) // want `tool arguments reach command execution in a.d1 → a.d2 → a.d3 → \(5 more calls\) → a.d9 → a.d10 → exec.CommandContext at graded.go:\d+, from MCP tool arguments \(source at graded.go:\d+\) \(a note, not an error: the path crosses 11 calls`
}

func d1(ctx context.Context, s string) error { return d2(ctx, s) }
func d2(ctx context.Context, s string) error { return d3(ctx, s) }
func d3(ctx context.Context, s string) error { return d4(ctx, s) }
func d4(ctx context.Context, s string) error { return d5(ctx, s) }
func d5(ctx context.Context, s string) error { return d6(ctx, s) }
func d6(ctx context.Context, s string) error { return d7(ctx, s) }
func d7(ctx context.Context, s string) error { return d8(ctx, s) }
func d8(ctx context.Context, s string) error { return d9(ctx, s) }
func d9(ctx context.Context, s string) error { return d10(ctx, s) }
func d10(ctx context.Context, s string) error {
	return exec.CommandContext(ctx, "sh", "-c", "git log "+s).Run()
}

// The same through four calls: an error.
func shallowTool(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	ref, _ := req.RequireString("ref")
	return nil, d7(ctx, ref) // want `tool arguments reach command execution in a.d7 → a.d8 → a.d9 → a.d10 → exec.CommandContext at graded.go:\d+, from MCP tool arguments \(source at graded.go:\d+\)$`
}
