package a

import (
	"context"
	"database/sql"
	"fmt"

	"example.com/conn"
	"github.com/mark3labs/mcp-go/mcp"
)

// A tool argument handed to a connector's statement builder, whose
// implementations are in packages this one does not import: what it does
// with the table name is out of sight, so the flow is a note.
func insertThroughConnector(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	b := conn.Get(req.GetString("service", ""))
	stmt, args, err := b.BuildInsert(req.GetString("table", ""), nil)
	if err != nil {
		return nil, err
	}
	_, err = b.DB().ExecContext(ctx, stmt, args...) // want `untrusted data reaches a SQL statement in DB.ExecContext, from MCP tool arguments \(source at opaque.go:\d+\) \(a note, not an error: on the way the data went through Builder.BuildInsert, a method of the program's interface whose implementations are in packages not in sight`
	return nil, err
}

// A helper that quotes the name through the connector before it writes it
// into its statement: its callers' flows are notes too.
func lockTable(ctx context.Context, b conn.Builder, table string) error {
	_, err := b.DB().ExecContext(ctx, "LOCK TABLE "+b.Quote(table))
	return err
}

func lockTool(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	b := conn.Get("main")
	return nil, lockTable(ctx, b, req.GetString("table", "")) // want `untrusted data reaches a SQL statement in a.lockTable → DB.ExecContext at opaque.go:\d+, from MCP tool arguments \(source at opaque.go:\d+\) \(a note, not an error: on the way the data went through Builder.Quote`
}

// The same through an interface whose implementation is in sight: it
// writes the name into the statement unquoted, and the flow keeps its
// grade.
type rowWriter interface {
	Insert(table string) (string, error)
}

type plainWriter struct{}

func (plainWriter) Insert(table string) (string, error) {
	return fmt.Sprintf("INSERT INTO %s DEFAULT VALUES", table), nil
}

func insertInSight(ctx context.Context, db *sql.DB, w rowWriter, req mcp.CallToolRequest) error {
	stmt, err := w.Insert(req.GetString("table", ""))
	if err != nil {
		return err
	}
	_, err = db.ExecContext(ctx, stmt) // want `untrusted data reaches a SQL statement in DB.ExecContext, from MCP tool arguments \(source at opaque.go:\d+\)$`
	return err
}

var _ rowWriter = plainWriter{}
