// Command vendored depends on a module found only in its vendor directory.
package main

import (
	"encoding/json"
	"net/http"

	"example.com/fakedep"
)

func chat(w http.ResponseWriter, r *http.Request) {
	var req fakedep.Request
	_ = json.NewDecoder(r.Body).Decode(&req)
}

func main() {
	http.HandleFunc("POST /chat", chat)
}
