package mcpgo

import (
	"context"
	"strings"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

const searchDesc = "Search the " + "knowledge base"

func handler(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	return nil, nil
}

func register(s *server.MCPServer) {
	s.AddTool(mcp.NewTool("search", // want `tool search at 18:12 in catalog 0` `name "search" at 18:24`
		mcp.WithDescription(searchDesc),      // want `description "Search the knowledge base"`
		mcp.WithReadOnlyHintAnnotation(true), // want `readOnly true`
		mcp.WithString("query", mcp.Required(), mcp.MaxLength(200), mcp.Description("words to look for")), // want `param query string required maxLength=200 "words to look for"`
		mcp.WithNumber("limit", mcp.Max(50)),                                            // want `param limit number maximum=50`
		mcp.WithArray("tags", mcp.WithStringItems(mcp.Enum("a", "b")), mcp.MaxItems(5)), // want `param tags array maxItems=5` `param tags\[\] string enum=2`
	), handler)

	notes := mcp.NewTool("add_note", // want `tool add_note at 26:11` `name "add_note" at 26:23`
		mcp.WithToolAnnotation(mcp.ToolAnnotation{Title: "Add a note", DestructiveHint: mcp.ToBoolPtr(false)}), // want `title "Add a note"` `destructive false`
		mcp.WithString("notes"), // want `param notes string`
	)
	s.AddTool(notes, handler)
	s.AddTool(notes, handler) // the same tool value: one tool

	// A schema taken from a Go type is not followed: composed.
	s.AddTool(mcp.NewTool("typed", mcp.WithInputSchema[struct{ A string }]()), handler) // want `tool typed at 34:12 composed` `name "typed"`

	// A name built at run time is unknown: the tool is left out, rather
	// than taken for a tool without a name.
	s.AddTool(mcp.NewTool(prefix+"x"), handler)
}

var prefix = "tool_"

func init() { prefix = "changed_" }

// A second server of the same package has a catalog of its own: its
// "search" is no duplicate of the first server's.
func registerOther(other *server.MCPServer) {
	other.AddTool(mcp.NewTool("search"), handler) // want `tool search at 48:16 in catalog 1` `name "search"`
}

// Texts routed through helpers read as their defaults: a function value
// of type func(key, default string) string (github-mcp-server's
// translation helper), and a helper of the package that returns one of
// its parameters.
type translate func(key, defaultValue string) string

func orEnv(key, def string) string {
	if v := lookup(key); v != "" {
		return v
	}
	return def
}

func lookup(string) string { return "" }

func registerTranslated(s *server.MCPServer, t translate) {
	s.AddTool(mcp.NewTool("get_issue", // want `tool get_issue at 67:12 in catalog 2` `name "get_issue"`
		mcp.WithDescription(t("TOOL_GET_ISSUE_DESCRIPTION", "Get an issue.")), // want `description "Get an issue."`
		mcp.WithTitleAnnotation(orEnv("TITLE", "Issue")),                      // want `title "Issue"`
	), handler)
	// A function of another package is no helper: no description.
	s.AddTool(mcp.NewTool("plain", mcp.WithDescription(strings.TrimPrefix("xDescribed", "x"))), handler) // want `tool plain at 72:12 in catalog 2` `name "plain"`
}
