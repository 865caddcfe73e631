// The authenticator is chosen by configuration between a verifier and a
// no-op: auth that may be off (GO105 reports it), neither the open route
// GO106 reports nor a check the document fails to mention.
package main

import (
	"net/http"
	"os"
	"time"
)

type authenticator interface {
	Wrap(http.Handler) http.Handler
}

type verifier struct{ token string }

func (v verifier) Wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer "+v.token {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

type noop struct{}

func (noop) Wrap(next http.Handler) http.Handler { return next }

func newAuthenticator(enabled bool) authenticator {
	if !enabled {
		return noop{}
	}
	return verifier{token: os.Getenv("TOKEN")}
}

func main() {
	a := newAuthenticator(os.Getenv("AUTH_ENABLED") == "true")
	mux := http.NewServeMux()
	mux.HandleFunc("GET /health", ok)
	mux.HandleFunc("GET /orders/{id}", ok)
	srv := &http.Server{Addr: ":8080", Handler: a.Wrap(mux), ReadHeaderTimeout: 5 * time.Second}
	srv.ListenAndServe()
}

func ok(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusOK) }
