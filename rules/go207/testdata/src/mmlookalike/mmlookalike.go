// Package mmlookalike has mmplugin's routes in an ordinary server: the
// Mattermost-User-Id header is whatever the client sends, so the route is
// not known to be authenticated and the missing limiter is a warning.
package mmlookalike

import (
	"context"
	"net/http"
	"os"

	"github.com/gin-gonic/gin"
	openai "github.com/sashabaranov/go-openai"
)

var client = openai.NewClient(os.Getenv("OPENAI_API_KEY"))

type Server struct{}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	router := gin.Default()
	router.Use(signedIn)
	router.POST("/summarize", summarize) // want `POST /summarize reaches a model call, and no rate limiter is in sight: every request spends tokens without bound$`
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
