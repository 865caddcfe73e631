// Package sharedidx serves one route behind a credential check, one
// behind a host check and one open, for guards that share an index.
package sharedidx

import "net/http"

func requireKey(next http.Handler) http.Handler { // checks credentials
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-API-Key") == "" {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func localOnly(next http.Handler) http.Handler { // checks the host
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Host != "127.0.0.1:9000" {
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func serve(h http.Handler) error {
	mux := http.NewServeMux()
	mux.Handle("/keyed", requireKey(h))
	mux.Handle("/local", localOnly(h))
	mux.Handle("/open", h)
	return http.ListenAndServe(":9000", mux)
}
