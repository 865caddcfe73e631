// Command vetme has one GO201 finding for the vet tool, one that an
// ignore covers, and a flow into a tool that another package keeps in a
// table of function values.
package main

import (
	"encoding/json"
	"io"
	"net/http"

	"example.com/vetme/tools"
)

func chat(w http.ResponseWriter, r *http.Request) {
	var req map[string]string
	_ = json.NewDecoder(r.Body).Decode(&req)
}

//apiaudit:ignore GO201 -- the proxy in front caps bodies at 1 MB
func upload(w http.ResponseWriter, r *http.Request) {
	_, _ = io.ReadAll(r.Body)
}

func run(w http.ResponseWriter, r *http.Request) {
	out, _ := tools.Table["shell"](r.URL.Query().Get("line"))
	_, _ = io.WriteString(w, out)
}

func main() {
	http.HandleFunc("POST /chat", chat)
	http.HandleFunc("POST /upload", upload)
	http.HandleFunc("POST /run", run)
}
