// Package b checks credentials for package a, which sees it through facts.
package b

import "net/http"

// Token reads the bearer token: it reads a credential but rejects no one.
func Token(r *http.Request) string { // want Token:"reads credentials"
	return r.Header.Get("Authorization")
}

// Require answers 401 without a token.
func Require(next http.Handler) http.Handler { // want Require:"checks credentials"
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if Token(r) == "" {
			http.Error(w, "no token", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}
