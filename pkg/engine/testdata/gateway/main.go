// Command gateway is a tiny model gateway with two findings.
package main

import (
	"encoding/json"
	"log"
	"net/http"
	"time"
)

type chatRequest struct {
	Prompt string `json:"prompt"`
}

func chat(w http.ResponseWriter, r *http.Request) {
	var req chatRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
}

func limitedChat(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	var req chatRequest
	_ = json.NewDecoder(r.Body).Decode(&req)
}

func upload(w http.ResponseWriter, r *http.Request) {
	//apiaudit:ignore GO201 -- the upload route sits behind a proxy that caps bodies at 5 MB
	_ = r.ParseMultipartForm(5 << 20)
}

func health(w http.ResponseWriter, r *http.Request) {
	//apiaudit:ignore GO201
	_ = r.ParseMultipartForm(1 << 20)
}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/chat", chat)
	mux.HandleFunc("POST /v2/chat", limitedChat)
	mux.HandleFunc("POST /v1/upload", upload)
	mux.HandleFunc("GET /healthz", health)
	admin := &http.Server{Addr: ":9090", Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	go func() { log.Fatal(admin.ListenAndServe()) }()
	log.Fatal(http.ListenAndServe(":8080", mux))
}
