package a

import (
	"net/http"

	"github.com/mark3labs/mcp-go/server"
	"github.com/modelcontextprotocol/go-sdk/mcp"
)

func getServer(*http.Request) *mcp.Server { return nil }

func goSDK(local bool) {
	mcp.NewStreamableHTTPHandler(getServer, &mcp.StreamableHTTPOptions{
		DisableLocalhostProtection: true, // want `DisableLocalhostProtection turns off the MCP server's DNS-rebinding protection`
	})
	mcp.NewSSEHandler(getServer, &mcp.SSEOptions{DisableLocalhostProtection: true}) // want `DisableLocalhostProtection turns off`
	opts := &mcp.StreamableHTTPOptions{}
	opts.DisableLocalhostProtection = true // want `DisableLocalhostProtection turns off`
	mcp.NewStreamableHTTPHandler(getServer, opts)

	// silent: the default, an explicit false, a value not known to be true
	mcp.NewStreamableHTTPHandler(getServer, &mcp.StreamableHTTPOptions{})
	mcp.NewStreamableHTTPHandler(getServer, &mcp.StreamableHTTPOptions{DisableLocalhostProtection: false})
	mcp.NewStreamableHTTPHandler(getServer, &mcp.StreamableHTTPOptions{DisableLocalhostProtection: local})
}

func mcpGo() {
	s := server.NewMCPServer("tools", "1")
	server.NewStreamableHTTPServer(s,
		server.WithDisableLocalhostProtection(true),                       // want `server.WithDisableLocalhostProtection\(true\) turns off`
		server.WithStreamableHTTPCORS(server.WithCORSAllowedOrigins("*")), // want `WithCORSAllowedOrigins\("\*"\) lets any web page call the MCP server`
	)
	server.NewSSEServer(s, server.WithSSEDisableLocalhostProtection(true)) // want `WithSSEDisableLocalhostProtection\(true\) turns off`

	// silent
	server.NewStreamableHTTPServer(s,
		server.WithDisableLocalhostProtection(false),
		server.WithStreamableHTTPCORS(server.WithCORSAllowedOrigins("https://app.example.com")),
	)
}
