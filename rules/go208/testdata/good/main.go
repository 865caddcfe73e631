package main

import (
	"encoding/json"
	"net/http"
	"os"
	"time"
)

func main() {
	mux := http.NewServeMux()
	mux.Handle("POST /items", requireToken(http.HandlerFunc(createItem)))
	mux.Handle("POST /notes", requireToken(http.HandlerFunc(createNote)))
	srv := &http.Server{Addr: ":8080", Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	srv.ListenAndServe()
}

type item struct{ Name string }

func (i item) Validate() error { return nil }

func createItem(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	var in item
	json.NewDecoder(r.Body).Decode(&in)
}

func createNote(w http.ResponseWriter, r *http.Request) {
	var in item
	json.NewDecoder(r.Body).Decode(&in)
	in.Validate()
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
