// Package summaries summarizes a long text in parts with a model, then
// the parts' summaries together; a helper converts the conversation and
// returns the system text apart, as SDK adapters do.
package summaries

import (
	"context"
	"net/http"
	"strings"

	"github.com/anthropics/anthropic-sdk-go"
)

type speaker int

const (
	byUser speaker = iota
	byModel
	bySystem
)

type line struct {
	Role speaker
	Body string
}

type job struct {
	Lines []line
	Label string
}

// split returns the system text and the other messages.
func split(lines []line) (string, []anthropic.MessageParam) {
	system := ""
	var msgs []anthropic.MessageParam
	for _, l := range lines {
		switch l.Role {
		case bySystem:
			system += l.Body
			continue
		case byUser, byModel:
			msgs = append(msgs, anthropic.NewUserMessage(anthropic.NewTextBlock(l.Body)))
		}
	}
	return system, msgs
}

type claude struct{ client anthropic.Client }

func (c *claude) Run(j job) string {
	system, msgs := split(j.Lines)
	res, err := c.client.Messages.New(context.Background(), anthropic.MessageNewParams{
		Messages: msgs, System: []anthropic.TextBlockParam{{Text: system}},
	})
	if err != nil || len(res.Content) == 0 {
		return ""
	}
	return res.Content[0].Text
}

// Silent: the model's summaries of the parts go into the user message of
// the last request; the system message is the program's.
func summarize(c *claude, parts []string) string {
	var sums []string
	for _, p := range parts {
		sums = append(sums, c.Run(job{Lines: []line{{Role: bySystem, Body: "Summarize the part."}, {Role: byUser, Body: p}}}))
	}
	return c.Run(job{Lines: []line{
		{Role: bySystem, Body: "Join the summaries."},
		{Role: byUser, Body: strings.Join(sums, "\n")},
	}})
}

// runAgain is Run, so that a finding here is its own.
func (c *claude) runAgain(j job) string {
	system, msgs := split(j.Lines)
	c.client.Messages.New(context.Background(), anthropic.MessageNewParams{
		Messages: msgs, System: []anthropic.TextBlockParam{{Text: system}},
	})
	return ""
}

// Firing: request data spliced into the system message.
func persona(w http.ResponseWriter, r *http.Request, c *claude) {
	c.runAgain(job{Lines: []line{{Role: bySystem, Body: "Answer as " + r.FormValue("persona")}}}) // want `untrusted data reaches the system prompt in claude.runAgain → anthropic.MessageNewParams.System at summaries.go:\d+, from a form value \(source at summaries.go:\d+\)$`
}
