package mcpgo

import (
	"context"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

const searchDesc = "Search the " + "knowledge base"

func handler(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	return nil, nil
}

func register(s *server.MCPServer) {
	s.AddTool(mcp.NewTool("search", // want `tool search at 17:12 in catalog 0` `name "search" at 17:24`
		mcp.WithDescription(searchDesc),      // want `description "Search the knowledge base"`
		mcp.WithReadOnlyHintAnnotation(true), // want `readOnly true`
		mcp.WithString("query", mcp.Required(), mcp.MaxLength(200), mcp.Description("words to look for")), // want `param query string required maxLength=200 "words to look for"`
		mcp.WithNumber("limit", mcp.Max(50)),                                            // want `param limit number maximum=50`
		mcp.WithArray("tags", mcp.WithStringItems(mcp.Enum("a", "b")), mcp.MaxItems(5)), // want `param tags array maxItems=5` `param tags\[\] string enum=2`
	), handler)

	notes := mcp.NewTool("add_note", // want `tool add_note at 25:11` `name "add_note" at 25:23`
		mcp.WithToolAnnotation(mcp.ToolAnnotation{Title: "Add a note", DestructiveHint: mcp.ToBoolPtr(false)}), // want `title "Add a note"` `destructive false`
		mcp.WithString("notes"), // want `param notes string`
	)
	s.AddTool(notes, handler)
	s.AddTool(notes, handler) // the same tool value: one tool

	// A schema taken from a Go type is not followed: composed.
	s.AddTool(mcp.NewTool("typed", mcp.WithInputSchema[struct{ A string }]()), handler) // want `tool typed at 33:12 composed` `name "typed"`

	// A name built at run time is unknown: the tool is left out, rather
	// than taken for a tool without a name.
	s.AddTool(mcp.NewTool(prefix+"x"), handler)
}

var prefix = "tool_"

func init() { prefix = "changed_" }

// A second server of the same package has a catalog of its own: its
// "search" is no duplicate of the first server's.
func registerOther(other *server.MCPServer) {
	other.AddTool(mcp.NewTool("search"), handler) // want `tool search at 47:16 in catalog 1` `name "search"`
}
