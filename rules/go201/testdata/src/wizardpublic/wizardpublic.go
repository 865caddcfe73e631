// Package wizardpublic is the same wizard listening on every interface:
// its unbounded body stays a warning.
package wizardpublic

import (
	"context"
	"encoding/json"
	"net"
	"net/http"
	"time"
)

func Run() error {
	var lc net.ListenConfig
	ln, err := lc.Listen(context.Background(), "tcp", ":8080")
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
	_ = json.NewDecoder(r.Body).Decode(&cfg) // want `json.NewDecoder reads r.Body with no size limit$`
}
