// Package oas405 defines rule OAS405: request fields that carry text to a
// language model without a length bound.
package oas405

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync/atomic"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/apiaudit/apiaudit/pkg/budget"
	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/load/openapi"
	"github.com/apiaudit/apiaudit/rules/oas505"
)

// Options are the settings of OAS405. Names are compared in snake case:
// "systemPrompt" and "system-prompt" match "system_prompt".
type Options struct {
	// PromptFields are names that say a field is sent to a model, checked
	// in every document.
	PromptFields []string `yaml:"prompt-fields"`
	// ModelFields are names of fields that carry text to a model when the
	// document describes a model API, and ordinary text elsewhere.
	ModelFields []string `yaml:"model-fields"`
	// ModelSettings are request fields that only a model API takes; one of
	// them makes the document a model API.
	ModelSettings []string `yaml:"model-settings"`
}

var options = Options{
	PromptFields: []string{
		"prompt", "system_prompt", "user_prompt", "negative_prompt", "prompt_text",
		"system_instructions", "custom_instructions", "system_message",
	},
	ModelFields: []string{
		"instructions", "system", "messages", "message", "input", "inputs", "query", "question",
		"content", "text", "context", "chat_history",
	},
	ModelSettings: []string{
		"max_tokens", "max_new_tokens", "max_output_tokens", "max_completion_tokens", "max_tokens_to_sample",
		"top_p", "frequency_penalty", "presence_penalty", "repetition_penalty", "stop_sequences",
		"logprobs", "top_logprobs",
	},
}

var Rule = &lint.Rule{
	ID:   "OAS405",
	Name: "unbounded-prompt-field",
	Doc: lint.Doc{
		Title: "Prompt field has no length limit",
		Summary: "A request field that carries free text to a language model (prompt, system_prompt, " +
			"and in a model API also messages, input, query, content, text...) is a string without " +
			"maxLength or an array without maxItems.",
		Why: `Text that an API hands to a language model is both an injection surface and a
bill. Every extra kilobyte of a prompt is room for instructions that
override the system prompt (OWASP LLM01:2025), fills the context window so
that earlier instructions and guardrails fall out of it, and costs tokens
that someone pays for (LLM10:2025, unbounded consumption). A conversation
array without a limit lets a caller replay a long, crafted history in one
request. The description is where a gateway, a validation middleware or a
generated server learns the limit; without one, the first limit that applies
is the model's context window.

When an AI agent calls the API, the text it sends often comes from
somewhere else: a web page, an email, a document a user uploaded. A bound
does not stop an injection, but it caps how much attacker text rides along
and how much one call can cost.

Fields are found by name, in parameters and request bodies. Names that say
"prompt" (option ` + "`prompt-fields`" + `) are checked in every document. Generic
names such as ` + "`messages`" + `, ` + "`input`" + `, ` + "`query`" + `, ` + "`content`" + ` and ` + "`text`" + ` (option
` + "`model-fields`" + `) are checked only in a model API: a document whose requests take
model settings such as ` + "`max_tokens`" + ` or ` + "`top_p`" + ` (option ` + "`model-settings`" + `).
Findings are warnings where anyone may send the text, and in a document
written for AI agents (with ` + "`x-openai-*`" + `, ` + "`x-mcp*`" + ` and similar extensions),
where the text usually comes from content the agent read rather than from
its user; notes where only authenticated callers send it (see the grades).

A string is bounded by ` + "`maxLength`" + `, an ` + "`enum`" + ` or ` + "`const`" + `, or an anchored pattern
without open-ended repetition (` + "`^[a-z ]{1,200}$`" + `); an array by ` + "`maxItems`" + `. Each
alternative of a ` + "`oneOf`" + ` or ` + "`anyOf`" + ` must be bounded. Objects, response fields and
` + "`readOnly`" + ` fields are not reported, nor are the parameters of an OAuth
authorization endpoint, in its query or its posted form (its ` + "`prompt`" + ` asks for ` + "`login`" + ` or
` + "`consent`" + `).`,
		Fix: "set maxLength on prompt strings (and maxItems on message arrays) to what the model and your budget allow",
		Bad: `components:
  schemas:
    ChatRequest:
      type: object
      properties:
        model: {type: string, enum: [small, large]}
        max_tokens: {type: integer, maximum: 4096}
        system_prompt: {type: string}
        messages:
          type: array
          items: {$ref: "#/components/schemas/Message"}`,
		Good: `components:
  schemas:
    ChatRequest:
      type: object
      properties:
        model: {type: string, enum: [small, large]}
        max_tokens: {type: integer, maximum: 4096}
        system_prompt: {type: string, maxLength: 4000}
        messages:
          type: array
          maxItems: 50
          items: {$ref: "#/components/schemas/Message"}`,
		Lang:      "yaml",
		Severity:  lint.SeverityWarning,
		NoteOnly:  "none of its 57 findings judged on real projects was worth acting on; rules.severity sets another level",
		Precision: "low",
		Grades: `- **warning** when anyone may send the text by the document's word (an operation with security: [] or an empty {} alternative, in a document that declares schemes), and in a document written for agents (x-openai-isConsequential and similar extensions), whose fields agents fill from untrusted context. No judged finding has been a true positive at error (docs/precision.md), so the rule no longer reports errors.
- **note** when only authenticated callers send it (an accountable caller's own text, under the service's own limits: a documentation gap), or when who may send it is unknown (no security scheme declared, authentication optional in every requirement the document writes, or no requirement written for the operation), with the reason in the message.
- **note** on a model vendor's own API, and on a gateway that bills its callers (a document that serves model calls and keeps accounts of what callers spend: billing, quota, balance, consumption or credits paths): the caller's text, the caller's bill, and the model's context window caps it.
- **note** for the text of a model call that a relay in front of model providers (a request body shaped like a model call, with model and messages, prompt, input or contents, in a document that names two or more providers such as OpenAI, Anthropic, Groq or Ollama) passes on: the caller's own prompt on its way to the provider, whose context window caps it; text anyone may send by the document's word stays a warning (the relay's provider keys pay for it).`,
		CWE:   []int{1284, 770, 400},
		OWASP: []string{"LLM01:2025", "LLM10:2025", "API4:2023"},
		Since: "v0.1.0",
	},
	Options: &options,
	Spec:    run,
}

