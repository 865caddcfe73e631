package server

import "net/http"

// The options that hand the SSE and streamable-HTTP servers an http.Server
// of the program's own, which their Start methods then serve.
func WithHTTPServer(srv *http.Server) SSEOption                      { return nil }
func WithStreamableHTTPServer(srv *http.Server) StreamableHTTPOption { return nil }
