// Package go408 defines rule GO408: untrusted data reaches a user prompt.
package go408

import (
	"github.com/apiaudit/apiaudit/pkg/gotaint"
	"github.com/apiaudit/apiaudit/pkg/lint"
)

var Rule = &lint.Rule{
	ID:   "GO408",
	Name: "user-prompt-flow",
	Doc: lint.Doc{
		Title:   "Untrusted data reaches a user prompt",
		Summary: `Request data, tool arguments, model output or fetched content flows into the user channel of a model call. Off by default: an inventory of the paths through which indirect prompt injection can arrive.`,
		Why: `Putting a user's text in the user turn is what a chatbot does, so this is not
a defect by itself. But the same channel carries text that no user wrote: web
pages the service fetched, documents it retrieved, tool results and other
models' output. Any of them can carry instructions (indirect prompt
injection). The rule lists every such path so that a review can check that
the model behind it has no tools or data it should not use on that text's
say-so. It is off by default; enable it for an audit.`,
		Fix: "review the path: mark fetched or retrieved text as data (delimiters, a separate message), and limit the tools the model can call on it",
		Bad: `page, _ := http.Get(url)
body, _ := io.ReadAll(page.Body)
client.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{
	Messages: []openai.ChatCompletionMessageParamUnion{openai.UserMessage("Summarize: " + string(body))},
})`,
		Good: `client.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{
	Messages: []openai.ChatCompletionMessageParamUnion{openai.UserMessage("Summarize our refund policy")},
})`,
		Lang:      "go",
		Severity:  lint.SeverityNote,
		Precision: "low",
		CWE:       []int{1427},
		OWASP:     []string{"LLM01:2025"},
		Since:     "v0.1.0",
		Optional:  true,
	},
	Options: &options,
}

// options are the rule's additions to the engine's tables (see
// gotaint.Options).
var options gotaint.Options

// Analyzer is the rule's check; its name is the rule's ID.
var Analyzer = gotaint.NewAnalyzer(gotaint.Check{
	ID: "GO408", Doc: "untrusted data reaches a user prompt", URL: Rule.HelpURI(),
	Options: &options, Source: gotaint.Retrieved, Sink: gotaint.UserPrompt,
	Pick: gotaint.SinkIs(gotaint.UserPrompt), Message: gotaint.Says("untrusted data reaches a user prompt"),
})

func init() { Rule.Analyzer = Analyzer }
