// Package gateway serves a model API of its own in front of a provider.
package gateway

import (
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/openai/openai-go/v3"
)

type Tool struct {
	Name        string `json:"name"`
	Description string `json:"description"`
	Dialect     string `json:"dialect"`
}

type Message struct {
	Role    string `json:"role"`
	Content string `json:"content"`
}

// CompletionRequest is a model API's request: the caller writes the
// conversation and declares its tools.
type CompletionRequest struct {
	Model string    `json:"model"`
	Input []Message `json:"input"`
	Tools []Tool    `json:"tools"`
}

// completions writes the caller's tools in the provider's dialect, with a
// note of the gateway's own on the way: a note.
func completions(w http.ResponseWriter, r *http.Request) {
	var req CompletionRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		return
	}
	var out []openai.FunctionDefinitionParam
	for _, t := range req.Tools {
		out = append(out, openai.FunctionDefinitionParam{
			Name:        t.Name,
			Description: openai.String(fmt.Sprintf("%s (declared in the %s dialect)", t.Description, t.Dialect)), // want `untrusted data reaches a tool definition in shared.FunctionDefinitionParam.Description, .*\(a note, not an error: the endpoint takes a model API's request \(CompletionRequest, whose fields let the caller`
		})
	}
	_ = out
}

// RegisterRequest names a tool the program will list to every later
// conversation: no conversation of the caller's, so not a model API's
// request.
type RegisterRequest struct {
	Name        string `json:"name"`
	Description string `json:"description"`
}

func register(w http.ResponseWriter, r *http.Request) {
	var req RegisterRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		return
	}
	_ = openai.FunctionDefinitionParam{
		Name:        req.Name,
		Description: openai.String(fmt.Sprintf("Look up %s in the catalogue", req.Description)), // want `untrusted data reaches a tool definition in shared.FunctionDefinitionParam.Description, from the request body \(source at gateway.go:\d+\)$`
	}
}
