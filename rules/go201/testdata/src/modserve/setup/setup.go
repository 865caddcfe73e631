// Package setup serves whatever handler it is handed, behind a body limit
// of its own.
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

func Start(handler http.Handler, addr string) error {
	handler = limitBodies(handler, 8<<20)
	srv := &http.Server{Addr: addr, Handler: handler, ReadHeaderTimeout: 5 * time.Second}
	return srv.ListenAndServe()
}
