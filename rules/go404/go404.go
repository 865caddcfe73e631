// Package go404 defines rule GO404: model output reaches a command, query, path, URL, HTML or redirect.
package go404

import (
	"fmt"

	"github.com/apiaudit/apiaudit/pkg/gotaint"
	"github.com/apiaudit/apiaudit/pkg/lint"
)

var Rule = &lint.Rule{
	ID:   "GO404",
	Name: "model-output-to-dangerous-sink",
	Doc: lint.Doc{
		Title:   "Model output reaches a command, query, path, URL, HTML or redirect",
		Summary: `Text a model produced (openai-go and go-openai choices, responses OutputText, anthropic content blocks, genai Text, ollama messages, langchaingo choices and chains, tool-call arguments) is used unchecked as a command, a SQL statement, a file path, an outbound URL, trusted HTML or a redirect target.`,
		Why: `A model's answer is untrusted input: anyone who can put text in front of the
model (a user, a web page it reads, a document it retrieves, a tool result)
can make it answer with a shell command, a SQL statement, a path such as
../../etc/passwd or an internal URL. Code that runs or opens what the model
wrote hands that person the program's privileges. Treat model output as you
would treat a request body: parse it into a fixed set of actions, look names
up in allow-lists, pass values to SQL as parameters, keep paths under a root
(os.Root) and escape HTML.

A cryptographic hash of the output rendered as hex or base64's URL alphabet
(a cache key: sha256 of the answer, hex-encoded) names a file nobody chooses
and is not reported.

Model tool-call arguments that reach command execution are reported by GO307
instead, so that the same call is not reported twice.

A path of more than four calls, and data that gets there only through an
object's stored state, are notes: on real projects those were URLs and
commands an agent object builds from its configuration, which the answer
only passed through. Data that reaches the sink only inside an object
passed whole to a call is a warning.`,
		Fix: "map model output onto a fixed set of allowed actions and values; use query parameters, os.Root and escaping instead of raw text",
		Bad: `resp, _ := client.CreateChatCompletion(ctx, req)
query := resp.Choices[0].Message.Content
rows, _ := db.Query(query)`,
		Good: `resp, _ := client.CreateChatCompletion(ctx, req)
var q struct{ Customer string }
if err := json.Unmarshal([]byte(resp.Choices[0].Message.Content), &q); err != nil {
	return err
}
rows, _ := db.Query("SELECT * FROM orders WHERE customer = ?", q.Customer)`,
		Lang:      "go",
		Severity:  lint.SeverityError,
		Grades:    "A warning for data that reaches the sink only inside an object passed whole to a call. A note for a path that goes through a function named for asking a person first (ApprovalGate.WrapExecution, confirmAndRun: the user approves the call before it runs), for a path of more than four calls, for data that gets there only through an object's stored state, and in example code or test scaffolding.",
		Precision: "high",
		CWE:       []int{1426, 78, 89, 22, 918, 79, 601},
		OWASP:     []string{"LLM05:2025", "API10:2023"},
		Since:     "v0.1.0",
	},
	Options: &options,
}

// options are the rule's additions to the engine's tables (see
// gotaint.Options).
var options gotaint.Options

// Analyzer is the rule's check; its name is the rule's ID.
var Analyzer = gotaint.NewAnalyzer(gotaint.Check{
	ID: "GO404", Doc: "model output reaches a command, query, path, URL, HTML or redirect", URL: Rule.HelpURI(),
	Options: &options, Source: gotaint.ModelOutput, Sink: gotaint.Custom,
	GradeStored: true, StateNote: true, Pick: pick, Note: note, Message: func(f *gotaint.Flow) string { return "model output reaches " + f.Sink.String() },
})

// longPath is the number of calls on the way to the sink (the sink
// included) beyond which a flow is a note.
const longPath = 4

// note grades down paths through more than four calls: the judged ones
// were a Vertex AI URL and the command of a configured MCP server, built
// from the configuration of an agent object that the model's answer only
// passed through (none of them true). Flows through an object's stored
// state are notes too (StateNote; none of fifteen judged was true).
func note(f *gotaint.Flow) string {
	if step := gotaint.ApprovalStep(f); step != "" {
		return "on the way the call goes through " + step + ", which by its name asks the user to approve it first: check that it asks for every such call and that no setting skips the question (GoCode's approval gate before its file-patch tool was judged noise at error, 0 of 2)"
	}
	if n := gotaint.Calls(f); n > longPath && !f.State {
		return fmt.Sprintf("the path crosses %d calls, and over so many the analysis's approximations of fields and interfaces add up: check that the model's text really becomes the command, path or URL", n)
	}
	return ""
}

func init() { Rule.Analyzer = Analyzer }

const dangerous = gotaint.Exec | gotaint.SQL | gotaint.NoSQL | gotaint.Path | gotaint.URL | gotaint.HTML | gotaint.Redirect | gotaint.Custom

func pick(f *gotaint.Flow) gotaint.Source {
	if f.Sink&dangerous == 0 || f.Sources&gotaint.ModelOutput == 0 {
		return 0
	}
	if f.Sink&gotaint.Exec != 0 && f.Sources&gotaint.ToolArgs != 0 {
		return 0 // GO307
	}
	return gotaint.ModelOutput
}
