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

type app struct{}

// The admin routes are registered by a method that gets the group made
// and protected inside the block: they exist only when the key is on.
func (a *app) serveAdminGroup(cfg config) {
	r := gin.New()
	if cfg.AdminEnabled {
		admin := r.Group("/admin")
		admin.Use(adminKey(cfg.Key))
		a.adminRoutes(admin)
	}
	r.Run(":8084")
}

func (a *app) adminRoutes(g *gin.RouterGroup) {
	g.POST("/reinstall", runIt)
}

// A helper called both inside and outside the block registers routes
// that exist whatever the condition.
func serveHelperTwice(cfg config) {
	r := gin.New()
	if cfg.AdminEnabled {
		r.Use(adminKey(cfg.Key)) // want `adminKey\(cfg.Key\) is installed only when cfg.AdminEnabled: otherwise POST /op reaches command execution`
		opsRoutes(r)
	}
	opsRoutes(r)
	r.Run(":8085")
}

func opsRoutes(r *gin.Engine) {
	r.POST("/op", runIt)
}
