// Package local serves one-shot setup pages on loopback: on a port the
// system picks, an open route is a note; on a fixed loopback port, any web
// page the user opens can post to it, and it stays an error.
package local

import (
	"context"
	"net"
	"net/http"
	"os"
)

func configure(w http.ResponseWriter, r *http.Request) {
	_ = os.WriteFile("config.json", []byte(r.FormValue("config")), 0o600)
}

func Wizard() error {
	var lc net.ListenConfig
	l, err := lc.Listen(context.Background(), "tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /api/configure", configure) // want `POST /api/configure reaches file write .* with no authentication \(a note, not an error: it listens on 127.0.0.1:0, a loopback port the system picks`
	srv := &http.Server{Handler: mux}
	return srv.Serve(l)
}

func FixedPort() error {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /api/configure", configure) // want `POST /api/configure reaches file write .* with no authentication$`
	return http.ListenAndServe("localhost:8888", mux)
}
