// Package router wires the routes: the relay group runs the middleware
// that replaces the caller's credential.
package router

import (
	"github.com/gin-gonic/gin"

	"relay/ctl"
	"relay/mw"
)

func Set(r *gin.Engine) {
	v1 := r.Group("/v1")
	v1.Use(mw.Logger(), mw.Distribute())
	v1.POST("/chat/completions", ctl.Relay)
	r.POST("/open", mw.Logger(), ctl.Open)
	r.GET("/test", ctl.Test)
}
