// Package mmplugin is a Mattermost server plugin: the server hands its
// hook only requests it has routed, with Mattermost-User-Id set for a
// signed-in user and Mattermost-Plugin-ID for another plugin (a client's
// own are removed). Routes behind a middleware that requires either are
// authenticated.
package mmplugin

import (
	"io"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/mattermost/mattermost/server/public/plugin"
)

type Plugin struct {
	plugin.MattermostPlugin
}

type note struct{ Text string }

func (p *Plugin) ServeHTTP(c *plugin.Context, w http.ResponseWriter, r *http.Request) {
	router := gin.Default()

	peers := router.Group("/peer/v1")
	peers.Use(p.fromPeer)
	peers.POST("/complete", p.complete)

	router.Use(p.signedIn)
	router.POST("/notes", p.addNote)
	router.ServeHTTP(w, r)
}

func (p *Plugin) signedIn(c *gin.Context) {
	if c.GetHeader("Mattermost-User-Id") == "" {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
}

func (p *Plugin) fromPeer(c *gin.Context) {
	if c.GetHeader("Mattermost-Plugin-ID") != "" {
		return
	}
	c.AbortWithStatus(http.StatusUnauthorized)
}

func (p *Plugin) addNote(c *gin.Context) {
	var n note
	_ = c.ShouldBindJSON(&n) // want `c.ShouldBindJSON reads the request body with no size limit \(a note, not a warning: only authenticated callers reach this handler`
}

func (p *Plugin) complete(c *gin.Context) {
	_, _ = io.ReadAll(c.Request.Body) // want `io.ReadAll reads c.Request.Body with no size limit \(a note, not a warning: only authenticated callers reach this handler`
}
