package server

import "context"

// Shutdown of the HTTP transports (mcp-go v0.45), which programs keep in
// an interface beside Start.

func (s *StreamableHTTPServer) Shutdown(ctx context.Context) error { return nil }
func (s *SSEServer) Shutdown(ctx context.Context) error            { return nil }
