package mcp

type ListToolsRequest struct{}

type ListToolsResult struct {
	Tools []Tool
}
