package a

import (
	"context"
	"net/http"
	"text/template"

	"example.com/wrap"
	"github.com/ollama/ollama/api"
	"github.com/tmc/langchaingo/prompts"
)

func summarize(w http.ResponseWriter, r *http.Request) {
	prompts.NewPromptTemplate(r.FormValue("template"), []string{"doc"}) // want `untrusted data is compiled as a template in prompts.NewPromptTemplate, from a form value`
	prompts.NewPromptTemplate("Summarize: {{.doc}}", []string{"doc"})
	prompts.NewSystemMessagePromptTemplate("You are "+r.FormValue("who"), nil) // want `prompts.NewSystemMessagePromptTemplate`
	template.New("p").Parse(r.FormValue("t"))                                  // want `template in template.Parse`
	t := template.Must(template.New("p").Parse("Hello {{.}}"))
	t.Execute(w, r.FormValue("name"))
	wrap.Compile(r.FormValue("t")) // want `template in wrap.Compile → prompts.NewPromptTemplate at wrap.go:\d+`
	wrap.Compile("fixed {{.doc}}")
}

func ollama(ctx context.Context, c *api.Client, r *http.Request) {
	c.Generate(ctx, &api.GenerateRequest{Template: r.FormValue("tpl")}, nil) // want `api.GenerateRequest.Template`
}
