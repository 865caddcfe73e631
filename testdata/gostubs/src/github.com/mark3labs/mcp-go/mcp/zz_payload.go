// Stub of github.com/mark3labs/mcp-go/mcp, checked against v1.2.1 (payload rules: tool arguments).
package mcp

import ()

func (r CallToolRequest) RequireInt(key string) (int, error)                { return 0, nil }
func (r CallToolRequest) GetFloat(key string, defaultValue float64) float64 { return 0 }
func (r CallToolRequest) RequireFloat(key string) (float64, error)          { return 0, nil }

func (r CallToolRequest) RequireBool(key string) (bool, error) { return false, nil }

func (r CallToolRequest) RequireStringSlice(key string) ([]string, error) { return nil, nil }