// field is a request field with a prompt-like name.
type field struct {
	where   string // for messages
	ptr     string
	origin  *openapi3.Origin
	key     string // the key of the element to point at
	s       *openapi3.Schema
	generic bool           // named like generic text, not like a prompt
	param   *openapi.Param // the parameter, for a parameter's field
}

func run(pass *lint.SpecPass) error {
	prompt, generic, settings := set(options.PromptFields), set(options.ModelFields), set(options.ModelSettings)
	schemas := openapi.Schemas(pass.Doc)
	defs := map[*openapi3.Schema]*openapi.Schema{}
	for _, s := range schemas {
		defs[s.S] = s
	}
	modelAPI := false
	var fields []field
	seen := map[*openapi3.Schema]bool{}
	consider := func(name string, ref *openapi3.SchemaRef, where, ptr string, origin *openapi3.Origin, key string, param *openapi.Param) {
		if ref == nil || ref.Value == nil || ref.Value.ReadOnly {
			return
		}
		n := openapi.SnakeName(name)
		switch {
		case settings[n]:
			modelAPI = true
		case prompt[n] || generic[n]:
			if seen[ref.Value] {
				return
			}
			seen[ref.Value] = true
			fields = append(fields, field{where: where, ptr: ptr, origin: origin, key: key, s: ref.Value, generic: !prompt[n], param: param})
		}
	}
	for _, p := range openapi.Parameters(pass.Doc) {
		if slices.ContainsFunc(p.Users, authorization) {
			continue // OpenID Connect's prompt=login|consent is no prompt
		}
		where := fmt.Sprintf("%s parameter %q", p.P.In, p.P.Name)
		consider(p.P.Name, p.P.Schema, where, p.Pointer, p.Origin, "name", p)
	}
	// The form bodies of OAuth authorization requests (POST
	// /oauth/authorize), and no other operation's: their prompt is OpenID
	// Connect's too.
	authBody, otherBody := map[*openapi3.Schema]bool{}, map[*openapi3.Schema]bool{}
	for _, op := range openapi.Operations(pass.Doc) {
		for _, v := range bodySchemas(op) {
			if authorization(op) {
				authBody[v] = true
			} else {
				otherBody[v] = true
			}
		}
	}
	for _, s := range schemas {
		if s.Uses&openapi.Request == 0 || s.S.ReadOnly {
			continue
		}
		oidc := authBody[s.S] && !otherBody[s.S]
		for _, name := range slices.Sorted(maps.Keys(s.S.Properties)) {
			prop := s.S.Properties[name]
			if prop == nil || prop.Value == nil || oidc && openapi.SnakeName(name) == "prompt" {
				continue
			}
			// Report where the field's schema is defined: a shared Prompt
			// schema once, however many objects use it.
			ptr, origin := openapi.Join(s.Pointer, "properties", name), prop.Value.Origin
			if d := defs[prop.Value]; d != nil {
				ptr = d.Pointer
			}
			consider(name, prop, fmt.Sprintf("request field %q (%s)", name, openapi.Describe(ptr)), ptr, origin, "", nil)
		}
	}
	// The vendor's own API, or a gateway that bills its callers: the
	// caller's text, the caller's bill, and the model's context window
	// caps it.
	sev, why := lint.SeverityWarning, openapi.PayerNote(pass.Doc)
	if why != "" {
		sev = lint.SeverityNote
	}
	agents := openapi.AgentFacing(pass.Doc)
	relay := openapi.RelayOf(pass.Doc)
	var inputs *openapi.Inputs
	var stopped error // the first walk stopped by its budget
	for _, f := range fields {
		if f.generic && !modelAPI {
			continue
		}
		b := budget.New("prompt-length analysis", f.where, WalkLimit)
		miss := unbounded(f.s, 0, b)
		noteWalk(b.Used())
		if err := b.Err(); err != nil && stopped == nil {
			stopped = err
		}
		if miss != "" {
			fsev, fwhy := sev, why
			if sev != lint.SeverityNote {
				var exposure string
				if f.param != nil {
					exposure = openapi.ParamExposure(pass.Doc, f.param)
				} else {
					if inputs == nil {
						inputs = openapi.NewInputs(pass.Doc)
					}
					exposure = inputs.Exposure(pass.Doc, f.s)
				}
				switch {
				case f.param == nil && relay.InCall(f.s):
					fsev, fwhy = relayGrade(exposure, relay, sev)
				case agents:
					fwhy = " (the document is written for agents, which fill it from untrusted context)"
				case exposure != "":
					fsev, fwhy = lint.SeverityNote, " (a note: "+exposure+")"
				default:
					fwhy = " (anyone may send it by the document's word)"
				}
			}
			pass.ReportSeverityf(fsev, f.ptr, f.origin, f.key, "%s %s: unbounded text reaches the model%s", f.where, miss, fwhy)
		}
	}
	return stopped // the findings so far are kept; the engine reports the stop
}

