// Package mw has an authenticator interface with a verifying
// implementation and a no-op one, and a constructor that picks the no-op
// when a setting is off.
package mw

import (
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"
)

type Config struct {
	Auth struct {
		Enabled bool
		Secret  string
	}
}

type Authenticator interface {
	Middleware() gin.HandlerFunc
}

type Verifier struct{ secret string }

type Noop struct{}

func NewAuthenticator(cfg Config) (Authenticator, error) {
	if !cfg.Auth.Enabled {
		return &Noop{}, nil
	}
	return &Verifier{secret: cfg.Auth.Secret}, nil
}

func (v *Verifier) Middleware() gin.HandlerFunc {
	return func(c *gin.Context) {
		tok := strings.TrimPrefix(c.GetHeader("Authorization"), "Bearer ")
		if tok != v.secret {
			c.AbortWithStatus(http.StatusUnauthorized)
			return
		}
		c.Next()
	}
}

func (n *Noop) Middleware() gin.HandlerFunc { return func(c *gin.Context) { c.Next() } }

// Every implementation of Strict checks.
type Strict interface {
	Middleware() gin.HandlerFunc
}

func NewStrict(secret string) Strict { return &Verifier{secret: secret} }
