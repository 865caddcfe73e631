// Package dbread serves tools that only read a database, over HTTP with
// no authentication: nothing changes, but anyone who connects reads the
// data with the server's credentials, so it stays an error.
package dbread

import (
	"context"
	"database/sql"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

var db *sql.DB

func listCustomers(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	rows, err := db.QueryContext(ctx, "SELECT name, email FROM customers")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return mcp.NewToolResultText("..."), nil
}

func serve() {
	s := server.NewMCPServer("crm", "1")
	s.AddTool(mcp.NewTool("list_customers"), listCustomers)
	h := server.NewStreamableHTTPServer(s) // want `MCP server over streamable HTTP \(server.NewStreamableHTTPServer\) is served with no authentication, and its tools reach database read \(tool "list_customers" → listCustomers → \(database/sql.DB\).QueryContext\): mcp-go has no auth middleware of its own; .* instead of its Start method$`
	h.Start(":8080")
}
