// Package e declares its tools' input schemas as raw JSON
// (mcp.NewToolWithRawSchema): a declared schema like NewTool's options.
package e

import (
	"context"
	"encoding/json"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

const searchSchema = `{
  "type": "object",
  "properties": {
    "query": {"type": "string"},
    "limit": {"type": "integer", "default": 20},
    "sort": {"type": "string", "default": "relevance"}
  },
  "required": ["query"]
}`

func Main() {
	s := server.NewMCPServer("search", "1.0.0")
	s.AddTool(mcp.NewToolWithRawSchema("search", "search the index", json.RawMessage(searchSchema)), search)
	s.AddTool(mcp.NewToolWithRawSchema("list", "list entries", []byte(`{"type":"object","properties":{"page":{"type":"integer"}}}`)), list)
	s.AddTool(mcp.NewToolWithRawSchema("checked", "validated in a helper", json.RawMessage(searchSchema)), checked)
}

func search(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	_ = req.GetInt("limit", 20)            // optional, the schema's own default: silent
	_ = req.GetString("sort", "relevance") // same: silent
	_ = req.GetString("query", "")         // want `tool "search" reads argument "query" with GetString, which turns a missing or mistyped value into the default`
	return nil, nil
}

func list(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	_ = req.GetInt("page", 1) // optional, no default in the schema: silent
	_ = req.GetInt("size", 9) // want `tool "list" reads argument "size" with GetInt`
	return nil, nil
}

type query struct{ Text string }

func (q query) Validate() error { return nil }

// decode validates what it decodes: the handler that calls it validates.
func decode(req mcp.CallToolRequest) (query, error) {
	q := query{Text: req.GetString("query", "")}
	return q, q.Validate()
}

func checked(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	q, err := decode(req)
	if err != nil {
		return nil, err
	}
	_ = req.GetString("query", q.Text)
	return nil, nil
}
