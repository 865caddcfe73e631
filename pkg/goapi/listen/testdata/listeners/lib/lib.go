// Package lib is a library: no program of the module calls NewServer,
// but other modules import the package and may. Its findings keep their
// severity.
package lib

import (
	"encoding/json"
	"net/http"
	"os"
)

func NewServer(addr string) *http.Server {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/run", func(w http.ResponseWriter, r *http.Request) {
		var v map[string]any
		json.NewDecoder(r.Body).Decode(&v)
		os.WriteFile("last-run.json", nil, 0o600)
	})
	return &http.Server{Addr: addr, Handler: mux}
}
