// Package cond: auth middleware installed under a condition is not GO101's
// (GO105 reports it); auth installed on both branches is auth.
package cond

import (
	"os/exec"

	"github.com/gin-gonic/gin"
)

func runIt(c *gin.Context) { exec.Command("x").Run() }

func apiKey(key string) gin.HandlerFunc {
	return func(c *gin.Context) {
		if c.GetHeader("X-API-Key") != key {
			c.AbortWithStatus(401)
			return
		}
		c.Next()
	}
}

func serve(addr, key string) {
	r := gin.New()
	if key != "" {
		r.Use(apiKey(key))
	}
	r.POST("/run", runIt)
	r.Run(addr)
}

func serveBoth(addr, key, other string) {
	r := gin.New()
	if key != "" {
		r.Use(apiKey(key))
	} else {
		r.Use(apiKey(other))
	}
	r.POST("/run", runIt)
	r.Run(addr)
}

func serveNone(addr string) {
	r := gin.New()
	r.POST("/run", runIt) // want `POST /run reaches command execution`
	r.Run(addr)
}
