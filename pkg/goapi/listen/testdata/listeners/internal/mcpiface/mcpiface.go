// Package mcpiface keeps its MCP transport in an interface, as a command
// that picks the transport by a flag does, and starts it on the address
// its caller builds from a loopback flag default.
package mcpiface

import "github.com/mark3labs/mcp-go/server"

type transport interface {
	Start(addr string) error
}

func Serve(host string, port int) error {
	var t transport
	t = server.NewStreamableHTTPServer(server.NewMCPServer("iface", "1"))
	return t.Start(listenAddr(host, port))
}

func listenAddr(host string, port int) string {
	return host + ":" + itoa(port)
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	s := ""
	for ; n > 0; n /= 10 {
		s = string(rune('0'+n%10)) + s
	}
	return s
}
