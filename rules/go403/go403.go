// Package go403 defines rule GO403: untrusted text is compiled as a template.
package go403

import (
	"github.com/apiaudit/apiaudit/pkg/goapi/authn"
	"github.com/apiaudit/apiaudit/pkg/gotaint"
	"github.com/apiaudit/apiaudit/pkg/lint"
)

var Rule = &lint.Rule{
	ID:   "GO403",
	Name: "prompt-template-injection",
	Doc: lint.Doc{
		Title:   "Untrusted text is compiled as a template",
		Summary: `Request data, tool arguments, model output or fetched content is used as the text of a template that is then compiled: langchaingo prompts.NewPromptTemplate and the New*MessagePromptTemplate constructors, text/template and html/template Parse, ollama GenerateRequest.Template.`,
		Why: `Filling a template with untrusted values is normal; letting untrusted text be
the template is not. langchaingo renders Go-template prompts with
text/template and the sprig function map, which includes env and expandenv:
a template written by a client can read the process environment, API keys
included, and put them in the prompt or the answer. text/template itself
can call any method of the data it is given. ollama's Template replaces the
model's chat template, and with it the boundary between system and user
text. Templates should be constants; untrusted text belongs in the values.

Content the program fetched or loaded, alone (a workflow author's own step
template loaded with the workflow), is a note: check who controls that
source. Data that reaches the template only inside an object passed whole
to a call is a warning.`,
		Fix: "make the template a constant and pass the untrusted text as a template value",
		Bad: `func summarize(w http.ResponseWriter, r *http.Request) {
	tmpl := prompts.NewPromptTemplate(r.FormValue("template"), []string{"doc"})
	// ...
}`,
		Good: `func summarize(w http.ResponseWriter, r *http.Request) {
	tmpl := prompts.NewPromptTemplate("Summarize this document:\n{{.doc}}", []string{"doc"})
	prompt, _ := tmpl.Format(map[string]any{"doc": r.FormValue("doc")})
	// ...
}`,
		Lang:      "go",
		Severity:  lint.SeverityError,
		Grades:    "A warning for data that gets there only through an object's stored state or only inside an object passed whole to a call. A note for fetched or loaded content alone, for request data that only another server-side plugin of the program's host sends (a route behind the host's plugin-to-plugin header, such as a Mattermost plugin's Mattermost-Plugin-ID), and in example code or test scaffolding.",
		Precision: "high",
		CWE:       []int{1336, 94},
		OWASP:     []string{"LLM01:2025", "LLM02:2025"},
		Since:     "v0.1.0",
	},
	Options: &options,
}

// options are the rule's additions to the engine's tables (see
// gotaint.Options).
var options gotaint.Options

// Analyzer is the rule's check; its name is the rule's ID.
var Analyzer = gotaint.NewAnalyzer(gotaint.Check{
	ID: "GO403", Doc: "untrusted text is compiled as a template", URL: Rule.HelpURI(),
	Options: &options, Source: gotaint.Retrieved, Sink: gotaint.Template,
	GradeStored: true, Pick: gotaint.SinkIs(gotaint.Template), Note: note, PerPackage: gotaint.WithPeerNote(nil, note), Message: gotaint.Says("untrusted data is compiled as a template"),
})

// note grades down fetched content that is the only untrusted data of a
// flow: the judged one was a workflow author's own step template, loaded
// with the workflow.
func note(f *gotaint.Flow) string {
	if f.Sources == gotaint.Retrieved {
		return "the template is content the program fetched or loaded, usually a file or a URL its own configuration names, not text a caller sent: check who controls that source"
	}
	return ""
}

func init() {
	// gotaint.WithPeerNote asks which handlers only a host's other
	// plugins call.
	Analyzer.Requires = append(Analyzer.Requires, authn.Analyzer)
	Rule.Analyzer = Analyzer
}
