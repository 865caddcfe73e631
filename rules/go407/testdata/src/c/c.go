// Package c uses the official go-sdk.
package c

import (
	"context"
	"encoding/json"

	"github.com/google/jsonschema-go/jsonschema"
	"github.com/modelcontextprotocol/go-sdk/mcp"
)

type searchIn struct {
	Query string `json:"query"`
}

var resolved *jsonschema.Resolved

func Main() {
	s := mcp.NewServer(&mcp.Implementation{Name: "search", Version: "1.0.0"}, nil)
	schema := &jsonschema.Schema{Type: "object"}

	s.AddTool(&mcp.Tool{Name: "search", InputSchema: schema}, func(ctx context.Context, req *mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		var in searchIn
		if err := json.Unmarshal(req.Params.Arguments, &in); err != nil { // want `tool "search" is added with \(\*mcp.Server\).AddTool, which does not validate arguments, and its handler decodes its arguments with no validation`
			return nil, err
		}
		return nil, nil
	})
	s.AddTool(&mcp.Tool{Name: "lookup", InputSchema: schema}, lookup)

	// Silent: the generic AddTool validates; a raw handler that validates.
	mcp.AddTool(s, &mcp.Tool{Name: "typed"}, func(ctx context.Context, req *mcp.CallToolRequest, in searchIn) (*mcp.CallToolResult, any, error) {
		return nil, nil, nil
	})
	s.AddTool(&mcp.Tool{Name: "checked", InputSchema: schema}, func(ctx context.Context, req *mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		var v any
		if err := json.Unmarshal(req.Params.Arguments, &v); err != nil {
			return nil, err
		}
		if err := resolved.Validate(v); err != nil {
			return nil, err
		}
		return nil, nil
	})
}

func lookup(ctx context.Context, req *mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	var m map[string]any
	_ = json.Unmarshal(req.Params.Arguments, &m) // want `tool "lookup" .* decodes its arguments into an untyped value with no validation`
	return nil, nil
}
