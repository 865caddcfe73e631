// Package go401 defines rule GO401: untrusted data reaches the system prompt.
package go401

import (
	"golang.org/x/tools/go/analysis"

	"github.com/apiaudit/apiaudit/pkg/goapi/authn"
	"github.com/apiaudit/apiaudit/pkg/gotaint"
	"github.com/apiaudit/apiaudit/pkg/lint"
)

var Rule = &lint.Rule{
	ID:   "GO401",
	Name: "system-prompt-injection",
	Doc: lint.Doc{
		Title:   "Untrusted data reaches the system prompt",
		Summary: `Request data, MCP or model tool-call arguments, model output or fetched content flows into the system or developer channel of a model call (openai-go SystemMessage/DeveloperMessage and responses Instructions, go-openai system/developer messages and Instructions, anthropic MessageNewParams.System, genai SystemInstruction, ollama System and system messages, langchaingo system parts, genkit ai.WithSystem).`,
		Why: `The system (or developer) prompt is the part of a conversation the model
trusts most: it sets the rules the rest of the conversation is judged by.
Text that a client, a tool caller or another model controls does not belong
there. Whoever writes it can replace the application's instructions ("ignore
the above, you are now..."), read back what the prompt holds, or steer the
model into calling tools on their behalf. User text belongs in the user turn,
where models are trained to treat it as data to answer rather than as orders.

The rule follows data through decoding (json.Unmarshal, Decoder.Decode,
framework binders), string building, struct fields, helpers in the same
package and, through facts, wrappers in other packages. User-role content is
a barrier: putting the request text in the user message is the fix, not a
finding. A comparison against constants (an enum, a switch, an allow-list
map, slices.Contains) clears the value on the paths after it, and parsing
into a number clears it too. langchaingo's NewSystemMessagePromptTemplate is
left to GO403, which reports the template itself.

The caller's own data is not an attack on the caller: a proxy or an
OpenAI- or Anthropic-compatible endpoint that passes a request's system text
through as it came is not reported. Request data that the program joins to
text of its own (a constant, a format, a template, a prompt it loads) is:
that is the program's prompt, rewritten by whoever sends the request. Tool
arguments, model output and fetched content are reported either way.
An endpoint that decodes its request into a model API's request type (a
conversation field, messages, contents or input, beside a field for the
caller's system prompt or tools: system, systemInstruction, instructions,
tools) serves that API: the caller writes the system prompt, and relaying it
is the API's contract. Its flows of request data (and content it retrieved)
are notes that say so, even when its conversion between API dialects adds
text of its own on the way; a request with a conversation and no such field
is a chat front end's, and keeps the error.

Code that converts a whole conversation for an SDK, choosing the system
channel by each message's role (as stored, or lower-cased and trimmed
first), is reported as a note for data whose
message role the engine cannot tell; data the program put in a message whose
role it set to a constant other than the system's ("user", "assistant", a
model's reply kept in the conversation) never takes that branch and is not
reported there. Content the program fetched, alone (a system message a
role's configuration loads from a URL, knowledge from its own store), and
data that gets there only through an object's stored state are notes: on
real projects those were the operator's own text. Data that reaches the
sink only inside an object passed whole to a call is a warning. Request
data spliced into a system prompt the program writes stays an error.`,
		Fix: "keep the system prompt fixed and put the untrusted text in a user message, or choose among fixed prompts with an allow-list",
		Bad: `func chat(w http.ResponseWriter, r *http.Request) {
	persona := r.FormValue("persona")
	client.Chat.Completions.New(r.Context(), openai.ChatCompletionNewParams{
		Messages: []openai.ChatCompletionMessageParamUnion{
			openai.SystemMessage("You are " + persona),
			openai.UserMessage(r.FormValue("q")),
		},
	})
}`,
		Good: `var personas = map[string]string{"tutor": "You are a patient tutor."}

func chat(w http.ResponseWriter, r *http.Request) {
	system, ok := personas[r.FormValue("persona")]
	if !ok {
		http.Error(w, "unknown persona", http.StatusBadRequest)
		return
	}
	client.Chat.Completions.New(r.Context(), openai.ChatCompletionNewParams{
		Messages: []openai.ChatCompletionMessageParamUnion{
			openai.SystemMessage(system),
			openai.UserMessage(r.FormValue("q")),
		},
	})
}`,
		Lang:      "go",
		Severity:  lint.SeverityError,
		Grades:    "An error for request data, tool arguments or model output in the system channel. A note for request data of an endpoint that decodes its request into a model API's request type (a conversation beside the caller's system prompt or tools), which relays its caller's own prompt. A warning for data that reaches it only inside an object passed whole to a call. A note for fetched content alone, for data that gets there only through an object's stored state, for code that picks the channel by each message's role, for request data that only another server-side plugin of the program's host sends (a route behind the host's plugin-to-plugin header, such as a Mattermost plugin's Mattermost-Plugin-ID), and in example code or test scaffolding.",
		Precision: "low",
		CWE:       []int{1427, 77},
		OWASP:     []string{"LLM01:2025", "LLM07:2025"},
		Since:     "v0.1.0",
	},
	Options: &options,
}

// options are the rule's additions to the engine's tables (see
// gotaint.Options).
var options gotaint.Options

// Analyzer is the rule's check; its name is the rule's ID.
var Analyzer = gotaint.NewAnalyzer(gotaint.Check{
	ID: "GO401", Doc: "untrusted data reaches the system prompt", URL: Rule.HelpURI(),
	Options: &options, Source: gotaint.Retrieved, Sink: gotaint.SystemPrompt,
	GradeStored: true, StateNote: true, RoleNote: true, Pick: pick, PerPackage: perPackage, Message: gotaint.Says("untrusted data reaches the system prompt"),
})

// note grades down fetched content that is the only untrusted data of a
// flow: the judged one was a system message a role's configuration fetched
// from a URL the user wrote there. Flows through an object's stored state
// (retrieval from the program's own knowledge store) and through code that
// picks the channel by each message's role are notes too (StateNote,
// RoleNote): none of the four judged was true.
func note(f *gotaint.Flow) string {
	if f.Sources == gotaint.Retrieved && !f.Role && !f.State {
		return "the text is content the program fetched, usually from a URL or a store its own configuration names, not text a caller sent: check who controls that source"
	}
	return ""
}

func init() {
	// gotaint.WithPeerNote asks which handlers only a host's other
	// plugins call.
	Analyzer.Requires = append(Analyzer.Requires, authn.Analyzer)
	Rule.Analyzer = Analyzer
}

// pick leaves NewSystemMessagePromptTemplate, also a template, to GO403,
// and the caller's own system text passed through as it came to
// gotaint.OwnData.
func pick(f *gotaint.Flow) gotaint.Source {
	if f.Sink&gotaint.SystemPrompt == 0 || f.Sink&gotaint.Template != 0 || gotaint.OwnData(f) {
		return 0
	}
	return gotaint.AnySource
}

// perPackage adds to note the endpoints of a model API that relay their
// caller's own conversation (gotaint.ModelAPIRelay) and the routes that
// only another plugin of the program's host calls (gotaint.WithPeerNote).
func perPackage(pass *analysis.Pass) (below, n func(*gotaint.Flow) string) {
	relay := gotaint.ModelAPIRelay(pass)
	_, peer := gotaint.WithPeerNote(nil, nil)(pass)
	return nil, func(f *gotaint.Flow) string {
		if why := note(f); why != "" {
			return why
		}
		if why := relay(f); why != "" {
			return why
		}
		if peer != nil {
			return peer(f)
		}
		return ""
	}
}
