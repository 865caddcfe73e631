// Package a builds an mcp-go server without input schema validation.
package a

import (
	"context"
	"os/exec"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

type shellArgs struct {
	Command string `json:"command"`
}

func Main() {
	s := server.NewMCPServer("ops", "1.0.0", server.WithRecovery())

	s.AddTool(mcp.NewTool("run"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		cmd := req.GetArguments()["command"].(string) // want `tool "run" uses its arguments without a check \(type-asserted\), and its server \(server.NewMCPServer at a.go:17\) does not validate arguments against the input schema`
		_ = exec.Command("sh", "-c", cmd).Run()
		return nil, nil
	})

	s.AddTool(mcp.NewTool("rows"), rows)
	s.AddTools(server.ServerTool{Tool: mcp.NewTool("limit"), Handler: limit})
	_ = s.AddSessionTool("session-1", mcp.NewTool("raw"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		for k := range req.GetRawArguments().(map[string]any) { // want `tool "raw" uses its arguments without a check \(type-asserted\)`
			_ = k
		}
		return nil, nil
	})

	// Silent: typed reads that check presence and type, typed binding,
	// typed handlers, checked assertions, a handler that validates.
	s.AddTool(mcp.NewTool("require"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		path, err := req.RequireString("path")
		if err != nil {
			return nil, err
		}
		_ = path
		return nil, nil
	})
	s.AddTool(mcp.NewTool("bind"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		var a shellArgs
		if err := req.BindArguments(&a); err != nil {
			return nil, err
		}
		return nil, nil
	})
	s.AddTool(mcp.NewTool("typed"), mcp.NewTypedToolHandler(func(ctx context.Context, req mcp.CallToolRequest, a shellArgs) (*mcp.CallToolResult, error) {
		return nil, nil
	}))
	s.AddTool(mcp.NewTool("checked"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		args, ok := req.Params.Arguments.(map[string]any)
		if !ok {
			return nil, nil
		}
		if q, ok := args["query"].(string); ok {
			_ = q
		}
		return nil, nil
	})
	s.AddTool(mcp.NewTool("validated"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		a := shellArgs{Command: req.GetString("command", "")}
		if err := a.Validate(); err != nil {
			return nil, err
		}
		return nil, nil
	})
	_ = server.ServeStdio(s)
}

func (a shellArgs) Validate() error { return nil }

// A named handler: Params.Arguments asserted to a map, then an element
// passed on.
func rows(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	args := req.Params.Arguments.(map[string]any) // want `tool "rows" uses its arguments without a check \(type-asserted\)`
	query(args["table"])
	return nil, nil
}

func query(v any) {}

// Get helpers that default silently.
func limit(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	n := req.GetInt("limit", 10) // want `tool "limit" reads argument "limit" with GetInt, which turns a missing or mistyped value into the default`
	_ = n
	return nil, nil
}
