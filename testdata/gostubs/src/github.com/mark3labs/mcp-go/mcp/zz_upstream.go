// What the upstream tool-definition check (GO402) uses.
package mcp

type ListToolsRequest struct{}

type ListToolsResult struct{ Tools []Tool }
