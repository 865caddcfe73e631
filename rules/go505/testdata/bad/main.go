package main

import (
	"net/http"
	"os"
	"time"

	"example.com/bad/handlers"
)

func main() {
	mux := http.NewServeMux()
	mux.Handle("/catalog", requireToken(http.HandlerFunc(ok))) // want "/catalog answers every method, and testdata/bad/openapi.yaml documents only GET on /catalog"
	mux.Handle("GET /tags", requireToken(http.HandlerFunc(ok)))
	mux.Handle("/servers", requireToken(handlers.Servers(10))) // want "/servers answers every method, and testdata/bad/openapi.yaml documents only GET on /servers \\(a note: none of its 17 findings judged on real projects was worth acting on; rules.severity sets another level\\)$"
	mux.HandleFunc("/v1/healthz", ok)                          // want "/v1/healthz answers every method, .* \\(a note: an operational endpoint"
	srv := &http.Server{Addr: ":8080", Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	srv.ListenAndServe()
}

func requireToken(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer "+os.Getenv("TOKEN") {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func ok(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusOK) }
