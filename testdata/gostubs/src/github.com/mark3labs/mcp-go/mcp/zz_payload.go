// Stub of github.com/mark3labs/mcp-go/mcp, checked against v1.2.1 (payload rules: tool arguments).
package mcp

import (
	"context"
	"encoding/json"
)

type Tool struct {
	Name        string
	Description string
}

type ToolOption func(*Tool)

func NewTool(name string, opts ...ToolOption) Tool { return Tool{Name: name} }

type CallToolParams struct {
	Name         string
	Arguments    any
	RawArguments json.RawMessage
}

type CallToolRequest struct {
	Params CallToolParams
}

type CallToolResult struct{}

func NewToolResultText(text string) *CallToolResult { return nil }

func (r CallToolRequest) GetArguments() map[string]any                              { return nil }
func (r CallToolRequest) GetRawArguments() any                                      { return nil }
func (r CallToolRequest) BindArguments(target any) error                            { return nil }
func (r CallToolRequest) GetString(key string, defaultValue string) string          { return "" }
func (r CallToolRequest) RequireString(key string) (string, error)                  { return "", nil }
func (r CallToolRequest) GetInt(key string, defaultValue int) int                   { return 0 }
func (r CallToolRequest) RequireInt(key string) (int, error)                        { return 0, nil }
func (r CallToolRequest) GetFloat(key string, defaultValue float64) float64         { return 0 }
func (r CallToolRequest) RequireFloat(key string) (float64, error)                  { return 0, nil }
func (r CallToolRequest) GetBool(key string, defaultValue bool) bool                { return false }
func (r CallToolRequest) RequireBool(key string) (bool, error)                      { return false, nil }
func (r CallToolRequest) GetStringSlice(key string, defaultValue []string) []string { return nil }
func (r CallToolRequest) RequireStringSlice(key string) ([]string, error)           { return nil, nil }

type TypedToolHandlerFunc[T any] func(ctx context.Context, request CallToolRequest, args T) (*CallToolResult, error)

func NewTypedToolHandler[T any](handler TypedToolHandlerFunc[T]) func(ctx context.Context, request CallToolRequest) (*CallToolResult, error) {
	return nil
}
