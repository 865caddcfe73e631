package a

import (
	"context"
	"fmt"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

// A read-only tool that runs its query inside a transaction it opens with
// Exec("BEGIN") and rolls back: nothing is written.
func registerTx(s *server.MCPServer) {
	s.AddTool(mcp.NewTool("list_tables", mcp.WithReadOnlyHintAnnotation(true)), listTables)
	s.AddTool(mcp.NewTool("touch_table", mcp.WithReadOnlyHintAnnotation(true)), touchTable) // want `tool "touch_table" is annotated read-only .* reaches database write`
	s.AddTool(mcp.NewTool("pop_job", mcp.WithReadOnlyHintAnnotation(true)), popJob)         // want `tool "pop_job" is annotated read-only .* reaches database write`
}

func begin(ctx context.Context) error {
	if _, err := db.ExecContext(ctx, fmt.Sprintf("PRAGMA busy_timeout = %d;", 5000)); err != nil {
		return err
	}
	_, err := db.ExecContext(ctx, "BEGIN;")
	return err
}

func listTables(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	if err := begin(ctx); err != nil {
		return nil, err
	}
	defer db.ExecContext(ctx, "ROLLBACK")
	rows, err := db.QueryContext(ctx, "SHOW TABLES")
	if err != nil {
		return nil, err
	}
	rows.Close()
	return nil, nil
}

// The same shape, and an UPDATE run through Exec: a write.
func touchTable(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	if err := begin(ctx); err != nil {
		return nil, err
	}
	_, err := db.ExecContext(ctx, "UPDATE t SET seen = now()")
	return nil, err
}

// A DELETE ... RETURNING run through Query, its table name formatted in:
// Query is the call, and the statement still writes.
func popJob(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	rows, err := db.QueryContext(ctx, fmt.Sprintf("DELETE FROM %s WHERE id = (SELECT min(id) FROM jobs) RETURNING id", "jobs"))
	if err != nil {
		return nil, err
	}
	rows.Close()
	return nil, nil
}
