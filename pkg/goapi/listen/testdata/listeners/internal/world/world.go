// Package world serves on a Unix socket that it makes writable by every
// user of the machine: not a local listener.
package world

import (
	"encoding/json"
	"net"
	"net/http"
	"os"
)

func Serve() error {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/run", func(w http.ResponseWriter, r *http.Request) {
		var v map[string]any
		json.NewDecoder(r.Body).Decode(&v)
		os.WriteFile("last-run.json", nil, 0o600)
	})
	ln, err := net.Listen("unix", "/tmp/world.sock")
	if err != nil {
		return err
	}
	os.Chmod("/tmp/world.sock", 0o777)
	return (&http.Server{Handler: mux}).Serve(ln)
}
