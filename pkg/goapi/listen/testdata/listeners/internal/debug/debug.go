// Package debug serves net/http/pprof on the configured address, loopback
// by default.
package debug

import (
	"cmp"
	"net/http"
	"net/http/pprof"
	"strings"
	"time"

	"example.com/listeners/internal/config"
)

func Serve(cfg *config.Config) error {
	addr := strings.TrimSpace(cfg.Admin.Addr)
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	srv := &http.Server{Addr: cmp.Or(addr, "localhost:6060"), Handler: mux, ReadHeaderTimeout: time.Second}
	return srv.ListenAndServe()
}
