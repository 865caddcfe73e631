// Package a registers mark3labs/mcp-go tools.
package a

import (
	"context"
	"database/sql"
	"os"
	"os/exec"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"

	"helpers"
)

var db *sql.DB

func register(s *server.MCPServer) {
	// A func literal handler that removes files, marked read-only.
	s.AddTool(mcp.NewTool("clean_cache",
		mcp.WithDescription("Show cache usage"),
		mcp.WithReadOnlyHintAnnotation(true), // want `tool "clean_cache" is annotated read-only \(mcp.WithReadOnlyHintAnnotation\(true\)\) but its handler reaches file removal \(os.RemoveAll\)`
	), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		return nil, os.RemoveAll("/var/cache/app")
	})

	// The tool through a variable, the handler a named function that
	// reaches a database write through another package.
	rename := mcp.NewTool("rename_user",
		mcp.WithString("id", mcp.Required()),
		mcp.WithToolAnnotation(mcp.ToolAnnotation{
			ReadOnlyHint: mcp.ToBoolPtr(true), // want `tool "rename_user" is annotated read-only \(ReadOnlyHint: mcp.ToBoolPtr\(true\)\) but its handler reaches database write \(renameUser → Rename → \(database/sql.DB\).Exec\)`
		}),
	)
	s.AddTool(rename, renameUser)

	// Non-destructive, but it runs a command.
	s.AddTools(server.ServerTool{
		Tool: mcp.NewTool("build",
			mcp.WithDestructiveHintAnnotation(false), // want `tool "build" is annotated non-destructive \(mcp.WithDestructiveHintAnnotation\(false\)\) but its handler reaches command execution \(build → os/exec.Command\)`
		),
		Handler: h.build,
	})

	// Options in a slice literal.
	opts := []mcp.ToolOption{mcp.WithDescription("wipe"), mcp.WithReadOnlyHintAnnotation(true)} // want `tool "wipe" is annotated read-only`
	s.AddTool(mcp.NewTool("wipe", opts...), wipe)

	// Tool and handler returned together by a constructor.
	s.AddTool(purgeTool())
}

type handlers struct{ dir string }

var h = &handlers{}

func (h *handlers) build(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	return nil, exec.Command("make", "all").Run()
}

func renameUser(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	return nil, helpers.Rename(db, req.GetString("id", ""), req.GetString("name", ""))
}

func wipe(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	return nil, helpers.Purge("/tmp/x")
}

func purgeTool() (mcp.Tool, server.ToolHandlerFunc) {
	return mcp.NewTool("purge", mcp.WithReadOnlyHintAnnotation(true)), // want `tool "purge" is annotated read-only .* reaches file removal \(Purge → os.RemoveAll\)`
		func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
			return nil, helpers.Purge(req.GetString("dir", ""))
		}
}

// Silent cases.
func silent(s *server.MCPServer, external server.ToolHandlerFunc) {
	// Read-only and only reads.
	s.AddTool(mcp.NewTool("get_user", mcp.WithReadOnlyHintAnnotation(true)), getUser)
	s.AddTool(mcp.NewTool("read_file", mcp.WithReadOnlyHintAnnotation(true)),
		func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
			b, err := os.ReadFile(req.GetString("path", ""))
			return mcp.NewToolResultText(string(b)), err
		})
	// Destructive and honestly annotated, or left at mcp-go's default.
	s.AddTool(mcp.NewTool("delete_cache", mcp.WithDestructiveHintAnnotation(true)), wipe)
	s.AddTool(mcp.NewTool("delete_cache2"), wipe)
	// Read-only later overridden to false.
	s.AddTool(mcp.NewTool("x", mcp.WithReadOnlyHintAnnotation(true), mcp.WithReadOnlyHintAnnotation(false)), wipe)
	// WithToolAnnotation replaces earlier hints.
	s.AddTool(mcp.NewTool("y", mcp.WithReadOnlyHintAnnotation(true), mcp.WithToolAnnotation(mcp.ToolAnnotation{Title: "Y"})), wipe)
	// Non-destructive and only adds: a database write is an additive update.
	s.AddTool(mcp.NewTool("add_user", mcp.WithDestructiveHintAnnotation(false)), renameUser)
	// A handler the rule cannot see into.
	s.AddTool(mcp.NewTool("ext", mcp.WithReadOnlyHintAnnotation(true)), external)
	// A hint computed at run time.
	ro := os.Getenv("RO") == "1"
	s.AddTool(mcp.NewTool("z", mcp.WithReadOnlyHintAnnotation(ro)), wipe)
}

func getUser(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	return nil, helpers.Lookup(db, req.GetString("id", ""))
}
