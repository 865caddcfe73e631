package a

import (
	"context"
	"io"
	"net/http"

	"github.com/anthropics/anthropic-sdk-go"
)

// Roles as an enumeration of the program's own (not strings): the name of
// the constant says which one is the system's.
type speaker int

const (
	speakerHuman speaker = iota
	speakerAssistant
	speakerSystem
)

type entry struct {
	Role speaker
	Text string
}

type chatJob struct {
	Entries []entry
	Notes   string
}

// toParams converts a conversation of any roles, choosing the system
// channel by each entry's role.
func toParams(job chatJob) anthropic.MessageNewParams {
	system := ""
	var msgs []anthropic.MessageParam
	for _, e := range job.Entries {
		switch e.Role {
		case speakerSystem:
			system += e.Text
			continue
		case speakerHuman, speakerAssistant:
			msgs = append(msgs, anthropic.NewUserMessage(anthropic.NewTextBlock(e.Text)))
		}
	}
	return anthropic.MessageNewParams{Messages: msgs, System: []anthropic.TextBlockParam{{Text: system}}}
}

// toParamsB and toParamsC are toParams, so that a finding is their own.
func toParamsB(job chatJob) anthropic.MessageNewParams {
	system := ""
	var msgs []anthropic.MessageParam
	for _, e := range job.Entries {
		switch e.Role {
		case speakerSystem:
			system += e.Text
			continue
		case speakerHuman, speakerAssistant:
			msgs = append(msgs, anthropic.NewUserMessage(anthropic.NewTextBlock(e.Text)))
		}
	}
	return anthropic.MessageNewParams{Messages: msgs, System: []anthropic.TextBlockParam{{Text: system}}}
}

func toParamsC(job chatJob) anthropic.MessageNewParams {
	system := ""
	var msgs []anthropic.MessageParam
	for _, e := range job.Entries {
		switch e.Role {
		case speakerSystem:
			system += e.Text
			continue
		case speakerHuman, speakerAssistant:
			msgs = append(msgs, anthropic.NewUserMessage(anthropic.NewTextBlock(e.Text)))
		}
	}
	return anthropic.MessageNewParams{Messages: msgs, System: []anthropic.TextBlockParam{{Text: system}}}
}

func fetchPage(url string) string {
	resp, err := http.Get(url)
	if err != nil {
		return ""
	}
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}

// Silent: the fetched page is in the human's entry, the system entry is
// the program's text.
func digest(ctx context.Context, c *anthropic.Client) {
	page := fetchPage("https://example.com/a")
	job := chatJob{Entries: []entry{
		{Role: speakerSystem, Text: "Summarize the page."},
		{Role: speakerHuman, Text: page},
	}}
	c.Messages.New(ctx, toParams(job))
}

// Firing: the page spliced into the system entry.
func digestInSystem(ctx context.Context, c *anthropic.Client, r *http.Request) {
	page := r.FormValue("page")
	job := chatJob{Entries: []entry{
		{Role: speakerSystem, Text: "Summarize this page: " + page},
	}}
	c.Messages.New(ctx, toParamsB(job)) // want `untrusted data reaches the system prompt in a.toParamsB → anthropic.MessageNewParams.System at enumroles.go:\d+, from a form value`
}

// A role the caller chooses: the engine cannot tell it, so a note.
func digestAs(ctx context.Context, c *anthropic.Client, who speaker) {
	page := fetchPage("https://example.com/c")
	c.Messages.New(ctx, toParamsC(chatJob{Entries: []entry{{Role: who, Text: page}}})) // want `untrusted data reaches the system prompt in a.toParamsC .*\(a note, not an error`
}
