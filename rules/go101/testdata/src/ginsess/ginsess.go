// Package ginsess: a gin group whose middleware sends a request with no
// signed-in session to the login page and aborts it authenticates the
// routes behind it; a route outside the group is open, though the
// session middleware (which only loads the session) is on every route.
package ginsess

import (
	"net/http"
	"os/exec"

	"github.com/gin-contrib/sessions"
	"github.com/gin-gonic/gin"
)

func requireSession() gin.HandlerFunc {
	return func(c *gin.Context) {
		s := sessions.Default(c)
		if s.Get("token") == nil {
			c.Redirect(http.StatusSeeOther, "/auth/login")
			c.Abort()
			return
		}
		c.Next()
	}
}

// captcha aborts a request whose session has not passed a CAPTCHA: that
// is not authentication.
func captcha() gin.HandlerFunc {
	return func(c *gin.Context) {
		if sessions.Default(c).Get("turnstile") == nil {
			c.JSON(http.StatusOK, gin.H{"success": false})
			c.Abort()
			return
		}
		c.Next()
	}
}

func deploy(c *gin.Context) { exec.Command("deploy").Run() }

func Serve() {
	r := gin.New()
	r.Use(sessions.Sessions("admin", nil))
	admin := r.Group("/admin")
	admin.Use(requireSession())
	admin.POST("/deploy", deploy)
	r.POST("/deploy", deploy)           // want `POST /deploy reaches command execution`
	r.POST("/build", captcha(), deploy) // want `POST /build reaches command execution`
	r.Run(":8080")
}
