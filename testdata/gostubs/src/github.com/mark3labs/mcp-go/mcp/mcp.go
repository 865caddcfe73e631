// Stub of github.com/mark3labs/mcp-go/mcp, checked against v1.2.1.
package mcp

import (
	"context"
	"encoding/json"
	"net/http"
)

type Meta struct{ AdditionalFields map[string]any }

type Request struct{ Method string }

type Result struct{ Meta *Meta }

type Content interface{}

type TextContent struct {
	Type string
	Text string
}

type CallToolParams struct {
	Name         string
	Arguments    any
	Meta         *Meta
	RawArguments json.RawMessage
}

type CallToolRequest struct {
	Request
	Header http.Header
	Params CallToolParams
}

func (r CallToolRequest) GetArguments() map[string]any                              { return nil }
func (r CallToolRequest) GetRawArguments() any                                      { return nil }
func (r CallToolRequest) BindArguments(target any) error                            { return nil }
func (r CallToolRequest) GetString(key string, defaultValue string) string          { return "" }
func (r CallToolRequest) RequireString(key string) (string, error)                  { return "", nil }
func (r CallToolRequest) GetInt(key string, defaultValue int) int                   { return 0 }
func (r CallToolRequest) GetBool(key string, defaultValue bool) bool                { return false }
func (r CallToolRequest) GetStringSlice(key string, defaultValue []string) []string { return nil }

type CallToolResult struct {
	Result
	Content           []Content
	StructuredContent any
	IsError           bool
}

func NewToolResultText(text string) *CallToolResult  { return nil }
func NewToolResultError(text string) *CallToolResult { return nil }

type ToolInputSchema struct {
	Type       string
	Properties map[string]any
	Required   []string
}

type Tool struct {
	Meta           *Meta
	Name           string
	Title          string
	Description    string
	InputSchema    ToolInputSchema
	RawInputSchema json.RawMessage
	Annotations    ToolAnnotation
}

type ToolAnnotation struct {
	Title           string
	ReadOnlyHint    *bool
	DestructiveHint *bool
	IdempotentHint  *bool
	OpenWorldHint   *bool
}

type ToolOption func(*Tool)

type PropertyOption func(map[string]any)

// NewTool defaults to ReadOnlyHint false, DestructiveHint true,
// IdempotentHint false and OpenWorldHint true.
func NewTool(name string, opts ...ToolOption) Tool { return Tool{} }

func NewToolWithRawSchema(name, description string, schema json.RawMessage) Tool { return Tool{} }

func WithDescription(description string) ToolOption              { return nil }
func WithToolAnnotation(annotation ToolAnnotation) ToolOption    { return nil }
func WithTitleAnnotation(title string) ToolOption                { return nil }
func WithReadOnlyHintAnnotation(value bool) ToolOption           { return nil }
func WithDestructiveHintAnnotation(value bool) ToolOption        { return nil }
func WithIdempotentHintAnnotation(value bool) ToolOption         { return nil }
func WithOpenWorldHintAnnotation(value bool) ToolOption          { return nil }
func WithString(name string, opts ...PropertyOption) ToolOption  { return nil }
func WithNumber(name string, opts ...PropertyOption) ToolOption  { return nil }
func WithBoolean(name string, opts ...PropertyOption) ToolOption { return nil }
func Required() PropertyOption                                   { return nil }
func Description(desc string) PropertyOption                     { return nil }

func ToBoolPtr(b bool) *bool { return &b }

type TypedToolHandlerFunc[T any] func(ctx context.Context, request CallToolRequest, args T) (*CallToolResult, error)

func NewTypedToolHandler[T any](handler TypedToolHandlerFunc[T]) func(ctx context.Context, request CallToolRequest) (*CallToolResult, error) {
	return nil
}
