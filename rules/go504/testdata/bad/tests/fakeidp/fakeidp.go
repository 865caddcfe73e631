// Package fakeidp is an identity provider for the tests: its routes are
// not the service's API.
package fakeidp

import "net/http"

func Serve() {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /authorize", func(w http.ResponseWriter, r *http.Request) {}) // want "GET /authorize is served here but described in no operation of testdata/bad/openapi.yaml \\(a note: test scaffolding \\(tests/\\)\\)"
	http.ListenAndServe("127.0.0.1:0", mux)
}
