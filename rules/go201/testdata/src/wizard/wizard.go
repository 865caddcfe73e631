// Package wizard is a local setup wizard: its only server listens on
// 127.0.0.1, so its handlers are reachable from this machine only.
package wizard

import (
	"context"
	"encoding/json"
	"net"
	"net/http"
	"time"
)

func Run() error {
	var lc net.ListenConfig
	ln, err := lc.Listen(context.Background(), "tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /api/configure", configure)
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	return srv.Serve(ln)
}

func configure(w http.ResponseWriter, r *http.Request) {
	var cfg map[string]string
	_ = json.NewDecoder(r.Body).Decode(&cfg) // want `json.NewDecoder reads r.Body with no size limit \(a note, not a warning: the package serves its routes on 127.0.0.1:0 only, reachable from this machine\)`
}
