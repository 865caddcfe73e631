// Package mmpeerlookalike has mmpeer's plugin-only endpoint in an
// ordinary server: Mattermost-Plugin-ID is any client's header here.
package mmpeerlookalike

import (
	"net/http"
	"text/template"

	"github.com/gin-gonic/gin"
)

func Run() {
	router := gin.Default()
	peers := router.Group("/peer/v1")
	peers.Use(fromPeer)
	peers.POST("/render", peerRender)
	http.ListenAndServe(":8080", router)
}

func fromPeer(c *gin.Context) {
	if c.GetHeader("Mattermost-Plugin-ID") == "" {
		c.AbortWithStatus(http.StatusUnauthorized)
	}
}

func peerRender(c *gin.Context) {
	template.New("p").Parse(c.Request.FormValue("tpl")) // want `untrusted data is compiled as a template in template.Parse, from a form value \(source at mmpeerlookalike.go:\d+\)$`
}
