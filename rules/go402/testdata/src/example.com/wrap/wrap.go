// Package wrap builds tool definitions for its callers.
package wrap

import "github.com/mark3labs/mcp-go/mcp"

// Tool defines a tool with the given description.
func Tool(name, desc string) mcp.Tool {
	return mcp.NewTool(name, mcp.WithDescription(desc))
}
