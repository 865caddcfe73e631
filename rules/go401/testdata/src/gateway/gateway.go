// Package gateway serves a model API of its own in front of a provider.
package gateway

import (
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/openai/openai-go/v3"
)

type Block struct {
	Text   string `json:"text"`
	Source string `json:"source"`
}

type Message struct {
	Role    string `json:"role"`
	Content string `json:"content"`
}

// MessagesRequest is a model API's request: the caller writes the
// conversation, its system prompt and its tools.
type MessagesRequest struct {
	Model    string    `json:"model"`
	Messages []Message `json:"messages"`
	System   []Block   `json:"system"`
}

// systemText converts the caller's system blocks to the provider's one
// string, with a label of the gateway's own.
func systemText(blocks []Block) string {
	var out string
	for _, b := range blocks {
		out += fmt.Sprintf("%s (from %s)\n", b.Text, b.Source)
	}
	return out
}

// messages relays the caller's own system prompt: a note.
func messages(w http.ResponseWriter, r *http.Request) {
	var req MessagesRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		return
	}
	_ = openai.SystemMessage(systemText(req.System)) // want `untrusted data reaches the system prompt .*\(a note, not an error: the endpoint takes a model API's request \(MessagesRequest, whose fields let the caller write`
}

// ChatRequest has a conversation but no system prompt or tools of the
// caller's: a chat front end, whose system prompt is the program's.
type ChatRequest struct {
	Model    string    `json:"model"`
	Messages []Message `json:"messages"`
}

func chat(w http.ResponseWriter, r *http.Request) {
	var req ChatRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		return
	}
	_ = openai.SystemMessage(fmt.Sprintf("You are %s.", req.Messages[0].Content)) // want `untrusted data reaches the system prompt in openai.SystemMessage, from the request body \(source at gateway.go:\d+\)$`
}
