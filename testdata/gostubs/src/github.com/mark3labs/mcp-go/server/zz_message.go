// Stub of github.com/mark3labs/mcp-go/server, checked against v0.57.0: the
// entry point a program's own transport hands each JSON-RPC message to.
package server

import (
	"context"
	"encoding/json"
)

func (s *MCPServer) HandleMessage(ctx context.Context, message json.RawMessage) (resp any) {
	return nil
}
