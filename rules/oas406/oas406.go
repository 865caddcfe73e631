// Package oas406 defines rule OAS406: an operation that stores what clients
// send and later gives it to a language model.
package oas406

import (
	"regexp"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/load/openapi"
)

var Rule = &lint.Rule{
	ID:   "OAS406",
	Name: "stored-prompt-surface",
	Doc: lint.Doc{
		Title: "Operation stores input that a model will read later",
		Summary: "The summary or description of a write operation says that what it accepts is kept and " +
			"later given to a language model: added to an assistant's memory, used as context, included " +
			"in a system prompt, shown to an agent, added to a knowledge base or vector store, or used " +
			"for fine-tuning.",
		Why: `Indirect prompt injection (OWASP LLM01:2025) does not come from the person
talking to the model. It comes from text the model reads later: a memory
entry, a document in a knowledge base, a note an agent will see the next
time it runs, a file used for fine-tuning. Whoever can call the operation
that stores that text can plant instructions in it, and they run with the
rights of whichever user or agent reads them back, possibly much later and
in another tenant's session. Training and retrieval data poisoned this way
(LLM04:2025, LLM08:2025) keeps working until someone finds and removes it.

These operations deserve more care than ordinary writes: bound and validate
what they accept, record who wrote each entry, restrict who may write, and
make sure the text is presented to the model as data, never as
instructions. When an AI agent can call the operation itself, one injected
page can make the agent write the payload into its own memory.

The rule reads the summary, description and request body description of
POST, PUT and PATCH operations that take input, for a short list of phrases
that say the input reaches a model: a model's memory or context, a prompt,
being shown to an agent. Phrases that only name a store models read from
(knowledge base, vector store, fine-tuning, RAG) count when the text also
says content is added, uploaded, attached or indexed. Reads (searching a
knowledge base), operations that control a job or a store (cancel, pause,
search, permissions), and mentions of memory or context that are not a
model's are not reported. Acknowledge a reviewed operation with ` + "`x-apiaudit-ignore`" + ` and a
reason.`,
		Fix: "bound and validate the stored text, restrict who may write it and keep it in a data role when it is read back to a model, then record the review with x-apiaudit-ignore",
		Bad: `paths:
  /v1/memories:
    post:
      operationId: addMemory
      summary: Save a fact about the traveller
      description: The fact is added to the assistant's long-term memory and used as context in future trips.`,
		Good: `paths:
  /v1/preferences:
    put:
      operationId: setPreferences
      summary: Save the traveller's seat and meal preferences
      description: Stored as structured fields (enums), never as free text.`,
		Lang:      "yaml",
		Severity:  lint.SeverityWarning,
		NoteOnly:  "none of its 12 findings judged on real projects was worth acting on; rules.severity sets another level",
		Precision: "low",
		Grades: `- **warning** when anyone may call the operation by the document's word (security: [] or an empty {} alternative, in a document that declares schemes): whoever's model reads the text later reads an anonymous writer's instructions.
- **note** when only authenticated callers may write (an accountable writer whose text is most often read back for their own model calls: an agent's memory, the caller's own files), or when who may write is unknown (no security scheme declared, authentication optional in every requirement the document writes, or no requirement written for the operation), with the reason in the message. Of the judged findings (docs/precision.md) none of these was one a maintainer would act on.
- **note** on a model vendor's own API, which stores the caller's files for the caller's own model calls.`,
		CWE:   []int{1427, 74},
		OWASP: []string{"LLM01:2025", "LLM04:2025", "LLM08:2025"},
		Since: "v0.1.0",
	},
	Spec: run,
}

// ai names what reads the stored text.
const ai = `(?:ai|assistant|agent|model|llm|gpt|bot|chatbot|copilot)s?`

// storedPhrases say that what an operation keeps will be read by a model.
var storedPhrases = regexp.MustCompile(`(?i)` + strings.Join([]string{
	// "added to the assistant's memory", "the agent's long-term memory"
	`\b` + ai + `(?:'s|’s|s')?\s+(?:long[- ]term\s+|persistent\s+)?memor(?:y|ies)\b`,
	`\blong[- ]term\s+memor(?:y|ies)\b`,
	`\b(?:remembered|recalled)\s+by\s+(?:the\s+|an?\s+)?` + ai + `\b`,
	// "used as context", "included in the system prompt", "the model's context window"
	`\bused\s+as\s+(?:additional\s+|extra\s+)?context\b`,
	`\b(?:included|inserted|injected|added|appended|prepended|placed|passed)\s+(?:in|into|to)\s+(?:the\s+|its\s+|their\s+|every\s+)?(?:` + ai + `(?:'s|’s)?\s+)?(?:system\s+prompts?|prompts?|context\s+window)\b`,
	`\b` + ai + `(?:'s|’s)\s+context\b`,
	// "shown to the agent", "made available to the model"
	`\b(?:shown|visible|available|exposed|surfaced|read\s+back)\s+to\s+(?:the\s+|an?\s+|any\s+|other\s+|your\s+)?(?:ai\s+)?` + ai + `\b`,
}, "|"))

