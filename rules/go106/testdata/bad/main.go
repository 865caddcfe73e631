package main

import (
	"net/http"
	"os"
	"time"
)

func main() {
	mux := http.NewServeMux()
	mux.Handle("GET /health", requireToken(http.HandlerFunc(ok))) // want "the route checks credentials, but testdata/bad/openapi.yaml lets anyone call get /health"
	mux.HandleFunc("GET /orders/{id}", ok)                        // want "the route serves get /orders/\\{orderId\\}, which testdata/bad/openapi.yaml secures with bearerAuth, and checks no credentials on the way"
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
