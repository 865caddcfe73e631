// Package g: an admin middleware whose key check is one half of an &&
// with a setting. With the setting empty the check never rejects, so
// auth is off by default; a check whose halves both look at the request
// always runs.
package g

import (
	"os/exec"

	"github.com/gin-gonic/gin"
)

func runIt(c *gin.Context) { exec.Command("x").Run() }

func adminMiddleware(adminPass string) gin.HandlerFunc {
	return func(c *gin.Context) {
		if len(adminPass) != 0 && c.GetHeader("X-API-KEY") != adminPass {
			c.AbortWithStatus(401)
			return
		}
		c.Next()
	}
}

func keyMiddleware(key string) gin.HandlerFunc {
	return func(c *gin.Context) {
		if c.Request.Method != "OPTIONS" && c.GetHeader("X-API-KEY") != key {
			c.AbortWithStatus(401)
			return
		}
		c.Next()
	}
}

func serveAdmin(adminPass string) {
	r := gin.New()
	r.Use(adminMiddleware(adminPass)) // want `adminMiddleware\(adminPass\) does not always authenticate: it lets every request through when len\(adminPass\) == 0 .*POST /admin/run reaches command execution`
	r.POST("/admin/run", runIt)
	r.Run(":8001")
}

func serveKeyed(key string) {
	r := gin.New()
	r.Use(keyMiddleware(key)) // silent: both halves look at the request
	r.POST("/run", runIt)
	r.Run(":8002")
}
