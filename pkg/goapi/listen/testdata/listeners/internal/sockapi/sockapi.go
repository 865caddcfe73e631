// Package sockapi serves a control API on a Unix socket that only its
// own user can open, from a server and a listener kept in fields, and a
// dashboard on every interface: each is judged by its own listener.
package sockapi

import (
	"encoding/json"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
)

type API struct {
	listener net.Listener
	mux      *http.ServeMux
	server   *http.Server
}

func NewAPI(dir string) (*API, error) {
	path := filepath.Join(dir, "api.sock")
	l, err := net.Listen("unix", path)
	if err != nil {
		return nil, err
	}
	if err := os.Chmod(path, 0o600); err != nil {
		return nil, err
	}
	a := &API{listener: l, mux: http.NewServeMux()}
	a.mux.HandleFunc("POST /jobs", a.addJob)
	return a, nil
}

type job struct{ Command string }

func (a *API) addJob(w http.ResponseWriter, r *http.Request) {
	var j job
	if err := json.NewDecoder(r.Body).Decode(&j); err != nil {
		return
	}
	exec.Command("sh", "-c", j.Command).Run()
}

func (a *API) Start() {
	a.server = &http.Server{Handler: a.mux}
	go a.server.Serve(a.listener)
}

func Dashboard(addr string) error {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /notes", saveNote)
	srv := &http.Server{Addr: addr, Handler: mux}
	return srv.ListenAndServe()
}

func saveNote(w http.ResponseWriter, r *http.Request) {
	var n struct{ Text string }
	if err := json.NewDecoder(r.Body).Decode(&n); err != nil {
		return
	}
	os.WriteFile("/var/lib/dash/note.txt", []byte(n.Text), 0o600)
}
