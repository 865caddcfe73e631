// Package server bounds the body of one route with a limiter of its own
// (a net/http wrapper around that one handler): the limit covers that
// route, not the registration handler of another package mounted beside
// it, whose read stays a finding.
package server

import (
	"encoding/json"
	"net/http"

	"modwrap/oauth"
)

func maxBytes(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, 4<<20)
		next.ServeHTTP(w, r)
	})
}

func mcp(w http.ResponseWriter, r *http.Request) {
	var v map[string]any
	json.NewDecoder(r.Body).Decode(&v)
}

func Serve(addr string) error {
	mux := http.NewServeMux()
	mux.Handle("/mcp", maxBytes(http.HandlerFunc(mcp)))
	mux.HandleFunc("POST /oauth/register", oauth.Register)
	return http.ListenAndServe(addr, mux)
}
