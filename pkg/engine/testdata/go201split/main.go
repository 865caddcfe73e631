package main

import (
	"net/http"
	"os"
	"time"

	"example.com/split/handlers"
)

func requireToken(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer "+os.Getenv("TOKEN") {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func main() {
	mux := http.NewServeMux()
	mux.Handle("PUT /admin/items", requireToken(http.HandlerFunc(handlers.Update)))
	mux.HandleFunc("POST /signup", handlers.Signup)
	mux.Handle("POST /admin/both", requireToken(http.HandlerFunc(handlers.Both)))
	mux.HandleFunc("POST /both", handlers.Both)
	mux.Handle("POST /admin/rename", requireToken(http.HandlerFunc(handlers.Rename)))
	mux.Handle("POST /admin/rename2", requireToken(http.HandlerFunc(handlers.Rename2)))
	mux.HandleFunc("POST /join", handlers.Join)
	srv := &http.Server{Addr: ":8080", Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	srv.ListenAndServe()
}
