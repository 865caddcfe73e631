package r

import (
	"encoding/json"
	"net/http"
	"time"
)

func item(w http.ResponseWriter, r *http.Request) {}

func create(w http.ResponseWriter, r *http.Request) {
	var v map[string]any
	json.NewDecoder(r.Body).Decode(&v)
}

func limited(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	var v map[string]any
	json.NewDecoder(r.Body).Decode(&v)
}

func either(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		w.WriteHeader(405)
	}
}

func api() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /items/{id}", item)
	mux.HandleFunc("POST /items", create)
	mux.HandleFunc("PUT /items/{id}", limited)
	mux.HandleFunc("/files/{path...}", item)
	mux.HandleFunc("/static/", item)
	mux.HandleFunc("/either", either)
	mux.HandleFunc("GET example.com/hosted/{$}", item)
	return mux
}

func serve() {
	srv := &http.Server{Addr: ":8080", Handler: api(), ReadHeaderTimeout: 5 * time.Second}
	srv.ListenAndServe()
}

func delegate(mux *http.ServeMux, api http.Handler) {
	mux.Handle("/api/", api)
}
