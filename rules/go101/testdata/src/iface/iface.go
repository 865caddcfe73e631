// Package iface: auth middleware called through an interface counts by
// what its implementations do. When every implementation checks, the
// routes are authenticated; when one checks nothing and the program may
// choose it, auth may be off, which is GO105's to report (with the
// choice), not GO101's; when none checks, the routes are open.
package iface

import (
	"net/http"
	"os/exec"

	"github.com/gin-gonic/gin"
)

func runIt(c *gin.Context) { exec.Command("x").Run() }

type Authenticator interface{ Middleware() gin.HandlerFunc }

type verifier struct{ key string }

func (v verifier) Middleware() gin.HandlerFunc {
	return func(c *gin.Context) {
		if c.GetHeader("Authorization") != "Bearer "+v.key {
			c.AbortWithStatus(http.StatusUnauthorized)
			return
		}
		c.Next()
	}
}

type noop struct{}

func (noop) Middleware() gin.HandlerFunc { return func(c *gin.Context) { c.Next() } }

func newAuthenticator(enabled bool, key string) Authenticator {
	if !enabled {
		return noop{}
	}
	return verifier{key: key}
}

// Chosen at run time: auth may be off (GO105), so GO101 is silent.
func serveChosen(enabled bool, key string) {
	a := newAuthenticator(enabled, key)
	r := gin.New()
	r.Use(a.Middleware())
	r.POST("/run", runIt)
	r.Run(":8080")
}

// Only the verifier: authenticated.
func serveVerifier(key string) {
	var a Authenticator = verifier{key: key}
	r := gin.New()
	r.Use(a.Middleware())
	r.POST("/run", runIt)
	r.Run(":8080")
}

type Logger interface{ Middleware() gin.HandlerFunc }

type logging struct{}

func (logging) Middleware() gin.HandlerFunc { return func(c *gin.Context) { c.Next() } }

// Logging middleware through an interface: nothing checks.
func serveLogged() {
	var l Logger = logging{}
	r := gin.New()
	r.Use(l.Middleware())
	r.POST("/run", runIt) // want `POST /run reaches command execution .* with no authentication`
	r.Run(":8080")
}
