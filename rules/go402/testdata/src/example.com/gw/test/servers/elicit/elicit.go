// Package main is a test MCP server of a gateway's own integration
// tests (test/servers/...): the same flow as in production code is a
// note here.
package main

import (
	"net/http"

	"github.com/mark3labs/mcp-go/mcp"
)

func register(r *http.Request) {
	mcp.NewTool(r.FormValue("name")) // want `untrusted data reaches a tool definition in mcp.NewTool, from a form value .*\(a note: test scaffolding \(test/\)\)$`
}

func main() {}
