// Stub of github.com/mark3labs/mcp-go/mcp (what the taint rules use),
// checked against v1.2.1.
package mcp

import "encoding/json"

type CallToolParams struct {
	Name         string          `json:"name"`
	Arguments    any             `json:"arguments,omitempty"`
	RawArguments json.RawMessage `json:"-"`
}

type CallToolRequest struct {
	Params CallToolParams `json:"params"`
}

func (r CallToolRequest) GetArguments() map[string]any                     { return nil }
func (r CallToolRequest) BindArguments(target any) error                   { return nil }
func (r CallToolRequest) GetString(key string, defaultValue string) string { return "" }
func (r CallToolRequest) RequireString(key string) (string, error)         { return "", nil }
func (r CallToolRequest) GetInt(key string, defaultValue int) int          { return 0 }

type CallToolResult struct{}

func NewToolResultText(text string) *CallToolResult { return nil }

type Tool struct {
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
}

type ToolOption func(*Tool)

func NewTool(name string, opts ...ToolOption) Tool  { return Tool{} }
func WithDescription(description string) ToolOption { return nil }
