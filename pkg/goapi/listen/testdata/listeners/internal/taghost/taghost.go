// Package taghost listens on a host that a configuration library fills
// from the environment, with a loopback default in the field's struct
// tag; the field is promoted from an embedded struct.
package taghost

import "net/http"

type Listen struct {
	Host string `env:"HOST" envDefault:"localhost"`
	Port string `env:"PORT" envDefault:"8080"`
}

type Config struct {
	Listen
	Name string `default:"app"`
}

func Serve(cfg *Config) error {
	return http.ListenAndServe(cfg.Host+":"+cfg.Port, http.NotFoundHandler())
}
