// Package ifcall: gin middleware that authenticates through an interface
// method and rejects through a JSON helper of the program's own, then
// aborts. The method's implementation is either in an imported package
// (it reads the key) or nowhere in sight (wired in by main: the method's
// name says it authenticates). A middleware that hands a request failing
// the method on authenticates no one.
package ifcall

import (
	"net/http"
	"os/exec"

	"github.com/gin-gonic/gin"

	_ "ifcallkeys"
)

func runIt(c *gin.Context) { exec.Command("x").Run() }

type keyChecker interface {
	Lookup(r *http.Request) (string, error)
	Size() int
}

type requestAuthenticator interface {
	AuthenticateRequest(r *http.Request) (string, error)
}

type deniedError interface{ Denied() }

func reply(c *gin.Context, code int, msg string) {
	c.JSON(code, gin.H{"error": msg})
}

func keyMiddleware(k keyChecker) gin.HandlerFunc {
	return func(c *gin.Context) {
		if _, err := k.Lookup(c.Request); err != nil {
			reply(c, http.StatusUnauthorized, "bad key")
			c.Abort()
			return
		}
		c.Next()
	}
}

// The implementation is in ifcallkeys and reads the key: silent.
func serveKeys(k keyChecker) {
	r := gin.New()
	r.Use(keyMiddleware(k))
	r.POST("/run", runIt)
	r.Run(":8080")
}

func authMiddleware(a requestAuthenticator) gin.HandlerFunc {
	return func(c *gin.Context) {
		user, err := a.AuthenticateRequest(c.Request)
		if _, ok := err.(deniedError); ok {
			reply(c, http.StatusUnauthorized, "denied")
			c.Abort()
			return
		}
		if err != nil {
			reply(c, http.StatusInternalServerError, "auth failed")
			c.Abort()
			return
		}
		c.Request.Header.Set("X-User", user)
		c.Next()
	}
}

// No implementation in sight: the method's name and signature decide.
func serveNamed(a requestAuthenticator) {
	r := gin.New()
	r.Use(authMiddleware(a))
	r.POST("/run", runIt)
	r.Run(":8080")
}

func softMiddleware(a requestAuthenticator) gin.HandlerFunc {
	return func(c *gin.Context) {
		user, err := a.AuthenticateRequest(c.Request)
		if err != nil {
			c.Next()
			return
		}
		if user == "blocked" {
			reply(c, http.StatusForbidden, "blocked")
			c.Abort()
			return
		}
		c.Request.Header.Set("X-User", user)
		c.Next()
	}
}

// A failed authentication is let through: not authentication.
func serveSoft(a requestAuthenticator) {
	r := gin.New()
	r.Use(softMiddleware(a))
	r.POST("/soft", runIt) // want `POST /soft reaches command execution .* with no authentication`
	r.Run(":8080")
}

func logMiddleware(a requestAuthenticator) gin.HandlerFunc {
	return func(c *gin.Context) {
		user, _ := a.AuthenticateRequest(c.Request)
		c.Request.Header.Set("X-User", user)
		c.Next()
	}
}

// It reads who is calling and rejects no one.
func serveLogged(a requestAuthenticator) {
	r := gin.New()
	r.Use(logMiddleware(a))
	r.POST("/logged", runIt) // want `POST /logged reaches command execution .* with no authentication`
	r.Run(":8080")
}
