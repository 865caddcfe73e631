// Package mmplugin is a Mattermost server plugin whose routes require the
// user the server signed in (Mattermost-User-Id): authenticated routes.
package mmplugin

import (
	"context"
	"net/http"
	"os"

	"github.com/gin-gonic/gin"
	"github.com/mattermost/mattermost/server/public/plugin"
	openai "github.com/sashabaranov/go-openai"
)

var client = openai.NewClient(os.Getenv("OPENAI_API_KEY"))

type Plugin struct {
	plugin.MattermostPlugin
}

func (p *Plugin) ServeHTTP(c *plugin.Context, w http.ResponseWriter, r *http.Request) {
	router := gin.Default()
	router.Use(signedIn)
	router.POST("/summarize", summarize) // want `POST /summarize reaches a model call, and no rate limiter is in sight: every request spends tokens without bound \(a note, not a warning: the route is authenticated\)`
	router.ServeHTTP(w, r)
}

func signedIn(c *gin.Context) {
	if c.GetHeader("Mattermost-User-Id") == "" {
		c.AbortWithStatus(http.StatusUnauthorized)
	}
}

func summarize(c *gin.Context) {
	client.CreateChatCompletion(context.Background(), openai.ChatCompletionRequest{})
}
