// Package authcall: a middleware that hands the request to another
// package's Authenticate and turns it away on its error authenticates.
package authcall

import (
	"os/exec"

	"github.com/gin-gonic/gin"

	"authcall/access"
)

func runIt(c *gin.Context) { exec.Command("x").Run() }

func require(m *access.Manager) gin.HandlerFunc {
	return func(c *gin.Context) {
		if _, err := m.Authenticate(c.Request.Context(), c.Request); err != nil {
			c.AbortWithStatusJSON(err.Code, gin.H{"error": err.Message})
			return
		}
		c.Next()
	}
}

func counted(m *access.Manager) gin.HandlerFunc {
	return func(c *gin.Context) {
		if err := m.Count(c.Request); err != nil {
			c.AbortWithStatusJSON(500, gin.H{"error": err.Error()})
			return
		}
		c.Next()
	}
}

func serve(m *access.Manager, addr string) {
	r := gin.New()
	api := r.Group("/api", require(m))
	api.POST("/run", runIt)
	stats := r.Group("/stats", counted(m))
	stats.POST("/run", runIt) // want `POST /stats/run reaches command execution`
	r.Run(addr)
}
