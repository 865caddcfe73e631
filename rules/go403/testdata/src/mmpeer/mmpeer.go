// Package mmpeer is a Mattermost server plugin that compiles a template a
// caller sends: from the server's other plugins (behind
// Mattermost-Plugin-ID) a note, from signed-in users an error.
package mmpeer

import (
	"net/http"
	"text/template"

	"github.com/gin-gonic/gin"
	"github.com/mattermost/mattermost/server/public/plugin"
)

type Plugin struct {
	plugin.MattermostPlugin
}

func (p *Plugin) ServeHTTP(c *plugin.Context, w http.ResponseWriter, r *http.Request) {
	router := gin.Default()
	peers := router.Group("/peer/v1")
	peers.Use(fromPeer)
	peers.POST("/render", peerRender)

	router.Use(signedIn)
	router.POST("/render", userRender)
	router.ServeHTTP(w, r)
}

func fromPeer(c *gin.Context) {
	if c.GetHeader("Mattermost-Plugin-ID") == "" {
		c.AbortWithStatus(http.StatusUnauthorized)
	}
}

func signedIn(c *gin.Context) {
	if c.GetHeader("Mattermost-User-Id") == "" {
		c.AbortWithStatus(http.StatusUnauthorized)
	}
}

func peerRender(c *gin.Context) {
	template.New("p").Parse(c.Request.FormValue("tpl")) // want `untrusted data is compiled as a template in template.Parse, from a form value \(source at mmpeer.go:\d+\) \(a note, not an error: the request comes only from another server-side plugin of the same Mattermost server`
}

func userRender(c *gin.Context) {
	template.New("p").Parse(c.Request.FormValue("tpl")) // want `untrusted data is compiled as a template in template.Parse, from a form value \(source at mmpeer.go:\d+\)$`
}
