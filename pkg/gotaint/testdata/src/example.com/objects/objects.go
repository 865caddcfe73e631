// Package objects holds the engine's cases of objects held by a
// long-lived value: request data written into one of them leaves the
// fields of the others clean, and a function that returns a URL and a
// body side by side keeps them apart.
package objects

import (
	"net/http"
	"os"
	"os/exec"
	"strings"
)

type MCPConfig struct {
	Command string
	Args    []string
}

type Agent struct {
	history []string
	cfg     *MCPConfig
}

func (a *Agent) Remember(m string) { a.history = append(a.history, m) } // want `Remember: taint\(p1→p0.history\)`

func (a *Agent) Start() { exec.Command(a.cfg.Command, a.cfg.Args...).Run() } // want `Start: taint\(p0.cfg⇒command execution\)`

type Handler struct {
	agent *Agent
	conf  MCPConfig
}

// The request goes into the agent's history; the command comes from its
// configuration.
func (h *Handler) serve(w http.ResponseWriter, r *http.Request) { // want `serve: taint\(p0.agent⇒command execution request data@p0.agent\)`
	h.agent.Remember(r.FormValue("q"))
	h.agent.Start()
}

// The request sets the configured command itself.
func (h *Handler) serveCommand(w http.ResponseWriter, r *http.Request) { // want `serveCommand: taint\(p0.agent⇒command execution request data@p0.agent\)`
	h.agent.cfg.Command = r.FormValue("cmd")
	h.agent.Start() // want `command execution from a form value \(source at objects.go:\d+\) \[stored in h.agent.cfg.Command\]`
}

// Two levels in one function: h.conf.Args from the request, h.conf.Command
// from the configuration.
func (h *Handler) serveArgs(w http.ResponseWriter, r *http.Request) { // want `serveArgs: taint\(p0.conf⇒a file path request data@p0.conf\)`
	h.conf.Args = append(h.conf.Args, r.FormValue("arg"))
	os.Stat(h.conf.Command)
	os.Stat(h.conf.Args[0]) // want `a file path from a form value \(source at objects.go:\d+\) \[stored in h.conf.Args\]`
}

var vertexBase = os.Getenv("VERTEX_URL")

// transform returns the URL, built from configuration, and the body,
// built from the prompt.
func transform(model, prompt string) (string, string) { // want `transform: taint\(p0→result1 p1→result2\)`
	return vertexBase + "/models/" + model, `{"prompt":"` + prompt + `"}`
}

func generate(w http.ResponseWriter, r *http.Request) {
	url, body := transform("claude", r.FormValue("prompt"))
	http.Post(url, "application/json", strings.NewReader(body))
	url, _ = transform(r.FormValue("model"), "hi")
	http.Get(url) // want `an outbound URL from a form value`
}
