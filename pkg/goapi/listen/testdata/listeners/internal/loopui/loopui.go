// Package loopui serves a local UI on the configured address, loopback by
// default: a DELETE there needs a CORS preflight that no web page gets.
package loopui

import (
	"net/http"
	"os"

	"example.com/listeners/internal/config"
)

func Serve(cfg *config.Config) error {
	mux := http.NewServeMux()
	mux.HandleFunc("DELETE /v1/sessions/{id}", func(w http.ResponseWriter, r *http.Request) {
		os.RemoveAll(r.PathValue("id"))
	})
	srv := &http.Server{Addr: cfg.Admin.Addr, Handler: mux}
	return srv.ListenAndServe()
}
