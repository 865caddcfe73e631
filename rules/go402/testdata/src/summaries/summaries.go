// Package summaries summarizes a long text in parts with a model, then
// the parts' summaries together: a completion request carries the
// program's configured tools beside the messages, and the model's text
// fills only a user message.
package summaries

import (
	"context"
	"net/http"
	"strings"
	"text/template"

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

type toolSpec struct{ Name, Summary string }

type toolbox struct{ specs []toolSpec }

func (t *toolbox) List() []toolSpec { return t.specs }

type settings struct {
	Assistant string
	Tools     *toolbox
	Vars      map[string]any
}

type job struct {
	Lines    []line
	Settings *settings
}

type model interface {
	Run(j job) string
}

type claude struct{ client anthropic.Client }

func (c *claude) Run(j job) string {
	system := ""
	var msgs []anthropic.MessageParam
	for _, l := range j.Lines {
		switch l.Role {
		case bySystem:
			system += l.Body
		case byUser:
			msgs = append(msgs, anthropic.NewUserMessage(anthropic.NewTextBlock(l.Body)))
		}
	}
	var tools []anthropic.ToolUnionParam
	if j.Settings.Tools != nil {
		for _, s := range j.Settings.Tools.List() {
			tools = append(tools, anthropic.ToolUnionParam{OfTool: &anthropic.ToolParam{Name: s.Name, Description: anthropic.String(s.Summary)}})
		}
	}
	res, err := c.client.Messages.New(context.Background(), anthropic.MessageNewParams{
		Messages: msgs, System: []anthropic.TextBlockParam{{Text: system}}, Tools: tools,
	})
	if err != nil || len(res.Content) == 0 {
		return ""
	}
	return res.Content[0].Text
}

var systemText = template.Must(template.New("s").Parse("You summarize for {{.Assistant}}."))

func systemPrompt(s *settings) string {
	var b strings.Builder
	systemText.Execute(&b, s)
	return b.String()
}

// Silent: the model's summaries of the parts go into the user message
// of the last request; the system message and the tools are the
// program's.
func summarize(m model, s *settings, parts []string) string {
	var sums []string
	for _, p := range parts {
		sums = append(sums, m.Run(job{Lines: []line{{Role: bySystem, Body: systemPrompt(s)}, {Role: byUser, Body: p}}, Settings: s}))
	}
	s.Vars = map[string]any{"parts": len(parts)}
	final := job{
		Lines: []line{
			{Role: bySystem, Body: systemPrompt(s)},
			{Role: byUser, Body: strings.Join(sums, "\n")},
		},
		Settings: s,
	}
	return m.Run(final)
}

// sendState is what a goroutine that talks to the model gets: a literal
// copied into a variable the goroutine's closure captures.
type sendState struct {
	system string
	tools  []toolSpec
	out    chan string
}

func (c *claude) send(st sendState) {
	var tools []anthropic.ToolUnionParam
	for _, s := range st.tools {
		tools = append(tools, anthropic.ToolUnionParam{OfTool: &anthropic.ToolParam{Name: s.Name}})
	}
	c.client.Messages.New(context.Background(), anthropic.MessageNewParams{
		System: []anthropic.TextBlockParam{{Text: st.system}}, Tools: tools,
	})
	close(st.out)
}

func (c *claude) Stream(j job) <-chan string {
	system := ""
	for _, l := range j.Lines {
		if l.Role == bySystem {
			system += l.Body
		}
	}
	out := make(chan string)
	st := sendState{system: system, out: out}
	if j.Settings.Tools != nil {
		st.tools = j.Settings.Tools.List()
	}
	go func() { c.send(st) }()
	return out
}

// Silent: the question fills the system field of the state, not its
// tools; the tools are the configured ones.
func ask(w http.ResponseWriter, r *http.Request, c *claude, s *settings) {
	c.Stream(job{Lines: []line{{Role: bySystem, Body: "Answer about " + r.FormValue("topic")}}, Settings: s})
}

// Firing: a tool named by the request.
func askWithTool(w http.ResponseWriter, r *http.Request, c *claude) {
	s := &settings{Tools: &toolbox{specs: []toolSpec{{Name: "search_" + r.FormValue("index")}}}}
	c.Stream(job{Settings: s}) // want `untrusted data reaches a tool definition in claude.Stream → claude.send → anthropic.ToolParam.Name at summaries.go:\d+, from a form value \(source at summaries.go:\d+\)$`
}
