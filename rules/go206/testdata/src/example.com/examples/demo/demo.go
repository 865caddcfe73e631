// Package demo is example code: the same finding, a level lower.
package demo

import (
	"context"
	"time"

	"github.com/mark3labs/mcp-go/mcp"
)

func sleep(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	time.Sleep(time.Duration(req.GetInt("s", 1)) * time.Second) // want `tool argument "s" sets a sleep duration with no upper bound.*example code`
	return nil, nil
}
