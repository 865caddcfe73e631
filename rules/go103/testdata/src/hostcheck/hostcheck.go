// Package hostcheck turns mcp-go's localhost protection off and does the
// same check itself, in a middleware around the handler that reads the
// request's Host and answers 403 to other hosts (mcpproxy-go's shape, with
// a trusted-hosts list): a note. A middleware that only logs is no check.
package hostcheck

import (
	"log"
	"net"
	"net/http"
	"strings"

	"github.com/mark3labs/mcp-go/server"
)

type Server struct {
	trusted []string
	mcp     *server.MCPServer
}

func loopback(host string) bool {
	h, _, err := net.SplitHostPort(host)
	if err != nil {
		h = host
	}
	return h == "localhost" || h == "127.0.0.1" || h == "::1"
}

func newHostValidation(next http.Handler, trusted func() []string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !loopback(r.Host) {
			ok := false
			for _, t := range trusted() {
				ok = ok || strings.EqualFold(t, r.Host)
			}
			if !ok {
				http.Error(w, "forbidden host", http.StatusForbidden)
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

func (s *Server) hostValidation(next http.Handler) http.Handler {
	return newHostValidation(next, func() []string { return s.trusted })
}

func logging(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		log.Println(r.Host, r.URL.Path)
		next.ServeHTTP(w, r)
	})
}

func (s *Server) start(mux *http.ServeMux, h http.Handler) {
	mux.Handle("/mcp", s.hostValidation(logging(h)))
}

func (s *Server) Run() {
	mux := http.NewServeMux()
	streamable := server.NewStreamableHTTPServer(s.mcp, server.WithDisableLocalhostProtection(true)) // want `server.WithDisableLocalhostProtection\(true\) turns off the MCP server's DNS-rebinding protection \(a note, not a warning: the server is served behind a middleware of the program's own that checks the Host header`
	s.start(mux, streamable)

	logged := server.NewStreamableHTTPServer(s.mcp, server.WithDisableLocalhostProtection(true)) // want `server.WithDisableLocalhostProtection\(true\) turns off the MCP server's DNS-rebinding protection$`
	mux.Handle("/logged", logging(logged))
	http.ListenAndServe("127.0.0.1:8080", mux)
}