// WalkLimit is how many schemas the walk of one field's schema may visit:
// it follows oneOf, anyOf and allOf to a depth of 8 without remembering
// what it has seen, so a schema that is its own alternative a dozen
// times over took 12^9 steps (a scan that did not end). Real documents
// take a few (see docs/performance.md).
var WalkLimit int64 = 100_000

var maxWalk atomic.Int64

func noteWalk(used int64) {
	for m := maxWalk.Load(); used > m && !maxWalk.CompareAndSwap(m, used); m = maxWalk.Load() {
	}
}

// MaxWalk is the most steps one walk has taken in this process (for the
// measurements of docs/performance.md).
func MaxWalk() int64 { return maxWalk.Load() }

// relayGrade grades text of a model call that a relay passes on to a
// provider (see openapi.RelayOf): the caller's own prompt on its way to the
// provider the model names, whose context window caps it, is a note; what
// anyone may send by the document's word keeps sev, since the relay's own
// provider keys pay for it. A prompt the relay writes itself is not in the
// call's request body and keeps its grade.
func relayGrade(exposure string, relay *openapi.Relay, sev lint.Severity) (lint.Severity, string) {
	if exposure == "" {
		level := "a warning"
		if sev == lint.SeverityError {
			level = "an error"
		}
		return sev, " (" + level + " although " + relay.Why() + " passes it on: anyone may send it, and the relay's own provider keys pay)"
	}
	return lint.SeverityNote, " (a note: " + relay.Why() + " passes the caller's own text on to the provider the model names, whose context window caps it)"
}

// authorization reports whether an operation is an OAuth 2.0 authorization
// endpoint: it takes response_type, and redirect_uri or client_id.
func authorization(op openapi.Operation) bool {
	has := map[string]bool{}
	for _, list := range []openapi3.Parameters{op.Item.Parameters, op.Op.Parameters} {
		for _, p := range list {
			if p != nil && p.Value != nil {
				has[openapi.SnakeName(p.Value.Name)] = true
			}
		}
	}
	for _, v := range bodySchemas(op) {
		for name := range v.Properties {
			has[openapi.SnakeName(name)] = true
		}
	}
	return has["response_type"] && (has["redirect_uri"] || has["client_id"])
}

// bodySchemas are the schemas of op's request body, one per media type.
func bodySchemas(op openapi.Operation) []*openapi3.Schema {
	rb := op.Op.RequestBody
	if rb == nil || rb.Value == nil {
		return nil
	}
	var out []*openapi3.Schema
	for _, mt := range rb.Value.Content {
		if mt != nil && mt.Schema != nil && mt.Schema.Value != nil {
			out = append(out, mt.Schema.Value)
		}
	}
	return out
}

