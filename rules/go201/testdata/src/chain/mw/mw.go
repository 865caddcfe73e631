// Package mw holds a body-limit middleware and middleware that read the
// body, built to run after it (as github-mcp-server's pkg/http/middleware).
package mw

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
)

// WithMaxBodySize must run first: it bounds the body for the rest.
func WithMaxBodySize(n int64) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Body != nil {
				r.Body = http.MaxBytesReader(w, r.Body, n)
			}
			next.ServeHTTP(w, r)
		})
	}
}

// WithParse reads the body the limiter has bounded.
func WithParse() func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			body, err := io.ReadAll(r.Body)
			if err != nil {
				http.Error(w, "bad body", http.StatusBadRequest)
				return
			}
			r.Body = io.NopCloser(bytes.NewReader(body))
			next.ServeHTTP(w, r)
		})
	}
}

// WithFunc is a middleware over a HandlerFunc.
func WithFunc(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var v map[string]any
		_ = json.NewDecoder(r.Body).Decode(&v)
		next(w, r)
	}
}
