package gotaint

import (
	"go/types"

	"github.com/apiaudit/apiaudit/pkg/goapi"
)

// Upstream tool definitions: a proxy or gateway lists another MCP server's
// tools through an MCP client and registers them on its own server. Their
// names, descriptions and schemas were written by that server, and its
// clients read them as the proxy's own (tool poisoning passes through).
// The client's ListTools result is a source of kind Upstream, and the
// registration calls of the MCP SDKs are tool-definition sinks for the
// whole tool. Only GO402 reports Upstream data, and only where a server
// registers the tool: a host that hands an MCP server's tools to its model
// does what every MCP host does.
//
// A package that connects a client to a server through an in-memory or
// in-process transport lists its own tools (to print a catalog, to test
// itself): there, ListTools is not a source (ownServerClient).
func init() {
	const mc = "github.com/mark3labs/mcp-go/client"
	const ms = "github.com/mark3labs/mcp-go/server"
	const sdk = "github.com/modelcontextprotocol/go-sdk/mcp"
	listed := SourceModel{Kind: Upstream, What: "another MCP server's tool list", Out: Ret}
	library(Models{
		Sources: goapi.Set(listed, "(*"+mc+".Client).ListTools", "(*"+mc+".Client).ListToolsByPage",
			"("+mc+".MCPClient).ListTools", "("+mc+".MCPClient).ListToolsByPage",
			"(*"+sdk+".ClientSession).ListTools"),
		Sinks: allSinks(
			sinks(SinkModel{Kind: ToolDesc, Args: []int{0}}, "(*"+ms+".MCPServer).AddTool", "(*"+sdk+".Server).AddTool"),
			sinks(SinkModel{Kind: ToolDesc}, "(*"+ms+".MCPServer).AddTools", "(*"+ms+".MCPServer).SetTools"),
			sinks(SinkModel{Kind: ToolDesc, Args: []int{1}}, "(*"+ms+".MCPServer).AddSessionTool", sdk+".AddTool"),
		),
	})
}

// inProcessTransports connect a client to a server of the same program.
var inProcessTransports = goapi.Set(true,
	"github.com/modelcontextprotocol/go-sdk/mcp.NewInMemoryTransports",
	"github.com/mark3labs/mcp-go/client.NewInProcessClient",
	"github.com/mark3labs/mcp-go/client.NewInProcessClientWithTransport",
	"github.com/mark3labs/mcp-go/client/transport.NewInProcessTransport",
	"github.com/mark3labs/mcp-go/client/transport.NewInProcessTransportWithOptions")

// ownServerClient reports whether the package refers to an in-memory or
// in-process transport (a call, or a function value kept to call later).
func (e *engine) ownServerClient() bool {
	if e.ownClient == 0 {
		e.ownClient = 1
		for _, obj := range e.pass.TypesInfo.Uses {
			if fn, ok := obj.(*types.Func); ok && inProcessTransports[goapi.Of(fn)] {
				e.ownClient = 2
				break
			}
		}
	}
	return e.ownClient == 2
}
