// Package echo is a demo under examples/: a server whose only tool echoes
// its input. Still reported, as a note.
package echo

import (
	"context"
	"net/http"

	"github.com/modelcontextprotocol/go-sdk/mcp"
)

type In struct{ Text string }

func echo(ctx context.Context, req *mcp.CallToolRequest, in In) (*mcp.CallToolResult, any, error) {
	return nil, in.Text, nil
}

func main() {
	srv := mcp.NewServer(&mcp.Implementation{Name: "echo", Version: "1"}, nil)
	mcp.AddTool(srv, &mcp.Tool{Name: "echo"}, echo)
	h := mcp.NewStreamableHTTPHandler(func(*http.Request) *mcp.Server { return srv }, nil) // want `MCP server over streamable HTTP \(mcp.NewStreamableHTTPHandler\) is served with no authentication: wrap the handler in auth.RequireBearerToken .* \(a note, not an error: its 1 tool reach no command execution, file or database write, mutating request, model call or database read; example code \(examples/\)\)`
	http.ListenAndServe(":8080", h)
}
