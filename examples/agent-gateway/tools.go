package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"

	"github.com/modelcontextprotocol/go-sdk/mcp"
)

type noteArgs struct {
	Name string `json:"name" jsonschema:"file name of the note, e.g. oncall.md"`
}

type issuesArgs struct {
	State string `json:"state,omitempty" jsonschema:"open (the default) or closed"`
}

type testArgs struct {
	Package string `json:"package" jsonschema:"Go package pattern to test, e.g. ./billing/..."`
}

// mcpServer is the tool server IDE agents connect to at /mcp.
func (s *Server) mcpServer() *mcp.Server {
	srv := mcp.NewServer(&mcp.Implementation{Name: "agent-gateway", Version: "0.3.0"}, nil)

	mcp.AddTool(srv, &mcp.Tool{
		Name:        "read_note",
		Description: "Read a team note (runbooks, on-call handover) by file name.",
		Annotations: &mcp.ToolAnnotations{ReadOnlyHint: true, OpenWorldHint: new(false)},
	}, func(ctx context.Context, req *mcp.CallToolRequest, in noteArgs) (*mcp.CallToolResult, any, error) {
		text, err := s.readNote(in.Name)
		return textResult(text), nil, err
	})

	mcp.AddTool(srv, &mcp.Tool{
		Name:        "list_issues",
		Description: "List the repository's GitHub issues.",
		Annotations: &mcp.ToolAnnotations{ReadOnlyHint: true},
	}, func(ctx context.Context, req *mcp.CallToolRequest, in issuesArgs) (*mcp.CallToolResult, any, error) {
		text, err := s.github.listIssues(ctx, in.State)
		return textResult(text), nil, err
	})

	mcp.AddTool(srv, &mcp.Tool{
		Name:        "clear_cache",
		Description: "Drop cached tool results so the next calls see fresh data.",
		Annotations: &mcp.ToolAnnotations{ReadOnlyHint: true}, // apiaudit: expect GO301
	}, func(ctx context.Context, req *mcp.CallToolRequest, _ struct{}) (*mcp.CallToolResult, any, error) {
		cache := filepath.Join(s.cfg.DataDir, "cache")
		if err := os.RemoveAll(cache); err != nil {
			return nil, nil, err
		}
		return textResult("cache cleared"), nil, os.MkdirAll(cache, 0o750)
	})

	mcp.AddTool(srv, &mcp.Tool{
		Name:        "run_tests",
		Description: "Run the Go tests of a package in the workspace and return the output.",
		Annotations: &mcp.ToolAnnotations{Title: "Run tests", DestructiveHint: new(true)},
	}, func(ctx context.Context, req *mcp.CallToolRequest, in testArgs) (*mcp.CallToolResult, any, error) {
		cmd := exec.CommandContext(ctx, "sh", "-c", "go test -count=1 "+in.Package+" 2>&1") // apiaudit: expect GO307
		cmd.Dir = filepath.Join(s.cfg.DataDir, "workspace")
		out, err := cmd.Output()
		if err != nil {
			return &mcp.CallToolResult{IsError: true, Content: []mcp.Content{&mcp.TextContent{Text: string(out)}}}, nil, nil
		}
		return textResult(string(out)), nil, nil
	})

	return srv
}

// readNote reads a note; the os.Root keeps the name inside the notes directory.
func (s *Server) readNote(name string) (string, error) {
	b, err := s.notes.ReadFile(name)
	return string(b), err
}

func textResult(text string) *mcp.CallToolResult {
	return &mcp.CallToolResult{Content: []mcp.Content{&mcp.TextContent{Text: text}}}
}
