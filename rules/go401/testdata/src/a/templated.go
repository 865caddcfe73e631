package a

import (
	"net/http"
	"strings"
	"text/template"

	"github.com/openai/openai-go/v3"
)

var fixedPrompt = template.Must(template.New("p").Parse("You answer questions about {{.}}."))

// A template parsed from the request writes the request's text: its
// output, made the system prompt, is the request's.
func templatedSystem(w http.ResponseWriter, r *http.Request) {
	t, err := template.New("p").Parse(r.FormValue("prompt"))
	if err != nil {
		return
	}
	var b strings.Builder
	t.Execute(&b, "billing")
	_ = openai.SystemMessage(b.String()) // want `untrusted data reaches the system prompt in openai.SystemMessage, from a form value`
}

// Silent: the program's template, filled with the program's value.
func fixedSystem(w http.ResponseWriter, r *http.Request) {
	var b strings.Builder
	fixedPrompt.Execute(&b, "billing")
	_ = openai.SystemMessage(b.String())
}
