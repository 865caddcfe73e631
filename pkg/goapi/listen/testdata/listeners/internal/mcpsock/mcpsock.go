// Package mcpsock serves an MCP server on the Unix socket its caller
// names.
package mcpsock

import (
	"net"
	"net/http"
	"time"

	"github.com/mark3labs/mcp-go/server"
)

func Serve(network, path string) error {
	h := server.NewStreamableHTTPServer(server.NewMCPServer("local", "1"))
	ln, err := net.Listen(network, path)
	if err != nil {
		return err
	}
	return (&http.Server{Handler: h, ReadHeaderTimeout: time.Second}).Serve(ln)
}
