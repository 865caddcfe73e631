// Stub of github.com/mark3labs/mcp-go/server, checked against v1.2.1 (payload rules: input schema validation).
package server

import ()

func WithInputSchemaValidation() ServerOption { return nil }
