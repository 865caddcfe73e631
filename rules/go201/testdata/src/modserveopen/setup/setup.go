// Package setup has two ways to serve a handler: one bounds bodies, the
// other does not.
package setup

import (
	"net/http"
	"time"
)

func limitBodies(next http.Handler, n int64) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, n)
		next.ServeHTTP(w, r)
	})
}

func StartLimited(handler http.Handler, addr string) error {
	return Start(limitBodies(handler, 8<<20), addr)
}

func Start(handler http.Handler, addr string) error {
	srv := &http.Server{Addr: addr, Handler: handler, ReadHeaderTimeout: 5 * time.Second}
	return srv.ListenAndServe()
}
