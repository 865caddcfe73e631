// Package mmpeer is a Mattermost server plugin with an endpoint for the
// server's other plugins (behind Mattermost-Plugin-ID, which the server
// sets on plugin-to-plugin requests alone) and one for signed-in users.
// The request is untrusted in both; only the users' is an end user's.
package mmpeer

import (
	"encoding/json"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/mattermost/mattermost/server/public/plugin"
	"github.com/openai/openai-go/v3"
)

var client openai.Client

type ask struct {
	Persona, Question string
}

type Plugin struct {
	plugin.MattermostPlugin
}

func (p *Plugin) ServeHTTP(c *plugin.Context, w http.ResponseWriter, r *http.Request) {
	router := gin.Default()
	peers := router.Group("/peer/v1")
	peers.Use(fromPeer)
	peers.POST("/ask", peerAsk)

	router.Use(signedIn)
	router.POST("/ask", userAsk)
	router.POST("/greet", greet)
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

func peerAsk(c *gin.Context) {
	var a ask
	json.NewDecoder(c.Request.Body).Decode(&a)
	client.Chat.Completions.New(c.Request.Context(), openai.ChatCompletionNewParams{
		Messages: []openai.ChatCompletionMessageParamUnion{
			openai.SystemMessage("You are " + a.Persona), // want `untrusted data reaches the system prompt in openai.SystemMessage, from the request body \(source at mmpeer.go:\d+\) \(a note, not an error: the request comes only from another server-side plugin of the same Mattermost server, not from an end user`
			openai.UserMessage(a.Question),
		},
	})
}

func userAsk(c *gin.Context) {
	var a ask
	json.NewDecoder(c.Request.Body).Decode(&a)
	client.Chat.Completions.New(c.Request.Context(), openai.ChatCompletionNewParams{
		Messages: []openai.ChatCompletionMessageParamUnion{
			openai.SystemMessage("You are " + a.Persona), // want `untrusted data reaches the system prompt in openai.SystemMessage, from the request body \(source at mmpeer.go:\d+\)$`
			openai.UserMessage(a.Question),
		},
	})
}

// greet puts the ID of the user the server signed in into the system
// prompt: the server sets the header, not the client. Silent.
func greet(c *gin.Context) {
	id := c.GetHeader("Mattermost-User-Id")
	client.Chat.Completions.New(c.Request.Context(), openai.ChatCompletionNewParams{
		Messages: []openai.ChatCompletionMessageParamUnion{
			openai.SystemMessage("You are talking to user " + id),
		},
	})
}