func set(list []string) map[string]bool {
	m := map[string]bool{}
	for _, s := range list {
		m[openapi.SnakeName(s)] = true
	}
	return m
}

const alternative = " in one of its alternatives"

// unbounded says what bound a prompt-carrying schema lacks, or "" when it is
// bounded (or is not text at all).
func unbounded(s *openapi3.Schema, depth int, b *budget.Budget) string {
	if depth > 8 || !b.Spend() || len(s.Enum) > 0 || s.Const != nil || s.Always != nil {
		return ""
	}
	var alts openapi3.SchemaRefs
	alts = append(alts, s.OneOf...)
	alts = append(alts, s.AnyOf...)
	if len(alts) > 0 {
		for _, a := range alts {
			if a == nil || a.Value == nil {
				continue
			}
			if miss := unbounded(a.Value, depth+1, b); miss != "" {
				if !strings.HasSuffix(miss, alternative) {
					miss += alternative
				}
				return miss
			}
		}
		return ""
	}
	if bounded(s, depth, b) {
		return ""
	}
	switch kind(s, depth, b) {
	case "array":
		return "is an array without maxItems"
	case "string":
		return "is a string without maxLength"
	case "":
		return "has no type and no maxLength"
	}
	return ""
}

// kind is "string" or "array" for text a schema (or a part of its allOf)
// says it holds, "other" for any other type, "" when nothing says.
func kind(s *openapi3.Schema, depth int, b *budget.Budget) string {
	switch t := s.Type; {
	case t.Includes("array"):
		return "array"
	case t.Includes("string"):
		return "string"
	case t != nil && len(*t) > 0 || len(s.Properties) > 0 || s.Items != nil:
		return "other"
	}
	if depth > 8 || !b.Spend() {
		return "other"
	}
	k := ""
	for _, a := range s.AllOf {
		if a != nil && a.Value != nil {
			if ak := kind(a.Value, depth+1, b); ak != "" {
				k = ak
			}
		}
	}
	return k
}

// bounded reports whether a schema, or a part of its allOf, bounds the
// length of its values.
func bounded(s *openapi3.Schema, depth int, b *budget.Budget) bool {
	if s.MaxLength != nil || s.MaxItems != nil || openapi.Fixed(s) {
		return true
	}
	if _, ok := openapi.PatternMaxLength(s.Pattern); ok {
		return true
	}
	if depth > 8 || !b.Spend() {
		return false
	}
	for _, a := range s.AllOf {
		if a != nil && a.Value != nil && bounded(a.Value, depth+1, b) {
			return true
		}
	}
	return false
}

// PromptField reports whether OAS405 checks a field of this name in every
// document (its prompt-fields option), so that the generic length rule
// (OAS201) can leave the field to it rather than report it twice.
func PromptField(name string) bool {
	n := openapi.SnakeName(name)
	for _, f := range options.PromptFields {
		if openapi.SnakeName(f) == n {
			return true
		}
	}
	return false
}

// ModelAPI reports whether a request of doc takes a setting only a model
// API takes (max_tokens, top_p…: the model-settings option).
func ModelAPI(doc *openapi3.T) bool {
	settings := set(options.ModelSettings)
	for _, p := range openapi.Parameters(doc) {
		if settings[openapi.SnakeName(p.P.Name)] {
			return true
		}
	}
	for _, s := range openapi.Schemas(doc) {
		if s.Uses&openapi.Request == 0 {
			continue
		}
		for name := range s.S.Properties {
			if settings[openapi.SnakeName(name)] {
				return true
			}
		}
	}
	return false
}

// GenericModelField reports whether a name is one of the model-fields
// option: text to a model in a model API, ordinary text elsewhere.
func GenericModelField(name string) bool {
	n := openapi.SnakeName(name)
	return slices.ContainsFunc(options.ModelFields, func(f string) bool { return openapi.SnakeName(f) == n })
}

// Claims reports whether a more specific rule reports the element under
// this name, OAS405 (text that reaches a model) or OAS505 (a URL the server
// fetches), so that the general bounds rules (OAS201, OAS202) leave it to
// that rule: one element, one finding. *modelAPI caches, for the document,
// whether it is a model API (-1 until asked).
func Claims(pass *lint.SpecPass, s *openapi.Schema, name string, modelAPI *int) bool {
	if PromptField(name) || oas505.Fetched(name, s.S, s.Pointer) {
		return true
	}
	if GenericModelField(name) {
		if *modelAPI < 0 {
			*modelAPI = 0
			if ModelAPI(pass.Doc) {
				*modelAPI = 1
			}
		}
		return *modelAPI == 1
	}
	return false
}
