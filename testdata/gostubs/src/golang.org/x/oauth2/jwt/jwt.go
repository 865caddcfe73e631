// Stub of golang.org/x/oauth2/jwt, checked against golang.org/x/oauth2 v0.38.0.
package jwt

import (
	"context"
	"net/http"
	"time"
)

type Config struct {
	Email        string
	PrivateKey   []byte
	PrivateKeyID string
	Subject      string
	Scopes       []string
	TokenURL     string
	Expires      time.Duration
	Audience     string
}

func (c *Config) Client(ctx context.Context) *http.Client { return nil }
