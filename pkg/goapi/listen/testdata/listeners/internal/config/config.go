// Package config holds the settings and their defaults.
package config

type Config struct {
	Admin struct{ Addr string }
}

// Default is the configuration before the file is read.
func Default() *Config {
	c := &Config{}
	c.Admin.Addr = "127.0.0.1:7070"
	return c
}
