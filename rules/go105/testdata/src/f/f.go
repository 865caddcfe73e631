// Package f: auth middleware installed under the same condition as the
// routes it protects. When the condition is false the routes do not
// exist, so auth is not "off" for them; a route registered outside the
// block still is.
package f

import (
	"os/exec"

	"github.com/gin-gonic/gin"
)

func runIt(c *gin.Context) { exec.Command("x").Run() }

func adminKey(key string) gin.HandlerFunc {
	return func(c *gin.Context) {
		if c.GetHeader("X-Admin-Key") != key {
			c.AbortWithStatus(401)
			return
		}
		c.Next()
	}
}

type config struct {
	AdminEnabled bool
	Key          string
}

// The admin API is either served with its key check or not at all.
func serveAdmin(cfg config) {
	r := gin.New()
	if cfg.AdminEnabled {
		r.Use(adminKey(cfg.Key))
		r.POST("/admin/run", runIt)
	}
	r.Run(":8081")
}

// The same, with an else that serves nothing sensitive.
func serveAdminElse(cfg config) {
	r := gin.New()
	if !cfg.AdminEnabled {
		r.GET("/health", func(c *gin.Context) {})
	} else {
		r.Use(adminKey(cfg.Key))
		r.POST("/admin/run", runIt)
	}
	r.Run(":8082")
}

// A route outside the block exists whatever the condition: auth may be
// off for it.
func serveMixed(cfg config) {
	r := gin.New()
	if cfg.AdminEnabled {
		r.Use(adminKey(cfg.Key)) // want `adminKey\(cfg.Key\) is installed only when cfg.AdminEnabled: otherwise POST /run reaches command execution \(runIt → exec.Command\) with no authentication; fail closed`
		r.POST("/admin/run", runIt)
	}
	r.POST("/run", runIt)
	r.Run(":8083")
}
