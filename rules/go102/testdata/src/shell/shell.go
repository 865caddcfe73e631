// Package shell is production code whose tool runs commands.
package shell

import (
	"context"
	"flag"
	"fmt"
	"os/exec"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

func run(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	out, err := exec.CommandContext(ctx, "sh", "-c", "uptime").Output()
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(string(out)), nil
}

func newServer() *server.MCPServer {
	s := server.NewMCPServer("shell", "1")
	s.AddTool(mcp.NewTool("run"), run)
	return s
}

// public listens on every interface: an error, with mcp-go's own advice.
func public() {
	h := server.NewStreamableHTTPServer(newServer()) // want `MCP server over streamable HTTP \(server.NewStreamableHTTPServer\) is served with no authentication, and its tools reach command execution \(tool "run" → run → os/exec.CommandContext\): mcp-go has no auth middleware of its own; serve the StreamableHTTPServer \(an http.Handler\) through one that checks a bearer token`
	h.Start(":8080")
}

// local listens on loopback only: a warning that says so.
func local() {
	h := server.NewStreamableHTTPServer(newServer()) // want `reach command execution .*\(a warning, not an error: it listens on 127.0.0.1:8080, reachable from this machine only\)`
	h.Start("127.0.0.1:8080")
}

// flagged listens where a flag says, on loopback unless told otherwise.
func flagged() {
	addr := flag.String("addr", "localhost:9000", "listen address")
	h := server.NewStreamableHTTPServer(newServer()) // want `\(a warning, not an error: it listens on localhost:9000, reachable from this machine only\)`
	h.Start(*addr)
}

// formatted listens on a loopback address built with fmt.Sprintf.
func formatted(port int) {
	h := server.NewStreamableHTTPServer(newServer()) // want `it listens on localhost:%d`
	h.Start(fmt.Sprintf("localhost:%d", port))
}

// unknown listens on an address from a parameter: not known, an error.
func unknown(addr string) {
	h := server.NewStreamableHTTPServer(newServer()) // want `served with no authentication, and its tools reach command execution \(tool "run" → run → os/exec.CommandContext\): mcp-go has no auth middleware of its own; .* instead of its Start method$`
	h.Start(addr)
}
