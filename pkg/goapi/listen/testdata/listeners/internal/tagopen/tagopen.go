// Package tagopen listens on a host whose tagged default is every
// interface.
package tagopen

import "net/http"

type Config struct {
	Addr string `default:"0.0.0.0:8080"`
}

func Serve(cfg Config) error {
	return http.ListenAndServe(cfg.Addr, http.NotFoundHandler())
}
