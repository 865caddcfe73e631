package openapi

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// A relay is an API that stands in front of model providers: an OpenAI- or
// Anthropic-compatible gateway that takes a chat completion (a model and
// the caller's messages) and passes it on to the provider the model names.
// What such a request asks for is graded by who pays and who fetches, not
// by what the fields are called:
//
//   - token budgets (max_tokens, budget_tokens…) and completion counts (n,
//     best_of) are passed on: each provider caps them per model and bills
//     the key the relay holds, and one maximum in a multi-provider schema
//     would reject valid requests for larger models;
//   - the messages, system text and input are the caller's own prompt, on
//     its way to the provider, whose context window caps it;
//   - an image or document URL in a message part is fetched by the
//     provider, not by the relay.
//
// Work the relay's own server does (an agent loop it runs, a URL it
// fetches itself, a request anyone may send by the document's word) keeps
// its grade.

// Relay is what makes a document a relay in front of model providers.
type Relay struct {
	// Providers are the model providers the document names (in prose or
	// in an enum), sorted; a relay names at least two.
	Providers []string
	// calls are the request schemas of model calls and everything they
	// contain (messages, content parts, tools…).
	calls map[*openapi3.Schema]bool
}

// InCall reports whether a request schema is, or sits inside, the body of
// a model call the relay passes on.
func (r *Relay) InCall(s *openapi3.Schema) bool { return r != nil && r.calls[s] }

// Why names the relay for messages: `a relay in front of model providers
// (anthropic, groq, openai and 2 more)`.
func (r *Relay) Why() string {
	names := r.Providers
	more := ""
	if len(names) > 3 {
		more = fmt.Sprintf(" and %d more", len(names)-3)
		names = names[:3]
	}
	return "a relay in front of model providers (" + strings.Join(names, ", ") + more + ")"
}

// RelayOf returns what makes t a relay in front of model providers, or nil
// when it is not one: a request body shaped like a model call (an object
// with model, and messages, prompt, input or contents) in a document that
// names at least two model providers. A model vendor's own API (see
// ModelVendor) names one; an OpenAI-compatible server in front of a local
// model names none or one, and spends its own compute on every token, so it
// is no relay. The walk is linear in the document and done once.
func RelayOf(t *openapi3.T) *Relay {
	return cached(t, "relay", func() *Relay { return relayOf(t) })
}

// modelCallText are the fields that, beside model, carry what a model call
// is about.
var modelCallText = []string{"messages", "prompt", "input", "contents"}

// providerWords are the names of model providers as words of prose or enum
// values, mapped to one spelling. Names that are also ordinary words or
// clouds (google, azure, nvidia, together) count only as enum values.
var providerWords = map[string]string{
	"openai": "openai", "anthropic": "anthropic", "claude": "anthropic", "groq": "groq",
	"ollama": "ollama", "mistral": "mistral", "mistralai": "mistral", "cohere": "cohere",
	"deepseek": "deepseek", "gemini": "google", "vertexai": "google", "bedrock": "bedrock",
	"fireworks": "fireworks", "huggingface": "huggingface", "replicate": "replicate",
	"perplexity": "perplexity", "openrouter": "openrouter", "xai": "xai", "grok": "xai",
	"llamacpp": "llamacpp", "vllm": "vllm", "moonshot": "moonshot", "minimax": "minimax",
	"ai21": "ai21", "togetherai": "together",
}

// providerEnumWords are provider names that count only as enum values.
var providerEnumWords = map[string]string{
	"google": "google", "azure": "azure", "nvidia": "nvidia", "together": "together",
	"cloudflare": "cloudflare", "vertex": "google", "watsonx": "ibm",
}

func relayOf(t *openapi3.T) *Relay {
	if t == nil {
		return nil
	}
	var roots []*openapi3.Schema
	for _, op := range Operations(t) {
		rb := op.Op.RequestBody
		if rb == nil || rb.Value == nil {
			continue
		}
		for _, mt := range slices.Sorted(maps.Keys(rb.Value.Content)) {
			if m := rb.Value.Content[mt]; m != nil && m.Schema != nil && modelCall(m.Schema.Value) {
				roots = append(roots, m.Schema.Value)
			}
		}
	}
	if len(roots) == 0 {
		return nil
	}
	named := map[string]bool{}
	addWords := func(text string, table map[string]string) {
		for w := range strings.FieldsFuncSeq(strings.ToLower(text), func(r rune) bool {
			return (r < 'a' || r > 'z') && (r < '0' || r > '9')
		}) {
			if p, ok := table[w]; ok {
				named[p] = true
			}
		}
	}
	for _, x := range Texts(t) {
		switch x.Field {
		case "title", "summary", "description":
			addWords(x.Value, providerWords)
		}
	}
	for _, s := range Schemas(t) {
		for _, v := range s.S.Enum {
			if str, ok := v.(string); ok {
				addWords(str, providerWords)
				addWords(str, providerEnumWords)
			}
		}
	}
	if len(named) < 2 {
		return nil
	}
	r := &Relay{Providers: slices.Sorted(maps.Keys(named)), calls: map[*openapi3.Schema]bool{}}
	var walk func(s *openapi3.Schema)
	walk = func(s *openapi3.Schema) {
		if s == nil || r.calls[s] {
			return
		}
		r.calls[s] = true
		for _, name := range slices.Sorted(maps.Keys(s.Properties)) {
			if ref := s.Properties[name]; ref != nil {
				walk(ref.Value)
			}
		}
		for _, ref := range []*openapi3.SchemaRef{s.Items, s.AdditionalProperties.Schema} {
			if ref != nil {
				walk(ref.Value)
			}
		}
		for _, list := range []openapi3.SchemaRefs{s.AllOf, s.AnyOf, s.OneOf} {
			for _, ref := range list {
				if ref != nil {
					walk(ref.Value)
				}
			}
		}
	}
	for _, s := range roots {
		walk(s)
	}
	return r
}

// modelCall reports whether a request body is shaped like a model call:
// an object (or one of its allOf parts) with a model field and a field
// carrying what the call is about.
func modelCall(s *openapi3.Schema) bool {
	if s == nil {
		return false
	}
	props := map[string]bool{}
	add := func(x *openapi3.Schema) {
		for name := range x.Properties {
			props[SnakeName(name)] = true
		}
	}
	add(s)
	for _, part := range s.AllOf {
		if part != nil && part.Value != nil {
			add(part.Value)
		}
	}
	return props["model"] && slices.ContainsFunc(modelCallText, func(n string) bool { return props[n] })
}

// ModelCallBody reports whether an operation's request body is shaped
// like a model call: an object with model, and messages, prompt, input or
// contents.
func ModelCallBody(op Operation) bool {
	rb := op.Op.RequestBody
	if rb == nil || rb.Value == nil {
		return false
	}
	for _, m := range rb.Value.Content {
		if m != nil && m.Schema != nil && modelCall(m.Schema.Value) {
			return true
		}
	}
	return false
}
