// Package fakeapi is a stand-in server for the tests: a route of its that
// answers every method is a note, not the service's API.
package fakeapi

import "net/http"

func Serve() {
	mux := http.NewServeMux()
	mux.HandleFunc("/status", func(w http.ResponseWriter, r *http.Request) {}) // want "/status answers every method, and testdata/bad/openapi.yaml documents only GET on /status \\(a note: test scaffolding \\(tests/\\)\\)"
	http.ListenAndServe("127.0.0.1:0", mux)
}
