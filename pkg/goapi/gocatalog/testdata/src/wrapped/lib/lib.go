// Package lib builds tools through constructors of its own, as
// mcp-grafana's MustTool and ConvertTool do: the importer's calls define
// the tools.
package lib

import (
	"github.com/mark3labs/mcp-go/mcp"
)

type Tool struct{ Tool mcp.Tool }

// MustTool wraps Convert: its parameters reach the tool through it.
func MustTool[T any](name, description string, handler func(T) error, options ...mcp.ToolOption) Tool {
	t, err := Convert(name, description, handler, options...)
	if err != nil {
		panic(err)
	}
	return Tool{Tool: t}
}

// Convert writes the tool and applies the options.
func Convert[T any](name, description string, handler func(T) error, options ...mcp.ToolOption) (mcp.Tool, error) {
	t := mcp.Tool{Name: name, Description: description}
	for _, o := range options {
		o(&t)
	}
	return t, nil
}

// Simple calls mcp.NewTool with its parameters.
func Simple(name, desc string) mcp.Tool {
	return mcp.NewTool(name, mcp.WithDescription(desc))
}

// Label is no wrapper: its parameter names nothing of a tool.
func Label(name string) string { return "tool " + name }
