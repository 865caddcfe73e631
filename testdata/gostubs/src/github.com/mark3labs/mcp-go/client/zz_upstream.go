package client

import (
	"context"

	"github.com/mark3labs/mcp-go/mcp"
)

func (c *Client) ListTools(ctx context.Context, request mcp.ListToolsRequest) (*mcp.ListToolsResult, error) {
	return nil, nil
}
