package main

import (
	"net/http"
	"os"
	"time"

	"example.com/good/handlers"
)

func main() {
	mux := http.NewServeMux()
	mux.Handle("GET /catalog", requireToken(http.HandlerFunc(ok)))
	mux.Handle("/tags", requireToken(http.HandlerFunc(tags)))  // the handler refuses other methods
	mux.Handle("/servers", requireToken(handlers.Servers(10))) // the handler of another package refuses other methods
	srv := &http.Server{Addr: ":8080", Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	srv.ListenAndServe()
}

func tags(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
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
