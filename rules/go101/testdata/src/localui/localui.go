// Package localui: a web UI on a fixed loopback port. A web page can post
// a form to it (an error), but cannot send a DELETE without a CORS
// preflight the package does not answer (a warning). Routes that reach
// nothing sensitive are warnings whatever their method or path.
package localui

import (
	"net/http"
	"os"
	"os/exec"
)

func run(w http.ResponseWriter, r *http.Request)    { exec.Command("kubectl").Run() }
func remove(w http.ResponseWriter, r *http.Request) { os.RemoveAll(r.PathValue("id")) }
func list(w http.ResponseWriter, r *http.Request)   {}

func Serve() error {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /api/sessions/{id}/send", run) // want `POST /api/sessions/\{id\}/send reaches command execution .* with no authentication$`
	mux.HandleFunc("DELETE /api/sessions/{id}", remove) // want `DELETE /api/sessions/\{id\} reaches file removal .* \(a warning, not an error: it listens on 127.0.0.1:8888 only, and a web page cannot send a DELETE there without a CORS preflight`
	mux.HandleFunc("DELETE /api/items/{id}", list)      // want `DELETE /api/items/\{id\} changes state with no authentication \(a warning, not an error: it reaches none of the sensitive capabilities .*; only its method says it matters`
	mux.HandleFunc("GET /admin/stats", list)            // want `GET /admin/stats is under /admin with no authentication \(a warning, not an error: it reaches none of the sensitive capabilities .*; only its path says it matters`
	return http.ListenAndServe("127.0.0.1:8888", mux)
}
