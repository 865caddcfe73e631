// Package fakeidp is an identity provider for the tests: its routes are
// not the service's API.
package fakeidp

import "net/http"

func Serve() {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /authorize", func(w http.ResponseWriter, r *http.Request) {}) // want "1 route of testdata/bad/tests/fakeidp compared with no OpenAPI document: testdata/bad/openapi.yaml describes other servers of the module, and these packages serve too few of its operations and it lists too few of their routes \\(a note: no shadow route is reported without evidence"
	http.ListenAndServe("127.0.0.1:0", mux)
}
