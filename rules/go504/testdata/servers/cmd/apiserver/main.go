// Command apiserver is another server of the module: the user service's
// document says nothing about its routes, which are compared with no
// document (one note for all of them, at the first).
package main

import (
	"net/http"

	"example.com/servers/internal/notifier"
)

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /api/auth/login", ok) // want "3 routes of testdata/servers/cmd/apiserver and testdata/servers/internal/notifier compared with no OpenAPI document: testdata/servers/examples/converter/users.yaml describes other servers of the module.*sits under examples/, an example or test input.* \\(a note: no shadow route is reported"
	mux.HandleFunc("GET /api/mcp/configs", ok)
	notifier.Register(mux)
	http.ListenAndServe(":8080", mux)
}

func ok(w http.ResponseWriter, r *http.Request) {}