// corpusPhrases name stores that models read from (retrieval indexes,
// training sets). They name a topic rather than a flow, so they count only
// when the text also says content is added.
var corpusPhrases = regexp.MustCompile(`(?i)\bknowledge[- ]?base\b|\bvector\s+(?:store|database|db|index)\b|\bretrieval[- ]augmented\b|\bfine[- ]?tun(?:e|es|ed|ing)\b|\b(?:used|use)\s+(?:to|for)\s+(?:train|training)\b`)

// rag is matched case-sensitively: "RAG", not the rag one cleans with.
var rag = regexp.MustCompile(`\bRAG\b`)

// adding verbs say content goes into a store.
var adding = regexp.MustCompile(`(?i)\b(?:add|upload|attach|ingest|index|import|insert|append|store|save|train)(?:s|es|ed|ing)?\b`)

// controlWords end the paths or operationIds of operations that act on a
// store or a job without adding content: cancel a fine-tuning job, search a
// vector store.
var controlWords = map[string]bool{
	"cancel": true, "pause": true, "resume": true, "retry": true, "stop": true, "start": true,
	"search": true, "query": true, "find": true, "lookup": true, "permissions": true, "validate": true,
}

func run(pass *lint.SpecPass) error {
	msg := "%s %s stores what it accepts for a model to read (%s %q): stored text is an indirect prompt injection surface"
	sev := lint.SeverityDefault
	if host := openapi.ModelVendor(pass.Doc); host != "" {
		// A vendor stores the caller's own files for the caller's own
		// model calls: the caller's data, not a third party's.
		sev = lint.SeverityNote
		msg += " (a note: " + host + " is the model vendor's own API, which stores the caller's data for the caller's own calls)"
	}
	for _, op := range openapi.Operations(pass.Doc) {
		if op.Method != "post" && op.Method != "put" && op.Method != "patch" || !takesInput(op) || control(op) {
			continue
		}
		sev, msg := sev, msg
		if sev != lint.SeverityNote {
			// Who may write it: text an accountable caller stores is most
			// often read back for that caller's own model calls (an
			// agent's memory, the caller's files); text anyone may store
			// reaches whoever's model reads it later.
			if exposure := openapi.OperationExposure(pass.Doc, op); exposure != "" {
				sev = lint.SeverityNote
				msg += " (a note: " + strings.TrimSuffix(exposure, ", under the service's own limits") + ", an accountable writer whose text is most often read back for their own model calls)"
			} else {
				msg += " (anyone may write it by the document's word)"
			}
		}
		if phrase := match(op.Op.Summary, op.Op.Description); phrase != "" {
			field := "summary"
			if !strings.Contains(strings.Join(strings.Fields(op.Op.Summary), " "), phrase) {
				field = "description"
			}
			pass.ReportSeverityf(sev, op.Pointer, op.Op.Origin, field, msg, op.Method, op.Path, field, phrase)
			continue
		}
		rb := op.Op.RequestBody
		if rb == nil || rb.Value == nil {
			continue
		}
		if phrase := match(rb.Value.Description); phrase != "" {
			if rb.Ref != "" {
				// A shared body: report at the operation that stores it.
				pass.ReportSeverityf(sev, op.Pointer, op.Op.Origin, "requestBody", msg, op.Method, op.Path, "request body description", phrase)
			} else {
				pass.ReportSeverityf(sev, openapi.Join(op.Pointer, "requestBody"), rb.Value.Origin, "description", msg, op.Method, op.Path, "request body description", phrase)
			}
		}
	}
	return nil
}

// takesInput reports whether an operation accepts anything to store: a
// request body or a parameter outside the path.
func takesInput(op openapi.Operation) bool {
	if op.Op.RequestBody != nil {
		return true
	}
	for _, list := range []openapi3.Parameters{op.Item.Parameters, op.Op.Parameters} {
		for _, p := range list {
			if p != nil && p.Value != nil && p.Value.In != "path" && p.Value.In != "header" {
				return true
			}
		}
	}
	return false
}

// control reports whether an operation acts on a store or job rather than
// adding to it, by the last word of its path or operationId.
func control(op openapi.Operation) bool {
	segs := strings.Split(strings.Trim(op.Path, "/"), "/")
	if w := openapi.Words(segs[len(segs)-1]); len(w) > 0 && controlWords[w[len(w)-1]] {
		return true
	}
	w := openapi.Words(op.Op.OperationID)
	return len(w) > 0 && (controlWords[w[0]] || controlWords[w[len(w)-1]])
}

// match returns the first phrase of texts, taken together, that says the
// input reaches a model, with its spaces normalised.
func match(texts ...string) string {
	var all []string
	for _, t := range texts {
		if t = strings.Join(strings.Fields(t), " "); t != "" {
			all = append(all, t)
		}
	}
	for _, s := range all {
		if m := storedPhrases.FindString(s); m != "" {
			return m
		}
	}
	// "vector store" names the store; it does not say something is stored.
	joined := corpusPhrases.ReplaceAllString(strings.Join(all, " "), "")
	if !adding.MatchString(joined) {
		return ""
	}
	for _, s := range all {
		if m := corpusPhrases.FindString(s); m != "" {
			return m
		}
		if m := rag.FindString(s); m != "" {
			return m
		}
	}
	return ""
}
