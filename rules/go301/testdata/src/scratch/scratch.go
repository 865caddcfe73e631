// Package scratch registers read-only tools that work in temporary space
// of their own: cleanup of what the tool created is not a change.
package scratch

import (
	"context"
	"os"
	"path/filepath"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

func register(s *server.MCPServer) {
	// Creates a temporary directory, writes the input there, removes it
	// when done: silent.
	s.AddTool(mcp.NewTool("check_rules",
		mcp.WithToolAnnotation(mcp.ToolAnnotation{ReadOnlyHint: ptr(true)}),
	), checkRules)

	// The same with a temporary file, removed by its name: silent.
	s.AddTool(mcp.NewTool("lint",
		mcp.WithReadOnlyHintAnnotation(true),
	), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		f, err := os.CreateTemp("", "lint-*.yaml")
		if err != nil {
			return nil, err
		}
		defer os.Remove(f.Name())
		_, err = f.WriteString(req.GetString("text", ""))
		return nil, err
	})

	// Removes a directory it did not create, though its name says
	// temporary: reported.
	s.AddTool(mcp.NewTool("reset",
		mcp.WithReadOnlyHintAnnotation(true), // want `tool "reset" is annotated read-only .* but its handler reaches file removal \(os.RemoveAll\)`
	), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		tmpDir := req.GetString("dir", os.TempDir())
		return nil, os.RemoveAll(tmpDir)
	})

	// Creates a temporary directory, then removes another one: reported.
	s.AddTool(mcp.NewTool("swap",
		mcp.WithReadOnlyHintAnnotation(true), // want `tool "swap" is annotated read-only .* but its handler reaches file removal \(os.RemoveAll\)`
	), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		dir, err := os.MkdirTemp("", "swap-*")
		if err != nil {
			return nil, err
		}
		defer os.RemoveAll(dir)
		dir = req.GetString("previous", "")
		return nil, os.RemoveAll(dir)
	})
}

func checkRules(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	dir, err := os.MkdirTemp("", "rules-*")
	if err != nil {
		return nil, err
	}
	defer func() { _ = os.RemoveAll(dir) }()
	path := filepath.Join(dir, "rules.yml")
	if err := os.WriteFile(path, []byte(req.GetString("rules", "")), 0o644); err != nil {
		return nil, err
	}
	return nil, nil
}

func ptr[T any](v T) *T { return &v }
