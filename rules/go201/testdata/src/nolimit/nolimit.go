// Package nolimit has middleware that read the body and no limiter, and a
// "limiter" that never passes the request on.
package nolimit

import (
	"io"
	"net/http"
)

func WithParse(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.ReadAll(r.Body) // want `io.ReadAll reads r.Body with no size limit`
		next.ServeHTTP(w, r)
	})
}

// drain limits its own read but is no middleware: it passes nothing on.
func drain(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<10)
	_, _ = io.ReadAll(r.Body)
}
