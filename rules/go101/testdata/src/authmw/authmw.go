// Package authmw is an auth middleware in another package: GO101 learns
// that it checks credentials through facts.
package authmw

import (
	"net/http"
	"strings"
)

// RequireToken checks a bearer token and answers 401 without one.
func RequireToken(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !valid(bearer(r)) {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// Chain builds a middleware that calls RequireToken: still auth.
func Chain() func(http.Handler) http.Handler {
	return func(h http.Handler) http.Handler { return RequireToken(h) }
}

func bearer(r *http.Request) string {
	return strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
}

func valid(tok string) bool { return tok == "secret" }

// Logging is not auth.
func Logging(next http.Handler) http.Handler { return next }

// Gate checks credentials in a way the analyzer does not know (an mTLS
// peer certificate); users name it in the auth-middleware option.
func Gate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.TLS == nil || len(r.TLS.PeerCertificates) == 0 {
			w.WriteHeader(http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}
