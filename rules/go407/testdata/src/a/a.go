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

// A parser of the package that reads each argument with the checked
// assertion and refuses a missing one is the handler's check; one that
// asserts without checking is not.
type fetchParams struct {
	URL     string
	Timeout float64
}

func parseFetch(args map[string]any) (*fetchParams, error) {
	u, ok := args["url"].(string)
	if !ok || u == "" {
		return nil, errorf("url is required")
	}
	p := &fetchParams{URL: u, Timeout: 30}
	if t, ok := args["timeout"].(float64); ok {
		p.Timeout = t
	}
	return p, nil
}

func parseFetchLoose(args map[string]any) (*fetchParams, error) {
	return &fetchParams{URL: args["url"].(string)}, nil
}

type errString string

func (e errString) Error() string { return string(e) }

func errorf(s string) error { return errString(s) }

func Parsers() {
	s := server.NewMCPServer("fetch", "1.0.0")
	s.AddTool(mcp.NewTool("fetch"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		p, err := parseFetch(req.GetArguments())
		if err != nil {
			return nil, err
		}
		_ = p
		return nil, nil
	})
	s.AddTool(mcp.NewTool("fetch_loose"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		p, err := parseFetchLoose(req.GetArguments()) // want `tool "fetch_loose" uses its arguments without a check`
		_, _ = p, err
		return nil, nil
	})
}
