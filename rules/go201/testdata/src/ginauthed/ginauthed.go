// Package ginauthed: a gin proxy whose routes all pass an API-key
// middleware. Bodies read by the handlers its factories return, and by a
// GET route's binder, come only from key holders: notes. The same
// factory on an open router stays a warning.
package ginauthed

import (
	"io"
	"net/http"

	"github.com/gin-gonic/gin"
)

func apiKey(key string) gin.HandlerFunc {
	return func(c *gin.Context) {
		if c.GetHeader("X-Api-Key") != key {
			c.AbortWithStatus(http.StatusUnauthorized)
			return
		}
		c.Next()
	}
}

func getCompletionHandler(prod bool) gin.HandlerFunc {
	return func(c *gin.Context) {
		body, _ := io.ReadAll(c.Request.Body) // want `io.ReadAll reads c.Request.Body with no size limit \(a note, not a warning: only authenticated callers reach this handler`
		_ = body
	}
}

func getOpenHandler() gin.HandlerFunc {
	return func(c *gin.Context) {
		body, _ := io.ReadAll(c.Request.Body) // want `io.ReadAll reads c.Request.Body with no size limit$`
		_ = body
	}
}

func listThings(c *gin.Context) {
	var q struct{ Page int }
	_ = c.ShouldBind(&q) // want `c.ShouldBind reads the request body with no size limit \(a note, not a warning: only authenticated callers`
}

func Serve(key string) {
	r := gin.New()
	r.Use(apiKey(key))
	r.POST("/v1/chat/completions", getCompletionHandler(true))
	r.GET("/v1/things", listThings)
	r.Run(":8002")

	open := gin.New()
	open.POST("/v1/open", getOpenHandler())
	open.Run(":8003")
}
