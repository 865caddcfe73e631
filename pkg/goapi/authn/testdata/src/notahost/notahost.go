// Package notahost is an ordinary server with the same checks as mmhost:
// no host sets these headers here, so any client can send them, and a
// check that one is not empty authenticates no one.
package notahost

import "net/http"

func signedIn(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if len(r.Header["Mattermost-User-Id"]) == 0 {
			http.Error(w, "not signed in", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func fromPlugin(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := r.Header.Get("mattermost-plugin-id")
		if id != "" {
			next.ServeHTTP(w, r)
			return
		}
		w.WriteHeader(http.StatusForbidden)
	})
}
