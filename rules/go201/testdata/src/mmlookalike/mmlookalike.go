// Package mmlookalike is an ordinary gin server with mmplugin's checks:
// no host sets Mattermost-User-Id or Mattermost-Plugin-ID here, so any
// client can, and requiring them authenticates no one.
package mmlookalike

import (
	"io"
	"net/http"

	"github.com/gin-gonic/gin"
)

type note struct{ Text string }

func Run() {
	router := gin.Default()

	peers := router.Group("/peer/v1")
	peers.Use(fromPeer)
	peers.POST("/complete", complete)

	router.Use(signedIn)
	router.POST("/notes", addNote)
	http.ListenAndServe(":8080", router)
}

func signedIn(c *gin.Context) {
	if c.GetHeader("Mattermost-User-Id") == "" {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
}

func fromPeer(c *gin.Context) {
	if c.GetHeader("Mattermost-Plugin-ID") != "" {
		return
	}
	c.AbortWithStatus(http.StatusUnauthorized)
}

func addNote(c *gin.Context) {
	var n note
	_ = c.ShouldBindJSON(&n) // want `c.ShouldBindJSON reads the request body with no size limit$`
}

func complete(c *gin.Context) {
	_, _ = io.ReadAll(c.Request.Body) // want `io.ReadAll reads c.Request.Body with no size limit$`
}
