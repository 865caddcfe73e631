// Command vetme has one GO201 finding for the vet tool, and one that an
// ignore covers.
package main

import (
	"encoding/json"
	"io"
	"net/http"
)

func chat(w http.ResponseWriter, r *http.Request) {
	var req map[string]string
	_ = json.NewDecoder(r.Body).Decode(&req)
}

//apiaudit:ignore GO201 -- the proxy in front caps bodies at 1 MB
func upload(w http.ResponseWriter, r *http.Request) {
	_, _ = io.ReadAll(r.Body)
}

func main() {
	http.HandleFunc("POST /chat", chat)
	http.HandleFunc("POST /upload", upload)
}
