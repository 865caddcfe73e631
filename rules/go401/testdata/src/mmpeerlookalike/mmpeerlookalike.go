// Package mmpeerlookalike has mmpeer's endpoint in an ordinary server:
// any client can send Mattermost-Plugin-ID here, so the caller is anyone.
package mmpeerlookalike

import (
	"encoding/json"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/openai/openai-go/v3"
)

var client openai.Client

type ask struct {
	Persona, Question string
}

func Run() {
	router := gin.Default()
	peers := router.Group("/peer/v1")
	peers.Use(fromPeer)
	peers.POST("/ask", peerAsk)
	router.POST("/greet", greet)
	http.ListenAndServe(":8080", router)
}

func fromPeer(c *gin.Context) {
	if c.GetHeader("Mattermost-Plugin-ID") == "" {
		c.AbortWithStatus(http.StatusUnauthorized)
	}
}

func peerAsk(c *gin.Context) {
	var a ask
	json.NewDecoder(c.Request.Body).Decode(&a)
	client.Chat.Completions.New(c.Request.Context(), openai.ChatCompletionNewParams{
		Messages: []openai.ChatCompletionMessageParamUnion{
			openai.SystemMessage("You are " + a.Persona), // want `untrusted data reaches the system prompt in openai.SystemMessage, from the request body \(source at mmpeerlookalike.go:\d+\)$`
			openai.UserMessage(a.Question),
		},
	})
}

// greet: outside a host's plugin the header is the client's own text.
func greet(c *gin.Context) {
	id := c.GetHeader("Mattermost-User-Id")
	client.Chat.Completions.New(c.Request.Context(), openai.ChatCompletionNewParams{
		Messages: []openai.ChatCompletionMessageParamUnion{
			openai.SystemMessage("You are talking to user " + id), // want `untrusted data reaches the system prompt in openai.SystemMessage, from request data \(source at mmpeerlookalike.go:\d+\)$`
		},
	})
}
